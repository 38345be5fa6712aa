import "server-only";
import { csvDocument, vietnamIso } from "@/lib/csv";
import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { dialogueModerationLog, dialogueQuestions } from "@/db/schema";
import type { DeclineReason, ModerationAction } from "@/domain/dialogue/vocabulary";
import { isUuid } from "@/server/dialogue/session-access";

/** One public moderation step: what was done to which question and why; never who did it, never the text. */
export type ModerationLogRow = {
  at: Date;
  questionNumber: number;
  action: ModerationAction;
  reason: DeclineReason | null;
  mergedIntoNumber: number | null;
  priority: number | null;
};

/** The session's moderation log, oldest first. */
export async function listModerationLog(db: DbOrTx, sessionId: string): Promise<ModerationLogRow[]> {
  if (!isUuid(sessionId)) return [];
  const target = alias(dialogueQuestions, "target");
  const rows = await db
    .select({
      at: dialogueModerationLog.createdAt,
      questionNumber: dialogueQuestions.number,
      action: dialogueModerationLog.action,
      reason: dialogueModerationLog.reason,
      data: dialogueModerationLog.data,
      targetNumber: target.number,
    })
    .from(dialogueModerationLog)
    .innerJoin(dialogueQuestions, eq(dialogueQuestions.id, dialogueModerationLog.questionId))
    .leftJoin(target, sql`${dialogueModerationLog.action} = 'merge' and ${target.id} = ${dialogueQuestions.mergedIntoId}`)
    .where(eq(dialogueModerationLog.sessionId, sessionId))
    .orderBy(asc(dialogueModerationLog.createdAt), asc(dialogueModerationLog.id));
  return rows.map((r) => {
    const data = r.data ?? {};
    const merged = typeof data.mergedIntoNumber === "number" ? data.mergedIntoNumber : r.targetNumber;
    return {
      at: r.at,
      questionNumber: r.questionNumber,
      action: r.action,
      reason: r.reason,
      mergedIntoNumber: r.action === "merge" ? (merged ?? null) : null,
      priority: r.action === "priority" && typeof data.priority === "number" ? data.priority : null,
    };
  });
}

export type CsvLabels = {
  header: { at: string; question: string; action: string; reason: string; mergedInto: string; priority: string };
  actions: Record<ModerationAction, string>;
  reasons: Record<DeclineReason, string>;
};

/** The moderation log as a CSV file: UTF-8 with a byte order mark (so spreadsheets read the accents), CRLF lines. */
export function moderationLogCsv(rows: readonly ModerationLogRow[], labels: CsvLabels): string {
  const h = labels.header;
  const lines = [[h.at, h.question, h.action, h.reason, h.mergedInto, h.priority]];
  for (const r of rows) {
    lines.push([
      vietnamIso(r.at),
      String(r.questionNumber),
      labels.actions[r.action],
      r.reason ? labels.reasons[r.reason] : "",
      r.mergedIntoNumber === null ? "" : String(r.mergedIntoNumber),
      r.priority === null ? "" : String(r.priority),
    ]);
  }
  return csvDocument(lines);
}
