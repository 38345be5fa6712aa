// Cleaning of free text typed by citizens: stored inertly, never interpreted.

// C0/C1 control characters except tab and newline, and the bidirectional overrides used to disguise text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// "Zalgo" text: runs of combining marks. Vietnamese needs at most two on a letter.
const MARK_RUNS = /(\p{M}{3})\p{M}+/gu;

export function cleanText(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(MARK_RUNS, "$1")
    .replace(/[ \t]+\n/g, "\n")
    .trim();
}

/** A single line: newlines and runs of spaces become one space. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/\s+/g, " ");
}

/** Vietnamese phone numbers: 10 digits starting with 0, or +84 followed by 9 digits; spaces, dots, dashes allowed. */
export function normalizePhone(value: string): string | null {
  const digits = value.replace(/[\s.\-()]/g, "");
  if (/^0\d{9}$/.test(digits)) return digits;
  if (/^\+84\d{9}$/.test(digits)) return `0${digits.slice(3)}`;
  if (/^84\d{9}$/.test(digits)) return `0${digits.slice(2)}`;
  return null;
}

/** Citizen ID: 12 digits (CCCD) or the older 9-digit CMND. */
export function isIdNumber(value: string): boolean {
  return /^(\d{9}|\d{12})$/.test(value.replace(/\s/g, ""));
}
