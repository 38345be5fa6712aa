import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { reportCsvResponse } from "@/server/statistics/report-csv-response";

/** The periodic report's figures as CSV: the same query string as /thong-ke/bao-cao. */
export async function GET(request: Request): Promise<Response> {
  const [db, rawLocale] = await Promise.all([getDb(), getLocale()]);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return reportCsvResponse(db, params, rawLocale === "en" ? "en" : "vi");
}
