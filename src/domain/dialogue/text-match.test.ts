import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText, similarity, SUGGEST_THRESHOLD, trigrams } from "./text-match";

describe("folding text", () => {
  it("drops accents and đ, lowers case, keeps words", () => {
    expect(foldText("Đường Trần Hưng Đạo bị NGẬP!")).toBe("duong tran hung dao bi ngap");
    expect(foldText("  Khi nào   sửa\ncầu? ")).toBe("khi nao sua cau");
  });

  it("is idempotent and never leaves a combining mark", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const folded = foldText(s);
        expect(foldText(folded)).toBe(folded);
        expect(/\p{M}/u.test(folded)).toBe(false);
      }),
    );
  });
});

describe("similarity", () => {
  it("finds the same question typed without accents", () => {
    const asked = "Khi nào sửa đường Trần Hưng Đạo?";
    expect(similarity(asked, "khi nao sua duong tran hung dao")).toBe(1);
    expect(similarity(asked, "Bao giờ sửa đường Trần Hưng Đạo")).toBeGreaterThan(SUGGEST_THRESHOLD);
    expect(similarity(asked, "Học phí trường mầm non năm nay")).toBeLessThan(SUGGEST_THRESHOLD);
  });

  it("pads words like pg_trgm", () => {
    expect([...trigrams("cat")].sort()).toEqual(["  c", " ca", "at ", "cat"]);
  });

  it("is symmetric and between 0 and 1", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const s = similarity(a, b);
        expect(s).toBe(similarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });
});
