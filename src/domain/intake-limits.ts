// How long each text of the filing form may be. The server's schema (server/intake/submit-case-input.ts) checks
// these and the form shows them (maxLength, hints): kept apart from zod so the browser loads only the numbers.

export const FIELD_LIMITS = {
  address: { max: 300 },
  title: { min: 5, max: 200 },
  body: { min: 20, max: 10_000 },
  name: { max: 120 },
  phone: { max: 30 },
  email: { max: 254 },
  filerAddress: { max: 300 },
  idNumber: { max: 20 },
  subjectName: { max: 200 },
  subjectPosition: { max: 200 },
} as const;

export type LimitedField = keyof typeof FIELD_LIMITS;
