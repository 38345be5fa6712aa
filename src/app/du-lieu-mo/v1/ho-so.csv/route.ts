import { getDb } from "@/db/client";
import { respondCaseList } from "@/server/open-data/open-data-http";
import { openDataContext } from "../open-data-context";

export const dynamic = "force-dynamic";

/** Open data v1 (documented at /du-lieu-mo). */
export async function GET(request: Request): Promise<Response> {
  return respondCaseList(await getDb(), request, "csv", await openDataContext());
}
