import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { authorizeAttachmentDownload } from "@/server/filer/filer-access";
import { filerCookieName } from "@/server/filer/filer-session";
import { getViewer } from "@/server/auth/viewer";

// Files hold personal data: never cached, never served to anyone but the filer and the staff in charge.
export const dynamic = "force-dynamic";

/** RFC 5987: the file name in UTF-8, percent-encoded, for Content-Disposition's filename*. */
function encodeFileName(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A plain-ASCII fallback for old clients that ignore filename*. */
function asciiFileName(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^\x20-\x7e]|["\\]/g, "_");
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [{ id }, jar, db] = await Promise.all([params, cookies(), getDb()]);
  const file = await authorizeAttachmentDownload(db, id, {
    filerToken: (code) => jar.get(filerCookieName(code))?.value,
    viewer: getViewer,
  });
  if (!file) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store", "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": `attachment; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${encodeFileName(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
