/** A Cookie header as name → raw value. */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) out.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return out;
}
