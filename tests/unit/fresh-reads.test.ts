import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { freshReads } from "@/server/http/public-page-cache";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("freshReads: validator reads shared by a crowd", () => {
  it("never gives a caller a read that started before it asked, and shares reads among callers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(3), fc.constantFrom("a", "b")), { minLength: 1, maxLength: 60 }), async (arrivals) => {
        let version = 0; // what the database holds; each arrival commits a change first
        let reads = 0;
        const share = freshReads<number>();
        const read = async () => {
          reads++;
          const seen = version;
          await tick();
          await tick();
          return seen;
        };
        const checks: Promise<void>[] = [];
        for (const [wait, key] of arrivals) {
          for (let i = 0; i < wait; i++) await tick();
          const committed = ++version;
          checks.push(share(key, read).then((seen) => expect(seen).toBeGreaterThanOrEqual(committed)));
        }
        await Promise.all(checks);
        expect(reads).toBeLessThanOrEqual(arrivals.length);
      }),
      { numRuns: 200 },
    );
  });

  it("costs two reads for fifty callers at once", async () => {
    let reads = 0;
    const share = freshReads<string>();
    const read = async () => {
      reads++;
      await tick();
      return "v";
    };
    const first = share("k", read);
    const crowd = Array.from({ length: 50 }, () => share("k", read));
    expect(await Promise.all([first, ...crowd])).toEqual(Array(51).fill("v"));
    expect(reads).toBe(2);
  });

  it("passes a failed read to its callers and reads again for the next ones", async () => {
    const share = freshReads<string>();
    let fail = true;
    const read = async () => {
      await tick();
      if (fail) throw new Error("database gone");
      return "ok";
    };
    await expect(share("k", read)).rejects.toThrow("database gone");
    fail = false;
    expect(await share("k", read)).toBe("ok");
  });
});
