import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { getBookingFile } from "@/server/reception/bookings/booking-file";

// A citizen's file attached to a booking: the receiving office only, never cached.
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store", "Content-Type": "text/plain; charset=utf-8" } });

/** RFC 5987: the file name in UTF-8, percent-encoded, for Content-Disposition's filename*. */
function encodeFileName(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function asciiFileName(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^\x20-\x7e]|["\\]/g, "_");
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const [{ id, fileId }, db, viewer] = await Promise.all([params, getDb(), getViewer()]);
  let file;
  try {
    file = await getBookingFile(db, viewer, decodeParam(id), decodeParam(fileId));
  } catch (error) {
    // Anonymous, another office, a missing file: all look the same.
    if (error instanceof AppError) return notFound();
    throw error;
  }
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": `attachment; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${encodeFileName(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
