import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { getCommitmentFile } from "@/server/commitments/get-commitment";

// Evidence files are public like the update they belong to; they never change once stored.
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
  const [{ id }, db] = await Promise.all([params, getDb()]);
  const file = await getCommitmentFile(db, decodeParam(id));
  if (!file) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      // The type sniffed from the content when it was uploaded, never the uploader's claim.
      "Content-Type": file.contentType,
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": `attachment; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${encodeFileName(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
