import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DECLINE_REASONS, MODERATION_ACTIONS } from "@/domain/dialogue/vocabulary";
import { texts } from "@/lib/client-copy";
import { decodeParam } from "@/lib/route-param";
import { getPublicSession } from "@/server/dialogue/get-public-session";
import { listModerationLog, moderationLogCsv } from "@/server/dialogue/questions/moderation-log";

/** The session's public moderation log as a CSV file, headed in the reader's language. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const db = await getDb();
  const id = decodeParam((await params).id);
  const session = await getPublicSession(db, id);
  if (!session) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const [t, locale] = await Promise.all([getTranslations("questions"), getLocale()]);
  const header = texts(t, ["csv.at", "csv.question", "csv.action", "csv.reason", "csv.mergedInto", "csv.priority"] as const);
  const csv = moderationLogCsv(await listModerationLog(db, session.id), {
    header: {
      at: header["csv.at"],
      question: header["csv.question"],
      action: header["csv.action"],
      reason: header["csv.reason"],
      mergedInto: header["csv.mergedInto"],
      priority: header["csv.priority"],
    },
    actions: Object.fromEntries(MODERATION_ACTIONS.map((a) => [a, t(`actions.${a}`)])) as Record<(typeof MODERATION_ACTIONS)[number], string>,
    reasons: Object.fromEntries(DECLINE_REASONS.map((r) => [r, t(`reasons.${r}`)])) as Record<(typeof DECLINE_REASONS)[number], string>,
  });
  const fileName = `${t("csv.fileName")}-${session.id.slice(0, 8)}.csv`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "content-language": locale,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
