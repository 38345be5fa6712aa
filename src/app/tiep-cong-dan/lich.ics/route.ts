import { getDb } from "@/db/client";
import { env } from "@/env";
import { icsLocale, icsResponse } from "@/server/dialogue/ics-response";
import { parseReceptionFilters } from "@/server/reception/calendar/list-reception-days";
import { receptionFeedIcs } from "@/server/reception/calendar/reception-ics-file";

export const dynamic = "force-dynamic";

/** The reception calendar to subscribe to, filtered like the page: ?don-vi=&vi-tri=&dia-ban= */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = parseReceptionFilters(params);
  const file = await receptionFeedIcs(await getDb(), filters, { origin: env().APP_URL, locale: icsLocale(request) });
  return icsResponse(request, file, 300);
}
