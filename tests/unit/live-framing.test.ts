import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { retryDelay } from "@/app/doi-thoai/[id]/live-view";
import { sseComment, sseEvent, sseRetry } from "@/server/dialogue/live/sse";

/** Parses a stream as a browser's EventSource does (the spec's algorithm, for the fields used here). */
function parse(stream: string) {
  const events: { id?: string; event: string; data: string }[] = [];
  let data: string[] = [];
  let event = "message";
  let id: string | undefined;
  let retry: number | undefined;
  for (const line of stream.split(/\r\n|\r|\n/)) {
    if (line === "") {
      if (data.length) events.push({ id, event, data: data.join("\n") });
      data = [];
      event = "message";
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
    else if (field === "id") id = value;
    else if (field === "retry" && /^\d+$/.test(value)) retry = Number(value);
  }
  return { events, retry };
}

describe("server-sent events framing", () => {
  it("carries any data, line breaks of every kind included, as the browser reads it back", () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[^\r\n]*$/), (data, id) => {
        const { events } = parse(sseRetry() + sseComment("hb") + sseEvent({ id, event: "snapshot", data }) + sseComment("x\ny"));
        expect(events).toEqual([{ id, event: "snapshot", data: data.replace(/\r\n|\r/g, "\n") }]);
      }),
    );
  });

  it("keeps an id or event name from breaking the frame", () => {
    const frame = sseEvent({ id: "1\n\ndata: forged", event: "snap\rshot", data: "{}" });
    expect(parse(frame).events).toEqual([{ id: "1data: forged", event: "snapshot", data: "{}" }]);
  });

  it("gives the reconnection hint and comments the browser ignores", () => {
    expect(parse(sseRetry(3000)).retry).toBe(3000);
    expect(parse(sseComment("a\nb")).events).toEqual([]);
    expect(sseEvent({ data: JSON.stringify({ a: 1 }) })).toBe('data: {"a":1}\n\n');
  });
});

describe("retry delay", () => {
  it("doubles from the base up to the cap, never below four fifths of it", () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 10, 1000].map((a) => retryDelay(a, 5_000, 60_000, none))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 100 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (attempt, r) => {
        const plain = Math.min(60_000, 5_000 * 2 ** Math.max(0, Math.min(attempt, 20)));
        const delay = retryDelay(attempt, 5_000, 60_000, () => r);
        expect(delay).toBeLessThanOrEqual(plain);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(plain * 0.8));
      }),
    );
  });
});
