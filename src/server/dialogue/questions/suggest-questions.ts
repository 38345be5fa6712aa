import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { PUBLIC_QUESTION_STATUSES } from "@/domain/dialogue/question-status";
import { foldText, SUGGEST_LIMIT, SUGGEST_MIN_LENGTH, SUGGEST_THRESHOLD } from "@/domain/dialogue/text-match";
import type { QuestionStatus } from "@/domain/dialogue/vocabulary";
import { isUuid } from "@/server/dialogue/session-access";

/** Longest typed text looked at for suggestions (the start of a long question says what it is about). */
export const SUGGEST_QUERY_MAX = 300;

export type SuggestedQuestion = { id: string; number: number; body: string; supportCount: number; status: QuestionStatus };

const PUBLIC_LIST = sql.raw(PUBLIC_QUESTION_STATUSES.map((s) => `'${s}'`).join(","));

/**
 * Public questions of the same session like the text being typed, whatever its accents: the typed text is folded
 * as the stored search text was (foldText), and pg_trgm compares them. word_similarity finds a short text inside
 * a long question, similarity two texts alike as a whole; the better of the two ranks.
 */
export async function suggestQuestions(db: DbOrTx, sessionId: string, typed: string): Promise<SuggestedQuestion[]> {
  if (!isUuid(sessionId)) return [];
  const folded = foldText(typed.slice(0, SUGGEST_QUERY_MAX));
  if (folded.length < SUGGEST_MIN_LENGTH) return [];
  const rows = rowsOf<{ id: string; number: number; body: string; support_count: number; status: QuestionStatus }>(
    await db.execute(sql`
      select id, number, body, support_count, status from (
        select id, number, body, support_count, status,
          greatest(word_similarity(${folded}, search_text), similarity(${folded}, search_text)) as score
        from dialogue_questions
        where session_id = ${sessionId}::uuid and status in (${PUBLIC_LIST})
      ) q
      where score >= ${SUGGEST_THRESHOLD}
      order by score desc, support_count desc, number
      limit ${SUGGEST_LIMIT}`),
  );
  return rows.map((r) => ({ id: r.id, number: Number(r.number), body: r.body, supportCount: Number(r.support_count), status: r.status }));
}
