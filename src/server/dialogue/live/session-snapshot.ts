import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { QuestionStatus, SessionStatus } from "@/domain/dialogue/vocabulary";
import { queueOrder } from "@/domain/dialogue/question-status";
import { isUuid } from "../session-access";

/** How many questions of the queue the live views show (the rest are counted). */
export const LIVE_QUEUE_SIZE = 30;
/** How many answered questions the live views show, newest first. */
export const LIVE_ANSWERED_SIZE = 20;

export type LiveQuestion = { id: string; number: number; body: string; supportCount: number; priority: number };
export type LiveLeader = { name: string; position: string; positionEn: string };
export type LiveAnswer = { id: string; number: number; body: string; supportCount: number; answer: string | null; answeredAt: string | null; leader: LiveLeader | null };
export type LiveCounts = { pending: number; approved: number; answered: number; declined: number; case: number; supports: number };

/**
 * What the live views of a session show, public data only: no asker, no contact, no address hash, and never the
 * text of a question not yet approved (pending, declined or merged questions are only counted). Serialisable
 * as it is (dates as ISO strings), so the same JSON goes to every viewer.
 */
export type SessionSnapshot = {
  sessionId: string;
  /** Changes with every change the snapshot shows: the session's version, its questions' newest update, their count and supports. */
  version: string;
  status: SessionStatus;
  current: (LiveQuestion & { answer: string | null; leader: LiveLeader | null }) | null;
  queue: LiveQuestion[];
  /** Approved questions waiting, including those beyond the LIVE_QUEUE_SIZE shown. */
  queueTotal: number;
  answered: LiveAnswer[];
  counts: LiveCounts;
};

type SessionRow = {
  status: SessionStatus;
  version: number;
  current_question_id: string | null;
  last_change: string | null;
  total: number;
  pending: number;
  approved: number;
  answered: number;
  declined: number;
  as_case: number;
  supports: number | string | null;
  support_sum: number | string | null;
};

type QuestionRow = {
  id: string;
  number: number;
  body: string;
  status: QuestionStatus;
  priority: number;
  support_count: number;
  answer: string | null;
  answered_at: string | null;
  leader_name: string | null;
  position: string | null;
  position_en: string | null;
  part: "queue" | "answered" | "current";
};

/**
 * The live state of a session, in two queries (run together): the session with its questions' counts, and the
 * questions shown (the top of the queue, the newest answers and the current one) with their answering leaders.
 * Null for an id that is not a session's.
 */
export async function loadSessionSnapshot(db: DbOrTx, sessionId: string): Promise<SessionSnapshot | null> {
  if (!isUuid(sessionId)) return null;
  const [sessionResult, questionResult] = await Promise.all([
    db.execute(sql`select s.status, s.version, s.current_question_id,
        (extract(epoch from q.last_change) * 1000000)::bigint::text as last_change,
        q.total, q.pending, q.approved, q.answered, q.declined, q.as_case, q.supports, q.support_sum
      from dialogue_sessions s
      cross join lateral (
        select max(updated_at) as last_change,
          count(*)::int as total,
          (count(*) filter (where status = 'pending'))::int as pending,
          (count(*) filter (where status = 'approved'))::int as approved,
          (count(*) filter (where status = 'answered'))::int as answered,
          (count(*) filter (where status = 'declined'))::int as declined,
          (count(*) filter (where status = 'case'))::int as as_case,
          -- A merged question's supporters were carried over to the one it went into.
          coalesce(sum(support_count) filter (where status <> 'merged'), 0) as supports,
          coalesce(sum(support_count), 0) as support_sum
        from dialogue_questions where session_id = s.id) q
      where s.id = ${sessionId}::uuid`),
    db.execute(sql`select q.id, q.number, q.body, q.status, q.priority, q.support_count, q.answer,
        to_char(q.answered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as answered_at,
        u.name as leader_name, l.position, l.position_en, q.part
      from (
        (select *, 'queue' as part from dialogue_questions
          where session_id = ${sessionId}::uuid and status = 'approved'
            and id is distinct from (select current_question_id from dialogue_sessions where id = ${sessionId}::uuid)
          order by priority desc, support_count desc, number asc limit ${LIVE_QUEUE_SIZE})
        union all
        (select *, 'answered' as part from dialogue_questions
          where session_id = ${sessionId}::uuid and status = 'answered'
          order by answered_at desc nulls last, number desc limit ${LIVE_ANSWERED_SIZE})
        union all
        (select q.*, 'current' as part from dialogue_questions q
          join dialogue_sessions s on s.current_question_id = q.id
          where s.id = ${sessionId}::uuid and q.status in ('approved', 'answered', 'case'))
      ) q
      left join users u on u.id = q.answered_by_user_id
      left join dialogue_session_leaders l on l.session_id = q.session_id and l.user_id = q.answered_by_user_id`),
  ]);
  const session = rowsOf<SessionRow>(sessionResult)[0];
  if (!session) return null;
  const rows = rowsOf<QuestionRow>(questionResult);
  const question = (r: QuestionRow): LiveQuestion => ({ id: r.id, number: r.number, body: r.body, supportCount: r.support_count, priority: r.priority });
  const leader = (r: QuestionRow): LiveLeader | null =>
    r.leader_name === null && r.position === null ? null : { name: r.leader_name ?? "", position: r.position ?? "", positionEn: r.position_en ?? r.position ?? "" };
  const currentRow = rows.find((r) => r.part === "current");
  const version = [session.version, session.last_change ?? 0, session.total, session.support_sum ?? 0].join("-");
  return {
    sessionId,
    version,
    status: session.status,
    current: currentRow ? { ...question(currentRow), answer: currentRow.answer, leader: leader(currentRow) } : null,
    queue: queueOrder(rows.filter((r) => r.part === "queue").map(question)),
    queueTotal: session.approved - (currentRow?.status === "approved" ? 1 : 0),
    answered: rows
      .filter((r) => r.part === "answered")
      .sort((a, b) => (b.answered_at ?? "").localeCompare(a.answered_at ?? "") || b.number - a.number)
      .map((r) => ({ ...question(r), answer: r.answer, answeredAt: r.answered_at, leader: leader(r) })),
    counts: {
      pending: session.pending,
      approved: session.approved,
      answered: session.answered,
      declined: session.declined,
      case: session.as_case,
      supports: Number(session.supports ?? 0),
    },
  };
}
