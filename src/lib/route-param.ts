/** A URL segment as typed; a malformed escape (e.g. "%E0%A4") is kept as is instead of throwing. */
export function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
