import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { dialogueModerationLog, dialogueQuestions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { questionTransition, PUBLIC_QUESTION_STATUSES } from "@/domain/dialogue/question-status";
import { FIELD_LIMITS } from "@/domain/intake-limits";
import type { CaseKind } from "@/domain/types";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { recordCaseEvent } from "@/server/cases/record-event";
import { fieldError, filerText, parseFilerInput } from "@/server/filer/filer-access";
import { insertCaseInTransaction, type Receipt } from "@/server/intake/submit-case";
import { getReferenceData } from "@/server/intake/reference-data";
import { unsealPersonalData, type PersonalData } from "@/server/privacy/personal-data";
import { staffError } from "@/server/workspace/case-access";
import { touchSession } from "./live/notify-session";
import { isUuid, loadSessionForStaff } from "./session-access";

/**
 * Kinds a dialogue question may become. Not a denunciation: its identity and content are sealed by law, while a
 * question was asked in public and stays linked to its case on both pages.
 */
export const QUESTION_CASE_KINDS = ["petition", "report", "complaint", "contribution"] as const satisfies readonly CaseKind[];

/** Why the question becomes a case: it needs investigating, or it belongs to another body (a public decline reason). */
export const TO_CASE_REASONS = ["investigate", "other_body"] as const;
export type ToCaseReason = (typeof TO_CASE_REASONS)[number];

const uuid = z.string().refine(isUuid, { error: "required" });

export const toCaseSchema = z.object({
  sessionId: z.string(),
  questionId: z.string().refine(isUuid, { error: "invalid" }),
  kind: z.preprocess((v) => (v === "" || v == null ? "petition" : v), z.enum(QUESTION_CASE_KINDS, { error: "invalid" })),
  categoryId: uuid,
  /** Empty: the session's area. */
  areaId: z.preprocess((v) => (v === "" ? undefined : v), uuid.optional()),
  /** Empty: taken from the question (see defaultCaseTitle). */
  title: filerText({ max: FIELD_LIMITS.title.max }),
  reason: z.enum(TO_CASE_REASONS, { error: "required" }),
});

export type ToCaseInput = { [K in keyof z.input<typeof toCaseSchema>]?: unknown };

/** The question's opening words as a case title: its first line, cut at a word before the title's limit. */
export function defaultCaseTitle(body: string, max: number = FIELD_LIMITS.title.max): string {
  const line = body.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export type ToCaseResult = { receipt: Receipt; questionNumber: number };

/**
 * An intake officer or a leader of the session's hosting unit registers a question as a case, in one
 * transaction: the case (routed like any case, channel "dialogue", the asker as its filer, the receipt mailed
 * to an asker who left an email and agreed to be contacted), its public link back to the session, the
 * question's status and link to the case, the public moderation log, the audit entry and the session's update.
 */
export async function turnQuestionIntoCase(db: Database, viewer: Viewer | null, input: ToCaseInput, now = new Date()): Promise<ToCaseResult> {
  // Who is asking, from the session, before anything the form says is looked at.
  const { session } = await loadSessionForStaff(db, viewer, String(input.sessionId ?? ""), "to_case");
  const v = parseFilerInput(toCaseSchema, input);
  const areaId = v.areaId ?? session.areaId;
  if (!areaId) throw fieldError("areaId", "required");
  // Read before the transaction: on the embedded database a query outside an open transaction waits for it.
  const ref = await getReferenceData(db, { mustContain: { areaId, categoryId: v.categoryId } });
  if (!ref.areas.some((a) => a.id === areaId)) throw fieldError("areaId", "invalid");
  if (!ref.categories.some((c) => c.id === v.categoryId && c.active)) throw fieldError("categoryId", "invalid");

  return runInTransaction(db, async (tx) => {
    // Again under lock: the session's unit or the viewer's role may have changed since.
    const locked = await loadSessionForStaff(tx, viewer, session.id, "to_case", { forUpdate: true });
    const [question] = await tx
      .select()
      .from(dialogueQuestions)
      .where(and(eq(dialogueQuestions.id, v.questionId), eq(dialogueQuestions.sessionId, session.id)))
      .for("update");
    if (!question) throw staffError("not_found", "not_found");
    const next = questionTransition(question.status, "to_case");
    if (!next.ok) throw staffError("conflict", "not_allowed");

    // Contact details go to the case only with the asker's consent to be contacted; a name always does.
    const asker: PersonalData = question.askerKeyId && question.askerSealed ? unsealPersonalData(question.askerKeyId, question.askerSealed) : {};
    const filer = question.consentContact ? asker : { name: asker.name };
    const title = v.title || defaultCaseTitle(question.body);
    if (title.length < FIELD_LIMITS.title.min) throw fieldError("title", "required");
    const receipt = await insertCaseInTransaction(
      tx,
      ref,
      { userId: locked.viewer.userId },
      {
        kind: v.kind,
        categoryId: v.categoryId,
        areaId,
        address: "",
        title,
        body: question.body,
        anonymous: !filer.name && !filer.email && !filer.phone,
        name: filer.name ?? "",
        phone: filer.phone ?? "",
        email: (filer.email ?? "").toLowerCase(),
        filerAddress: filer.address ?? "",
        idNumber: "",
        subjectName: "",
        subjectPosition: "",
        subjectUnitId: undefined,
        // The question's text was already public on the session's page once approved; a pending one was not.
        consentPublish: PUBLIC_QUESTION_STATUSES.includes(question.status),
        language: question.language,
        channel: "dialogue",
        idempotencyKey: question.id,
      },
      // One case per question, whoever clicks and however often: the question's id is the case's idempotency key.
      createHash("sha256").update(`dialogue-question:${question.id}`).digest("hex"),
      [],
      now,
    );

    await recordCaseEvent(tx, {
      caseId: receipt.caseId,
      type: "case.from_dialogue",
      visibility: "public",
      actorUserId: locked.viewer.userId,
      actorRole: "intake",
      // Public: the session's title and date are public, the question's number too; nothing about the asker.
      data: { sessionId: session.id, sessionTitle: session.title, sessionStartsAt: session.startsAt.toISOString(), questionNumber: question.number, reason: v.reason },
    });
    await tx
      .update(dialogueQuestions)
      .set({
        status: next.status,
        caseId: receipt.caseId,
        declineReason: v.reason === "other_body" ? "other_body" : question.declineReason,
        version: question.version + 1,
        updatedAt: now,
      })
      .where(eq(dialogueQuestions.id, question.id));
    await tx.insert(dialogueModerationLog).values({
      sessionId: session.id,
      questionId: question.id,
      action: "to_case",
      reason: v.reason === "other_body" ? "other_body" : null,
      data: { caseCode: receipt.code, fromStatus: question.status },
      actorUserId: locked.viewer.userId,
    });
    await appendAudit(tx, {
      actorUserId: locked.viewer.userId,
      action: "dialogue_question.to_case",
      entityType: "dialogue_question",
      entityId: question.id,
      data: { sessionId: session.id, caseId: receipt.caseId, reason: v.reason, fromStatus: question.status },
    });
    await touchSession(tx, session.id);
    return { receipt, questionNumber: question.number };
  });
}
