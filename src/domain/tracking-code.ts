// Public tracking codes and private access keys (DOMAIN.md section 3).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Crockford base32: no I, L, O, U, so codes survive being read aloud or copied by hand. */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const DATA_LENGTH = 10; // 50 random bits
export const TRACKING_CODE_LENGTH = DATA_LENGTH + 1; // plus the check symbol
export const ACCESS_KEY_LENGTH = 20; // 100 random bits
const MAX_INPUT_LENGTH = 100; // refuse pasted essays before doing any work

/*
 * Check symbol: a weighted sum over GF(32), sum(w_i * x_i) = 0, with weights α^1..α^10 on the data and
 * 1 = α^0 on the check. All weights are distinct and non-zero, so every single substitution and every
 * transposition (adjacent or not, the check symbol included) changes the sum. Luhn mod 32 was rejected:
 * it misses the 0<->V transposition, as decimal Luhn misses 09<->90.
 */
const GF_EXP: number[] = [];
const GF_LOG: number[] = new Array<number>(32).fill(0);
{
  let x = 1;
  for (let i = 0; i < 31; i++) {
    GF_EXP.push(x);
    GF_LOG[x] = i;
    x <<= 1;
    if (x & 32) x ^= 0b100101; // x^5 + x^2 + 1, primitive
  }
}

function gfMul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return GF_EXP[((GF_LOG[a] ?? 0) + (GF_LOG[b] ?? 0)) % 31] ?? 0;
}

/** XOR of the weighted data symbols; equals the check value for a valid code. */
function checkValue(data: readonly number[]): number {
  let sum = 0;
  data.forEach((v, i) => {
    sum ^= gfMul(GF_EXP[i + 1] ?? 0, v);
  });
  return sum;
}

const SYMBOL_VALUE: ReadonlyMap<string, number> = new Map([
  ...[...CODE_ALPHABET].map((c, i) => [c, i] as const),
  // Crockford's read-back rules for the letters people mistake for digits.
  ["O", 0],
  ["I", 1],
  ["L", 1],
]);

/** Uppercase, drop spaces and dashes (any kind), map confusable letters; null if a symbol is not in the alphabet. */
function toValues(input: string): number[] | null {
  if (input.length > MAX_INPUT_LENGTH) return null;
  // NFKC turns full-width letters from phone keyboards into ASCII.
  const cleaned = input.normalize("NFKC").toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, "");
  const values: number[] = [];
  for (const ch of cleaned) {
    const v = SYMBOL_VALUE.get(ch);
    if (v === undefined) return null;
    values.push(v);
  }
  return values;
}

function toSymbols(values: readonly number[]): string {
  return values.map((v) => CODE_ALPHABET[v] ?? "").join("");
}

function group(s: string, sizes: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const n of sizes) {
    parts.push(s.slice(at, at + n));
    at += n;
  }
  return parts.join("-");
}

/** n unbiased random symbols: 256 is a multiple of 32, so masking a byte keeps the distribution uniform. */
function randomValues(n: number): number[] {
  return [...randomBytes(n)].map((b) => b & 31);
}

/** A new public tracking code in display form, e.g. "7K3M-Q9XD-2RB". Uniqueness is the caller's (database's) job. */
export function generateTrackingCode(): string {
  const data = randomValues(DATA_LENGTH);
  return group(toSymbols([...data, checkValue(data)]), [4, 4, 3]);
}

/** Canonical display form of a typed code, or null if it has the wrong length, a bad symbol or a bad check. */
export function normalizeTrackingCode(input: string): string | null {
  const values = toValues(input);
  if (values === null || values.length !== TRACKING_CODE_LENGTH) return null;
  const data = values.slice(0, DATA_LENGTH);
  if (checkValue(data) !== values[DATA_LENGTH]) return null;
  return group(toSymbols(values), [4, 4, 3]);
}

export function isValidTrackingCode(input: string): boolean {
  return normalizeTrackingCode(input) !== null;
}

/** A new private access key, 20 symbols in groups of 4. Shown once to the filer; only its hash is stored. */
export function generateAccessKey(): string {
  return group(toSymbols(randomValues(ACCESS_KEY_LENGTH)), [4, 4, 4, 4, 4]);
}

/** Canonical form of a typed access key (no check symbol: a wrong key simply fails to verify), or null. */
export function normalizeAccessKey(input: string): string | null {
  const values = toValues(input);
  if (values === null || values.length !== ACCESS_KEY_LENGTH) return null;
  return group(toSymbols(values), [4, 4, 4, 4, 4]);
}

/**
 * SHA-256 hex of the normalized key. A fast hash is enough: the key holds 100 random bits, so there is no
 * dictionary to try and a slow KDF would only slow down rate-limited lookups.
 */
export function hashAccessKey(key: string): string {
  const normalized = normalizeAccessKey(key);
  if (normalized === null) throw new RangeError("malformed access key");
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}

/** Constant-time comparison of a typed key against a stored hash. */
export function verifyAccessKey(key: string, hash: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(hash)) return false;
  const normalized = normalizeAccessKey(key);
  if (normalized === null) return false;
  const actual = createHash("sha256").update(normalized, "utf8").digest();
  return timingSafeEqual(actual, Buffer.from(hash, "hex"));
}
