import "server-only";
import { ATTACHMENT_LIMITS } from "@/domain/file-type";

const KB = 1024;
const MB = 1024 * 1024;

/**
 * The most a request body may weigh, per route, checked against Content-Length before a byte of it is read (the
 * HTTP parser never hands on more than that length). Forms that carry attachments get the attachment limits plus
 * room for the text and the multipart framing; everything else is small.
 */
export const BODY_LIMITS = {
  /** The language switch. */
  tiny: 4 * KB,
  /** Sign-in, email preferences. */
  small: 16 * KB,
  /** Any other form: an official's answer is long text, never files. */
  form: 1 * MB,
  /** An Open311 request: form fields only (a description of up to 10,000 characters, percent-encoded), never files. */
  open311: 128 * KB,
  /** Filing, a filer's added information, an official's note with documents, a commitment's evidence, a reception booking. */
  upload: ATTACHMENT_LIMITS.maxTotalBytes + 1 * MB,
} as const;

export type BodyLimitName = keyof typeof BODY_LIMITS;

const ROUTES: [RegExp, BodyLimitName][] = [
  [/^\/api\/locale$/, "tiny"],
  [/^\/open311\//, "open311"],
  [/^\/(api\/auth\/|dang-nhap(\/|$)|email\/)/, "small"],
  [/^\/(gui-y-kien(\/gui)?|can-bo\/tiep-nhan|tra-cuu\/[^/]+\/rieng|can-bo\/ho-so\/[^/]+|can-bo\/cam-ket\/[^/]+|tiep-cong-dan\/[0-9a-fA-F-]{36})\/?$/, "upload"],
];

export function bodyLimitFor(pathname: string): { name: BodyLimitName; bytes: number } {
  const name = ROUTES.find(([pattern]) => pattern.test(pathname))?.[1] ?? "form";
  return { name, bytes: BODY_LIMITS[name] };
}

export type BodyVerdict = { kind: "ok" } | { kind: "too_large"; limit: { name: BodyLimitName; bytes: number } } | { kind: "length_required" };

/**
 * A body without a declared length (chunked) could be any size: refused, since browsers always declare the length
 * of a form or a server action's body. A declared length over the route's limit is refused before reading it.
 */
export function checkBody(pathname: string, headers: { "content-length"?: string; "transfer-encoding"?: string }): BodyVerdict {
  const limit = bodyLimitFor(pathname);
  const declared = headers["content-length"];
  if (declared === undefined) {
    if (headers["transfer-encoding"] !== undefined) return { kind: "length_required" };
    return { kind: "ok" };
  }
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) return { kind: "length_required" };
  if (length > limit.bytes) return { kind: "too_large", limit };
  return { kind: "ok" };
}
