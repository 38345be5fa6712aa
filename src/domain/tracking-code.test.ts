import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ACCESS_KEY_LENGTH,
  CODE_ALPHABET,
  TRACKING_CODE_LENGTH,
  generateAccessKey,
  generateTrackingCode,
  hashAccessKey,
  isValidTrackingCode,
  normalizeAccessKey,
  normalizeTrackingCode,
  verifyAccessKey,
} from "./tracking-code";

const SYMBOLS = [...CODE_ALPHABET];
const display = (raw: string) => `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
const raw = (code: string) => code.replaceAll("-", "");

/** Completes 10 data symbols with the one check symbol that makes a valid code, found by trying all 32. */
function complete(data: string): string {
  const valid = SYMBOLS.filter((c) => isValidTrackingCode(data + c));
  expect(valid).toHaveLength(1); // exactly one check symbol per data
  return data + (valid[0] ?? "");
}

function singleSubstitutions(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (const c of SYMBOLS) if (c !== code[i]) out.push(code.slice(0, i) + c + code.slice(i + 1));
  }
  return out;
}

function transpositions(code: string, adjacentOnly: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (let j = i + 1; j < (adjacentOnly ? Math.min(i + 2, code.length) : code.length); j++) {
      const a = code[i] ?? "";
      const b = code[j] ?? "";
      if (a === b) continue;
      out.push(code.slice(0, i) + b + code.slice(i + 1, j) + a + code.slice(j + 1));
    }
  }
  return out;
}

const dataArb = fc.array(fc.constantFrom(...SYMBOLS), { minLength: 10, maxLength: 10 }).map((a) => a.join(""));

describe("generateTrackingCode", () => {
  it("produces valid codes in the display form XXXX-XXXX-XXX", () => {
    for (let i = 0; i < 1000; i++) {
      const code = generateTrackingCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$/);
      expect(isValidTrackingCode(code)).toBe(true);
      expect(normalizeTrackingCode(code)).toBe(code);
    }
  });

  it("10,000 codes: no duplicates, symbols roughly uniform per position", () => {
    const codes = Array.from({ length: 10_000 }, () => raw(generateTrackingCode()));
    expect(new Set(codes).size).toBe(codes.length);
    // Each data position: expected 10000/32 = 312.5 per symbol; allow wide bounds to stay non-flaky.
    for (let pos = 0; pos < 10; pos++) {
      const counts = new Map<string, number>();
      for (const c of codes) counts.set(c[pos] ?? "", (counts.get(c[pos] ?? "") ?? 0) + 1);
      expect(counts.size).toBe(32);
      for (const n of counts.values()) {
        expect(n).toBeGreaterThan(200);
        expect(n).toBeLessThan(430);
      }
    }
  });

  it("consecutive codes share no sequence", () => {
    const a = raw(generateTrackingCode());
    const b = raw(generateTrackingCode());
    expect(a).not.toBe(b);
  });
});

describe("check symbol", () => {
  // Pinned so a refactor cannot silently invalidate codes already handed to citizens.
  it.each(["0000-0000-000", "1111-1111-113", "ZZZZ-ZZZZ-ZZ4", "0123-4567-890"])("accepts pinned code %s", (code) => {
    expect(normalizeTrackingCode(code)).toBe(code);
  });

  const fixed = ["0000000001", "ZZZZZZZZZZ", "0V0V0V0V0V", "ABCDEFGHJK", "MNPQRSTVWX", "1234567890"].map(complete);

  it.each(fixed)("exhaustive: every single substitution of %s is rejected", (code) => {
    const variants = singleSubstitutions(code);
    expect(variants).toHaveLength(11 * 31);
    expect(variants.filter(isValidTrackingCode)).toEqual([]);
  });

  it.each(fixed)("exhaustive: every transposition (adjacent or not) of %s is rejected", (code) => {
    const variants = transpositions(code, false);
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.filter(isValidTrackingCode)).toEqual([]);
  });

  it("catches the 0<->V swap that Luhn mod 32 would miss", () => {
    const code = complete("0V00000000");
    expect(normalizeTrackingCode("V0" + code.slice(2))).toBeNull();
  });

  it("property: every single substitution is rejected", () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const code = complete(data);
        expect(singleSubstitutions(code).filter(isValidTrackingCode)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("property: every adjacent transposition is rejected, the check symbol included", () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const code = complete(data);
        expect(transpositions(code, true).filter(isValidTrackingCode)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("property: exactly one check symbol completes any data", () => {
    fc.assert(fc.property(dataArb, (data) => void complete(data)));
  });
});

describe("normalizeTrackingCode", () => {
  const code = generateTrackingCode();

  it("accepts lowercase, spaces and no dashes", () => {
    expect(normalizeTrackingCode(code.toLowerCase())).toBe(code);
    expect(normalizeTrackingCode(raw(code))).toBe(code);
    expect(normalizeTrackingCode(`  ${raw(code).split("").join(" ")}  `)).toBe(code);
    expect(normalizeTrackingCode(code.replaceAll("-", " – "))).toBe(code);
    expect(normalizeTrackingCode(code.replaceAll("-", "\u00a0"))).toBe(code);
  });

  it("accepts full-width characters from phone keyboards", () => {
    const wide = [...code].map((c) => (c === "-" ? c : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join("");
    expect(normalizeTrackingCode(wide)).toBe(code);
  });

  it("maps O to 0 and I, L to 1, in either case", () => {
    const withConfusions = complete("0101010101");
    const typed = withConfusions.slice(0, 10).replace(/0/g, (_, i: number) => (i % 4 === 0 ? "O" : "o"));
    const typed2 = typed.replace(/1/g, (_, i: number) => ["I", "i", "L", "l"][i % 4] ?? "1");
    expect(typed2).not.toMatch(/[01]/);
    expect(normalizeTrackingCode(typed2 + withConfusions.slice(10))).toBe(display(withConfusions));
  });

  it("rejects U and other symbols outside the alphabet", () => {
    const base = raw(code);
    for (const bad of ["U", "u", "*", "~", "$", "=", "Đ", "@"]) {
      expect(normalizeTrackingCode(bad + base.slice(1))).toBeNull();
    }
  });

  it("rejects the wrong length", () => {
    const base = raw(code);
    expect(normalizeTrackingCode("")).toBeNull();
    expect(normalizeTrackingCode(base.slice(0, 10))).toBeNull();
    expect(normalizeTrackingCode(base + "0")).toBeNull();
    expect(normalizeTrackingCode(base.repeat(100))).toBeNull();
  });

  it("property: never throws, and anything accepted is canonical and idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const n = normalizeTrackingCode(s);
        if (n !== null) {
          expect(n).toHaveLength(TRACKING_CODE_LENGTH + 2);
          expect(normalizeTrackingCode(n)).toBe(n);
        }
      }),
    );
  });

  it("random strings over the alphabet pass the check about 1 time in 32", () => {
    let valid = 0;
    const n = 32_000;
    for (let i = 0; i < n; i++) {
      let s = "";
      for (let j = 0; j < TRACKING_CODE_LENGTH; j++) s += SYMBOLS[Math.floor(Math.random() * 32)];
      if (isValidTrackingCode(s)) valid++;
    }
    expect(valid).toBeGreaterThan(700);
    expect(valid).toBeLessThan(1300);
  });
});

describe("access keys", () => {
  it("generates 20 symbols in groups of 4, all distinct across 10,000", () => {
    const keys = Array.from({ length: 10_000 }, generateAccessKey);
    for (const k of keys.slice(0, 100)) {
      expect(k).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(raw(k)).toHaveLength(ACCESS_KEY_LENGTH);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("round trip: the key verifies against its hash, also as typed loosely", () => {
    const key = generateAccessKey();
    const hash = hashAccessKey(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyAccessKey(key, hash)).toBe(true);
    expect(verifyAccessKey(raw(key).toLowerCase(), hash)).toBe(true);
    expect(verifyAccessKey(key.replaceAll("0", "O").replaceAll("1", "l"), hash)).toBe(true);
    expect(verifyAccessKey(key, hash.toUpperCase())).toBe(true);
  });

  it("hashes the normalized key, so loose typing gives the same hash", () => {
    const key = generateAccessKey();
    expect(hashAccessKey(raw(key).toLowerCase())).toBe(hashAccessKey(key));
  });

  it("refuses a wrong key", () => {
    const key = generateAccessKey();
    const hash = hashAccessKey(key);
    expect(verifyAccessKey(generateAccessKey(), hash)).toBe(false);
    const last = key.at(-1) === "0" ? "1" : "0";
    expect(verifyAccessKey(key.slice(0, -1) + last, hash)).toBe(false);
  });

  it("refuses malformed keys and hashes without throwing", () => {
    const key = generateAccessKey();
    const hash = hashAccessKey(key);
    expect(verifyAccessKey("", hash)).toBe(false);
    expect(verifyAccessKey(key.slice(0, -1), hash)).toBe(false);
    expect(verifyAccessKey(key + "0", hash)).toBe(false);
    expect(verifyAccessKey("U" + key.slice(1), hash)).toBe(false);
    expect(verifyAccessKey(key, "")).toBe(false);
    expect(verifyAccessKey(key, hash.slice(0, 62))).toBe(false);
    expect(verifyAccessKey(key, "z".repeat(64))).toBe(false);
  });

  it("hashAccessKey throws on a malformed key rather than storing a useless hash", () => {
    expect(() => hashAccessKey("not a key")).toThrow(RangeError);
  });

  it("normalizeAccessKey returns the grouped form or null", () => {
    const key = generateAccessKey();
    expect(normalizeAccessKey(raw(key).toLowerCase())).toBe(key);
    expect(normalizeAccessKey(key.slice(0, 10))).toBeNull();
  });

  it("property: a key differing in one symbol never verifies", () => {
    const key = generateAccessKey();
    const hash = hashAccessKey(key);
    const rawKey = raw(key);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 19 }), fc.constantFrom(...SYMBOLS), (i, c) => {
        fc.pre(rawKey[i] !== c);
        expect(verifyAccessKey(rawKey.slice(0, i) + c + rawKey.slice(i + 1), hash)).toBe(false);
      }),
    );
  });
});
