import { getDb } from "@/db/client";
import { env } from "@/env";
import { decodeParam } from "@/lib/route-param";
import { icsLocale, icsResponse } from "@/server/dialogue/ics-response";
import { receptionDayIcs } from "@/server/reception/calendar/reception-ics-file";

export const dynamic = "force-dynamic";

/** One reception day's calendar file ("Thêm vào lịch"). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [{ id }, db] = await Promise.all([params, getDb()]);
  const file = await receptionDayIcs(db, decodeParam(id), { origin: env().APP_URL, locale: icsLocale(request) });
  return icsResponse(request, file, 300);
}
