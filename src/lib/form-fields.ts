import { z } from "zod";

/** A form checkbox: present ("on") or absent; also takes true/"1"/"true" from scripts and tests. */
export const checkboxField = z.preprocess((v) => v === true || v === "on" || v === "1" || v === "true", z.boolean());

/**
 * An optional https address with a host and no credentials (a livestream, an online reception's link); "" when
 * empty. Errors: "too_long", "https_only".
 */
export function httpsUrlField(max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v == null ? "" : v),
    z
      .string()
      .max(max, { error: "too_long" })
      .refine(
        (v) => {
          if (v === "") return true;
          try {
            const url = new URL(v);
            return url.protocol === "https:" && url.hostname !== "" && !url.username && !url.password;
          } catch {
            return false;
          }
        },
        { error: "https_only" },
      ),
  );
}
