import "server-only";
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

/** A time as Vietnam reads it, ISO 8601 with its offset (Vietnam keeps +07:00 all year). */
export function vietnamIso(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, a comma or a line break. A cell a spreadsheet would
 * take for a formula (= + - @, or a tab or carriage return before one) gets an apostrophe first.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
