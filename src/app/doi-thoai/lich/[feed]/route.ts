import { getDb } from "@/db/client";
import { env } from "@/env";
import { decodeParam } from "@/lib/route-param";
import { icsLocale, icsResponse } from "@/server/dialogue/ics-response";
import { feedIcs } from "@/server/dialogue/session-calendar";

export const dynamic = "force-dynamic";

/** A calendar feed to subscribe to: /doi-thoai/lich/<area code>.ics for one area, /doi-thoai/lich/tat-ca.ics for all. */
export async function GET(request: Request, { params }: { params: Promise<{ feed: string }> }) {
  const [{ feed }, db] = await Promise.all([params, getDb()]);
  const name = decodeParam(feed);
  const file = name.endsWith(".ics") ? await feedIcs(db, name.slice(0, -4), { origin: env().APP_URL, locale: icsLocale(request) }) : null;
  return icsResponse(request, file, 900);
}
