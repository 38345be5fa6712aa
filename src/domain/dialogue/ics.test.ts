import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalText, escapeText, foldLine, parseContentLines, renderCalendar, unescapeText, unfold, type IcsCalendar, type IcsSession } from "./ics";

const labels = { topic: "Chủ đề", leaders: "Lãnh đạo", host: "Đơn vị chủ trì", livestream: "Phát trực tiếp", page: "Trang phiên", postponed: "Hoãn", cancelled: "Hủy" };

const session = (overrides: Partial<IcsSession> = {}): IcsSession => ({
  id: "6f1c2b8e-2a4e-4c1e-9a55-0d1f8b7c3a21",
  title: "Đối thoại về bồi thường, tái định cư; đường ven biển",
  topic: "Bồi thường",
  description: "Dòng một\nDòng hai",
  location: "Hội trường UBND phường Quy Nhơn Nam",
  startsAt: new Date("2026-12-14T01:00:00Z"),
  endsAt: new Date("2026-12-14T04:00:00Z"),
  status: "open",
  version: 3,
  createdAt: new Date("2026-12-01T02:00:00Z"),
  updatedAt: new Date("2026-12-01T03:04:05Z"),
  livestreamUrl: "https://example.org/live",
  unitName: "Ủy ban nhân dân tỉnh Gia Lai",
  leaders: [{ name: "Nguyễn Văn A", position: "Chủ tịch UBND tỉnh" }],
  statusReason: null,
  ...overrides,
});

const calendar = (sessions: IcsSession[], overrides: Partial<IcsCalendar> = {}): IcsCalendar => ({
  origin: "https://doithoai.gialai.gov.vn",
  name: "Lịch đối thoại",
  labels,
  sessions,
  language: "vi",
  ...overrides,
});

const octets = (line: string) => new TextEncoder().encode(line).length;
const prop = (ics: string, name: string) => parseContentLines(ics).filter((l) => l.name === name);

describe("text values", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(unescapeText("a\\\\b\\;c\\,d\\ne\\Nf")).toBe("a\\b;c,d\ne\nf");
  });

  it("drops control characters a TEXT value may not hold, keeps tabs", () => {
    expect(escapeText("a\u0000b\u0007c\td")).toBe("abc\td");
  });

  it("any text survives escape, fold, unfold and unescape (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const line = `SUMMARY:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const physical of folded.split("\r\n")) expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(unescapeText(unfold(folded).slice("SUMMARY:".length))).toBe(canonicalText(text));
      }),
      { numRuns: 500 },
    );
  });

  it("never splits a UTF-8 character when folding (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 }), (text) => {
        const folded = foldLine(`DESCRIPTION:${escapeText(text)}`);
        for (const physical of folded.split("\r\n")) {
          // A split character would not survive an encode/decode round trip of the physical line.
          expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(physical))).toBe(physical);
          expect(octets(physical)).toBeLessThanOrEqual(75);
        }
        // Every physical line but the first starts with the folding space.
        expect(folded.split("\r\n").slice(1).every((l) => l.startsWith(" "))).toBe(true);
      }),
    );
  });

  it("folds Vietnamese text at 75 octets exactly where a character ends", () => {
    const folded = foldLine(`SUMMARY:${"Đối thoại ".repeat(20)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(octets(lines[0]!)).toBeGreaterThan(72);
  });
});

describe("renderCalendar", () => {
  it("writes a publishable calendar with CRLF line ends", () => {
    const ics = renderCalendar(calendar([session()]));
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const name of ["PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"]) expect(prop(ics, name)).toHaveLength(1);
    expect(prop(ics, "METHOD")[0]!.value).toBe("PUBLISH");
    expect(prop(ics, "CALSCALE")[0]!.value).toBe("GREGORIAN");
  });

  it("gives each session a stable UID on the site's host, UTC times, its version as SEQUENCE and an absolute URL", () => {
    const ics = renderCalendar(calendar([session()]));
    expect(prop(ics, "UID")[0]!.value).toBe("6f1c2b8e-2a4e-4c1e-9a55-0d1f8b7c3a21@doithoai.gialai.gov.vn");
    expect(prop(ics, "DTSTART")[0]!.value).toBe("20261214T010000Z");
    expect(prop(ics, "DTEND")[0]!.value).toBe("20261214T040000Z");
    expect(prop(ics, "DTSTAMP")[0]!.value).toBe("20261201T030405Z");
    expect(prop(ics, "SEQUENCE")[0]!.value).toBe("3");
    expect(prop(ics, "STATUS")[0]!.value).toBe("CONFIRMED");
    expect(prop(ics, "URL")[0]!.value).toBe("https://doithoai.gialai.gov.vn/doi-thoai/6f1c2b8e-2a4e-4c1e-9a55-0d1f8b7c3a21");
    expect(unescapeText(prop(ics, "SUMMARY")[0]!.value)).toBe("Đối thoại về bồi thường, tái định cư; đường ven biển");
    const description = unescapeText(prop(ics, "DESCRIPTION")[0]!.value);
    expect(description).toContain("Chủ đề: Bồi thường");
    expect(description).toContain("- Nguyễn Văn A, Chủ tịch UBND tỉnh");
    expect(description).toContain("Phát trực tiếp: https://example.org/live");
    expect(description).toContain("Trang phiên: https://doithoai.gialai.gov.vn/doi-thoai/");
  });

  it("marks a cancelled session CANCELLED with its reason, a postponed one TENTATIVE", () => {
    const ics = renderCalendar(calendar([session({ status: "cancelled", statusReason: "Mưa bão" }), session({ id: "x", status: "postponed", statusReason: "Trùng lịch" })]));
    expect(prop(ics, "STATUS").map((p) => p.value)).toEqual(["CANCELLED", "TENTATIVE"]);
    const descriptions = prop(ics, "DESCRIPTION").map((p) => unescapeText(p.value));
    expect(descriptions[0]).toContain("Hủy: Mưa bão");
    expect(descriptions[1]).toContain("Hoãn: Trùng lịch");
  });

  it("keeps hostile text inert: no line break, no injected property", () => {
    const ics = renderCalendar(calendar([session({ title: "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil", location: "a;b,c\\" })]));
    expect(prop(ics, "BEGIN").filter((p) => p.value === "VEVENT")).toHaveLength(1);
    expect(prop(ics, "UID")).toHaveLength(1);
    expect(unescapeText(prop(ics, "LOCATION")[0]!.value)).toBe("a;b,c\\");
  });

  it("no physical line is longer than 75 octets, whatever the sessions hold (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 300 }), (title, description) => {
        const ics = renderCalendar(calendar([session({ title: title || "x", description })]));
        expect(ics.split("\r\n").every((l) => octets(l) <= 75)).toBe(true);
        expect(unescapeText(prop(ics, "SUMMARY")[0]!.value)).toBe(canonicalText(title || "x"));
      }),
      { numRuns: 200 },
    );
  });
});
