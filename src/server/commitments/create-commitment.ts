import "server-only";
import { and, eq, gte, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Database, DbOrTx } from "@/db/client";
import { cases, commitments, commitmentUpdates, dialogueAgendaItems, dialogueQuestions, dialogueSessionLeaders, units } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { addCalendarDays, isIsoDate, toLocalDate } from "@/domain/calendar";
import type { SessionStatus } from "@/domain/dialogue/vocabulary";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import type { IsoDate } from "@/domain/types";
import { appendAudit } from "@/server/audit/append-audit";
import { assertStaff, type Viewer } from "@/server/auth/roles";
import { visibleUnitIds } from "@/server/auth/unit-scope";
import { touchSession } from "@/server/dialogue/live/notify-session";
import { isUuid, loadSessionForStaff } from "@/server/dialogue/session-access";
import { fieldError, filerText, parseFilerInput } from "@/server/filer/filer-access";
import { COMMITMENT_TEXT_MAX, commitmentError } from "./commitment-access";

/** A commitment is made at a session: while it is live or after it ended. */
export const COMMITTING_STATUSES: readonly SessionStatus[] = ["live", "ended", "minutes_published"];

/** The furthest deadline a form accepts: five years, a term of office. */
export const COMMITMENT_MAX_YEARS = 5;

export const createCommitmentSchema = z.object({
  sessionId: z.string(),
  leaderUserId: z.string().min(1, { error: "required" }),
  body: filerText({ required: true, max: COMMITMENT_TEXT_MAX }),
  ownerUnitId: z.string().refine(isUuid, { error: "required" }),
  dueOn: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1, { error: "required" }).refine(isIsoDate, { error: "invalid" })),
  /** Where it came from: "" (neither), "question:<id>" or "case:<id>". */
  source: z.preprocess((v) => (v == null ? "" : v), z.string()),
  /** Or a case by its code, when it is not on the session's list. */
  caseCode: filerText({ max: 40 }),
  /** The form's one-time key (absent from older forms): a second post of the same form records nothing new. */
  formKey: z.preprocess((v) => (typeof v === "string" && /^[0-9a-f-]{36}$/i.test(v) ? v.toLowerCase() : undefined), z.string().optional()),
});

export type CreateCommitmentInput = { [K in keyof z.input<typeof createCommitmentSchema>]?: unknown };

/** What the form may choose as a commitment's source: the session's questions, and the cases it took up. */
export async function commitmentSourceCases(db: DbOrTx, sessionId: string): Promise<string[]> {
  const [agenda, asked] = await Promise.all([
    db.select({ id: dialogueAgendaItems.caseId }).from(dialogueAgendaItems).where(and(eq(dialogueAgendaItems.sessionId, sessionId), isNotNull(dialogueAgendaItems.caseId))),
    db.select({ id: dialogueQuestions.caseId }).from(dialogueQuestions).where(and(eq(dialogueQuestions.sessionId, sessionId), isNotNull(dialogueQuestions.caseId))),
  ]);
  return [...new Set([...agenda, ...asked].map((r) => r.id!).filter(Boolean))];
}

/** Resolves the source to a question of this session or a case the session took up or the viewer may see. */
async function resolveSource(tx: DbOrTx, viewer: Viewer, sessionId: string, v: z.infer<typeof createCommitmentSchema>) {
  const [kind, id] = v.source.split(":");
  if (v.source !== "" && v.caseCode !== "") throw fieldError("caseCode", "invalid");
  if (kind === "question" && isUuid(id)) {
    const [q] = await tx
      .select({ id: dialogueQuestions.id, caseId: dialogueQuestions.caseId })
      .from(dialogueQuestions)
      .where(and(eq(dialogueQuestions.id, id), eq(dialogueQuestions.sessionId, sessionId), inArray(dialogueQuestions.status, ["approved", "answered", "case"])));
    if (!q) throw fieldError("source", "invalid");
    return { questionId: q.id, caseId: q.caseId };
  }
  if (kind === "case" && isUuid(id)) {
    if (!(await commitmentSourceCases(tx, sessionId)).includes(id)) throw fieldError("source", "invalid");
    return { questionId: null, caseId: id };
  }
  if (v.source !== "") throw fieldError("source", "invalid");
  if (v.caseCode === "") return { questionId: null, caseId: null };
  const code = normalizeTrackingCode(v.caseCode);
  const [found] = code ? await tx.select({ id: cases.id, unitId: cases.unitId }).from(cases).where(eq(cases.code, code)).limit(1) : [];
  // A case outside the viewer's scope is refused like a code that does not exist.
  if (!found) throw fieldError("caseCode", "invalid");
  const listed = (await commitmentSourceCases(tx, sessionId)).includes(found.id);
  if (!listed && !(await visibleUnitIds(tx, viewer)).includes(found.unitId)) throw fieldError("caseCode", "invalid");
  return { questionId: null, caseId: found.id };
}

/**
 * Records what a leader promised at a session: an intake officer or leader of the hosting unit (the leader's
 * office) writes it down, with the leader (one of the session's), the unit that carries it out, the deadline and
 * where it came from. Public at once, on the session's page and the commitments page.
 */
export async function createCommitment(db: Database, viewer: Viewer | null, input: CreateCommitmentInput, now = new Date()): Promise<{ id: string }> {
  assertStaff(viewer);
  return runInTransaction(db, async (tx) => {
    const { session } = await loadSessionForStaff(tx, viewer, String(input.sessionId ?? ""), "commit", { forUpdate: true });
    if (!COMMITTING_STATUSES.includes(session.status)) throw commitmentError("conflict", "session_not_held");
    const v = parseFilerInput(createCommitmentSchema, input);
    // The session's row is locked above, so a second post of the same form waits for the first and finds it here.
    if (v.formKey) {
      const [recorded] = await tx.select({ id: commitments.id }).from(commitments).where(eq(commitments.idempotencyKey, v.formKey)).limit(1);
      if (recorded) return { id: recorded.id };
    }
    const today = toLocalDate(now);
    const dueOn = v.dueOn as IsoDate;
    if (dueOn < today) throw fieldError("dueOn", "invalid");
    if (dueOn > addCalendarDays(today, COMMITMENT_MAX_YEARS * 366)) throw fieldError("dueOn", "invalid");
    const [leader] = await tx
      .select({ userId: dialogueSessionLeaders.userId })
      .from(dialogueSessionLeaders)
      .where(and(eq(dialogueSessionLeaders.sessionId, session.id), eq(dialogueSessionLeaders.userId, v.leaderUserId)));
    if (!leader) throw fieldError("leaderUserId", "invalid");
    const [owner] = await tx
      .select({ id: units.id })
      .from(units)
      // Any unit that still exists today: the promise may fall to a department as well as to the host.
      .where(and(eq(units.id, v.ownerUnitId), or(isNull(units.validTo), gte(units.validTo, today))))
      .limit(1);
    if (!owner) throw fieldError("ownerUnitId", "invalid");
    const source = await resolveSource(tx, viewer, session.id, v);
    const [row] = await tx
      .insert(commitments)
      .values({
        sessionId: session.id,
        questionId: source.questionId,
        caseId: source.caseId,
        leaderUserId: leader.userId,
        ownerUnitId: owner.id,
        body: v.body,
        dueOn,
        createdBy: viewer.userId,
        idempotencyKey: v.formKey ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: commitments.id });
    await tx.insert(commitmentUpdates).values({ commitmentId: row!.id, kind: "created", body: v.body, actorUserId: viewer.userId, createdAt: now });
    await touchSession(tx, session.id);
    await appendAudit(tx, {
      actorUserId: viewer.userId,
      action: "commitment.created",
      entityType: "commitment",
      entityId: row!.id,
      data: { sessionId: session.id, leaderUserId: leader.userId, ownerUnitId: owner.id, dueOn, questionId: source.questionId, caseId: source.caseId },
    });
    return { id: row!.id };
  });
}
