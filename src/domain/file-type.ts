// What a file is, from its first bytes rather than its name (a renamed script stays a script).

export type AllowedFileType = { mime: string; ext: string; kind: "image" | "pdf" | "document" };

export const ATTACHMENT_LIMITS = { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 25 * 1024 * 1024 } as const;

export type SizeProblem = { problem: "too_many" | "too_large" | "total_too_large"; fileName?: string };

/**
 * Count and sizes against the limits, from names and sizes alone: the server checks them again with the bytes,
 * and the browser checks them before sending, so a citizen who picked too many photos is told at once instead
 * of uploading them for nothing (over the limits the server refuses the whole request unread).
 */
export function attachmentSizeProblem(files: readonly { name: string; size: number }[]): SizeProblem | null {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) return { problem: "too_many" };
  const large = files.find((f) => f.size > ATTACHMENT_LIMITS.maxFileBytes);
  if (large) return { problem: "too_large", fileName: large.name };
  if (files.reduce((sum, f) => sum + f.size, 0) > ATTACHMENT_LIMITS.maxTotalBytes) return { problem: "total_too_large" };
  return null;
}

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Sniffs the type; null when the content is not an accepted image, PDF or office document. */
export function detectFileType(bytes: Uint8Array, fileName: string): AllowedFileType | null {
  const name = fileName.toLowerCase();
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: "jpg", kind: "image" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", ext: "png", kind: "image" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { mime: "image/webp", ext: "webp", kind: "image" };
  if (ascii(bytes, 4, 8) === "ftyp" && ["heic", "heix", "mif1", "msf1", "hevc"].includes(ascii(bytes, 8, 12))) {
    return { mime: "image/heic", ext: "heic", kind: "image" };
  }
  if (ascii(bytes, 0, 5) === "%PDF-") return { mime: "application/pdf", ext: "pdf", kind: "pdf" };
  // Office Open XML and OpenDocument are zip files; the name tells which, the zip signature that it is one.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const zipTypes: Record<string, string> = {
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      odt: "application/vnd.oasis.opendocument.text",
      ods: "application/vnd.oasis.opendocument.spreadsheet",
    };
    const ext = name.split(".").pop() ?? "";
    return zipTypes[ext] ? { mime: zipTypes[ext], ext, kind: "document" } : null;
  }
  // Legacy Word and Excel (OLE compound file).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (name.endsWith(".doc")) return { mime: "application/msword", ext: "doc", kind: "document" };
    if (name.endsWith(".xls")) return { mime: "application/vnd.ms-excel", ext: "xls", kind: "document" };
  }
  return null;
}

/** A file name safe to store and to send back in a header: no paths, no control characters, bounded length. */
export function safeFileName(fileName: string, ext: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  const stem = cleaned.replace(/\.[^.]*$/, "") || "tep";
  return `${stem}.${ext}`;
}
