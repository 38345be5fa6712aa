// Booking codes: 10 symbols of the tracking codes' alphabet (Crockford base32, 50 bits), shown once to the citizen
// grouped as "ABCDE-FGHJK" and kept only as a keyed hash. Pure: the caller gives the random or derived bytes.
import { CODE_ALPHABET } from "../tracking-code";

export const BOOKING_CODE_LENGTH = 10;
const MAX_INPUT_LENGTH = 60;

const VALUE: ReadonlyMap<string, number> = new Map([
  ...[...CODE_ALPHABET].map((c, i) => [c, i] as const),
  // Crockford's read-back rules for letters people mistake for digits.
  ["O", 0],
  ["I", 1],
  ["L", 1],
]);

/** The code made from the first BOOKING_CODE_LENGTH bytes (each masked to 5 bits: 256 is a multiple of 32). */
export function bookingCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < BOOKING_CODE_LENGTH) throw new RangeError("not enough bytes for a booking code");
  const symbols = [...bytes.subarray(0, BOOKING_CODE_LENGTH)].map((b) => CODE_ALPHABET[b & 31]).join("");
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

/** The canonical form ("ABCDE-FGHJK") of a typed code: case, spaces, dashes and confusable letters forgiven; else null. */
export function normalizeBookingCode(input: string): string | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  const cleaned = input.normalize("NFKC").toUpperCase().replace(/[\s\-\u2010-\u2015\u2212.]/g, "");
  if (cleaned.length !== BOOKING_CODE_LENGTH) return null;
  let out = "";
  for (const ch of cleaned) {
    const v = VALUE.get(ch);
    if (v === undefined) return null;
    out += CODE_ALPHABET[v];
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}
