import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bookingCodeFromBytes, normalizeBookingCode } from "./booking-code";

describe("booking codes", () => {
  it("are 10 symbols in two groups and read back as themselves", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 32 }), (bytes) => {
        const code = bookingCodeFromBytes(bytes);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(normalizeBookingCode(code)).toBe(code);
        expect(normalizeBookingCode(code.toLowerCase().replace("-", " "))).toBe(code);
      }),
    );
  });

  it("forgive confusable letters and refuse what is not a code", () => {
    expect(normalizeBookingCode("o1il2-34567")).toBe("01112-34567");
    expect(normalizeBookingCode("ABCDE-FGHJ")).toBeNull();
    expect(normalizeBookingCode("ABCDE-FGHJKM")).toBeNull();
    expect(normalizeBookingCode("ABCDE-FGHJU")).toBeNull();
    expect(normalizeBookingCode("x".repeat(100))).toBeNull();
  });
});
