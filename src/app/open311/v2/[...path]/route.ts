import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { handleOpen311 } from "@/server/open311/handle-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

/** Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): see src/server/open311/handle-request.ts. */
async function handle(request: Request, { params }: Context): Promise<Response> {
  const path = (await params).path.map(decodeParam);
  return handleOpen311(await getDb(), request, path);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const PATCH = handle;
