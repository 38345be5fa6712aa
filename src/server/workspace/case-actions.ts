import "server-only";
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Tx } from "@/db/client";
import { cases, memberships, users } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { compareDates, toLocalDate } from "@/domain/calendar";
import { transition } from "@/domain/case-status";
import { acceptanceDueDate, applyExtension, resolutionDueDate, type DeadlinePolicy } from "@/domain/deadlines";
import { wouldConflict } from "@/domain/routing";
import { ASSIGNABLE_ROLES, type StaffAction } from "@/domain/staff-permissions";
import type { IsoDate } from "@/domain/types";
import { storeAttachments, type IncomingFile } from "@/server/attachments/store-attachments";
import { publishAnswers } from "@/server/publication/publish-answers";
import type { Viewer } from "@/server/auth/roles";
import { recordCaseEvent, type CaseEventInput } from "@/server/cases/record-event";
import { resumedDueDate } from "@/server/cases/resume-clock";
import { checkFilerFiles, fieldError, filerText, formVersion, parseFilerInput } from "@/server/filer/filer-access";
import { getReferenceData, type ReferenceData } from "@/server/intake/reference-data";
import { actingRole, isUuid, lockCaseForAction, staffError, type CaseRow } from "./case-access";

/** Longest official text (a note, a request, a reason, a comment); an answer may be longer. */
export const STAFF_TEXT_MAX = 5000;
export const ANSWER_MAX = 20000;

const caseRef = { caseId: z.string(), version: formVersion };
const reasonText = filerText({ required: true, max: 2000 });

type CaseRef = { caseId: unknown; version: unknown };
type Ctx = { tx: Tx; row: CaseRow; viewer: Viewer; role: string; now: Date };

/**
 * The frame of every verb: one transaction that locks the case, checks who may do what (lockCaseForAction),
 * runs the change, bumps the version and writes the timeline and audit entries. Either all of it commits or
 * nothing does.
 */
async function act<T>(
  db: Database,
  viewer: Viewer | null,
  ref: CaseRef,
  action: StaffAction,
  now: Date,
  change: (ctx: Ctx) => Promise<{ set: Partial<typeof cases.$inferInsert>; events: Omit<CaseEventInput, "caseId" | "actorUserId" | "actorRole">[]; result?: T }>,
  /** Work on the changed case in the same transaction (publishing an answer). */
  after?: (tx: Tx, caseId: string) => Promise<unknown>,
): Promise<{ version: number; eventIds: number[]; result?: T }> {
  return runInTransaction(db, async (tx) => {
    const locked = await lockCaseForAction(tx, viewer, ref.caseId, ref.version, action);
    const ctx: Ctx = { tx, row: locked.row, viewer: locked.viewer, role: actingRole(action, locked.roles), now };
    const { set, events, result } = await change(ctx);
    const version = locked.row.version + 1;
    await tx.update(cases).set({ ...set, version, updatedAt: now }).where(eq(cases.id, locked.row.id));
    if (after) await after(tx, locked.row.id);
    const eventIds: number[] = [];
    for (const event of events) {
      eventIds.push(
        await recordCaseEvent(tx, { ...event, caseId: locked.row.id, actorUserId: locked.viewer.userId, actorRole: ctx.role, at: now }),
      );
    }
    return { version, eventIds, result };
  });
}

function policyOf(ref: ReferenceData, row: CaseRow): DeadlinePolicy | null {
  return ref.policies.find((p) => p.id === row.policyId) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Acceptance (thụ lý), refusal, transfer
// ---------------------------------------------------------------------------------------------

/** Accepts the case: the resolution clock starts today under the case's policy. */
export async function acceptCase(db: Database, viewer: Viewer | null, input: CaseRef, now = new Date()) {
  const v = parseFilerInput(z.object(caseRef), input);
  const ref = await getReferenceData(db);
  return act(db, viewer, v, "accept", now, async ({ row }) => {
    const next = transition(row.status, "accept");
    if (!next.ok) throw staffError("conflict", "not_allowed");
    const policy = policyOf(ref, row);
    const today = toLocalDate(now);
    const resolutionDueOn = policy ? resolutionDueDate(ref.calendar, policy, today, { remote: row.remoteArea }) : null;
    return {
      set: { status: next.status, acceptedAt: now, resolutionDueOn },
      events: [{ type: "case.accepted", visibility: "public", fromStatus: row.status, toStatus: next.status, data: { resolutionDueOn } }],
    };
  });
}

export const refuseSchema = z.object({ ...caseRef, reason: reasonText, redirect: filerText({ required: true, max: 1000 }) });

/** Refuses acceptance: the law wants the legal reason and where the citizen should go instead. Both are public. */
export async function refuseCase(db: Database, viewer: Viewer | null, input: CaseRef & { reason?: unknown; redirect?: unknown }, now = new Date()) {
  const v = parseFilerInput(refuseSchema, input);
  return act(db, viewer, v, "refuse", now, async ({ row }) => {
    const next = transition(row.status, "refuse", v);
    if (!next.ok) throw staffError("conflict", "not_allowed");
    return {
      set: { status: next.status },
      events: [
        { type: "case.not_accepted", visibility: "public", fromStatus: row.status, toStatus: next.status, reason: v.reason, data: { redirect: v.redirect } },
      ],
    };
  });
}

export const transferSchema = z.object({ ...caseRef, unitId: z.string().refine(isUuid, { error: "required" }), reason: reasonText });

/** Units a case can be transferred to today (exist, still valid), for the form. */
export function transferTargets(ref: ReferenceData, row: Pick<CaseRow, "unitId" | "kind" | "subjectUnitId">, today: IsoDate) {
  return ref.units.filter(
    (u) =>
      u.id !== row.unitId &&
      compareDates(u.validFrom, today) <= 0 &&
      (u.validTo === null || compareDates(today, u.validTo) <= 0) &&
      !(row.kind === "denunciation" && row.subjectUnitId && wouldConflict(u.id, row.subjectUnitId, ref.units)),
  );
}

/**
 * Sends the case to the unit responsible, with a public reason. It stays "received" and the new unit's
 * acceptance period runs from today; the assignment and any draft stay behind. A denunciation never goes to the
 * denounced unit or a unit under it.
 */
export async function transferCase(db: Database, viewer: Viewer | null, input: CaseRef & { unitId?: unknown; reason?: unknown }, now = new Date()) {
  const v = parseFilerInput(transferSchema, input);
  const ref = await getReferenceData(db, { mustContain: { unitId: v.unitId } });
  const today = toLocalDate(now);
  return act(db, viewer, v, "transfer", now, async ({ row }) => {
    const target = transferTargets(ref, row, today).find((u) => u.id === v.unitId);
    if (!target) throw fieldError("unitId", "invalid");
    const next = transition(row.status, "transfer");
    if (!next.ok) throw staffError("conflict", "not_allowed");
    const policy = policyOf(ref, row);
    const acceptanceDueOn = policy ? acceptanceDueDate(ref.calendar, policy, today) : row.acceptanceDueOn;
    return {
      set: { unitId: target.id, acceptanceDueOn, assigneeId: null, draftAnswer: null, draftStatus: null, draftAuthorId: null, draftUpdatedAt: null, reviewComment: null },
      events: [
        {
          type: "case.transferred",
          visibility: "public",
          fromUnitId: row.unitId,
          toUnitId: target.id,
          fromStatus: row.status,
          toStatus: next.status,
          reason: v.reason,
          data: { acceptanceDueOn, previousAcceptanceDueOn: row.acceptanceDueOn },
        },
      ],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Assignment, notes, information requests
// ---------------------------------------------------------------------------------------------

/** Staff of the case's unit who can be assigned to it (handlers and leaders, valid today, not disabled). */
export async function assignableUsers(db: Database | Tx, unitId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.unitId, unitId),
        inArray(memberships.role, [...ASSIGNABLE_ROLES]),
        isNull(users.disabledAt),
        lte(memberships.validFrom, sql`current_date`),
        or(isNull(memberships.validTo), gte(memberships.validTo, sql`current_date`)),
      ),
    )
    .orderBy(users.name);
}

export const assignSchema = z.object({ ...caseRef, assigneeId: z.string().min(1, { error: "required" }) });

/** Assigns a handler of the case's unit. For a denunciation this names the only person who sees the denouncer. */
export async function assignCase(db: Database, viewer: Viewer | null, input: CaseRef & { assigneeId?: unknown }, now = new Date()) {
  const v = parseFilerInput(assignSchema, input);
  return act(db, viewer, v, "assign", now, async ({ tx, row }) => {
    const candidates = await assignableUsers(tx, row.unitId);
    if (!candidates.some((u) => u.id === v.assigneeId)) throw fieldError("assigneeId", "invalid");
    if (row.assigneeId === v.assigneeId) throw fieldError("assigneeId", "invalid");
    return {
      set: { assigneeId: v.assigneeId },
      events: [{ type: "case.assigned", visibility: "internal", data: { assigneeId: v.assigneeId, previousAssigneeId: row.assigneeId } }],
    };
  });
}

export const noteSchema = z.object({ ...caseRef, text: filerText({ max: STAFF_TEXT_MAX }) });

/** An internal note, with documents if any. Never shown to the filer or the public. */
export async function addNote(db: Database, viewer: Viewer | null, input: CaseRef & { text?: unknown }, files: IncomingFile[] = [], now = new Date()) {
  const v = parseFilerInput(noteSchema, input);
  const checked = checkFilerFiles(files);
  if (v.text === "" && checked.length === 0) throw fieldError("text", "text_or_files_required");
  return act(db, viewer, v, "note", now, async ({ tx, row, viewer }) => {
    const attachmentIds = await storeAttachments(tx, row.id, checked, { uploadedBy: viewer.userId, visibility: "internal", eventId: null });
    return { set: {}, events: [{ type: "case.note", visibility: "internal", data: { text: v.text || null, attachmentIds } }] };
  });
}

export const requestInfoSchema = z.object({ ...caseRef, reason: filerText({ required: true, max: STAFF_TEXT_MAX }) });

/**
 * Asks the filer for more information. What is asked is public (it must not hold personal data) and shown to
 * the filer in their private view; the resolution clock pauses where the case's policy allows it.
 */
export async function requestInfo(db: Database, viewer: Viewer | null, input: CaseRef & { reason?: unknown }, now = new Date()) {
  const v = parseFilerInput(requestInfoSchema, input);
  const ref = await getReferenceData(db);
  return act(db, viewer, v, "request_info", now, async ({ row }) => {
    const next = transition(row.status, "request_info");
    if (!next.ok) throw staffError("conflict", "not_allowed");
    const pauses = policyOf(ref, row)?.pausesOnInfoRequest ?? false;
    return {
      set: { status: next.status, pausedAt: pauses ? now : null },
      events: [{ type: "case.info_requested", visibility: "public", fromStatus: row.status, toStatus: next.status, reason: v.reason, data: { pauses } }],
    };
  });
}

export const resumeSchema = z.object({ ...caseRef, reason: reasonText });

/**
 * The filer did not send what was asked: the handler goes on without it, with a public reason. Where the policy
 * paused the clock, the resolution deadline moves by the time spent waiting, as when the filer replies.
 */
export async function resumeCase(db: Database, viewer: Viewer | null, input: CaseRef & { reason?: unknown }, now = new Date()) {
  const v = parseFilerInput(resumeSchema, input);
  return act(db, viewer, v, "resume", now, async ({ tx, row }) => {
    const next = transition(row.status, "info_timeout");
    if (!next.ok) throw staffError("conflict", "not_allowed");
    const resolutionDueOn = await resumedDueDate(tx, row, toLocalDate(now));
    return {
      set: { status: next.status, pausedAt: null, resolutionDueOn },
      events: [
        {
          type: "case.resumed",
          visibility: "public",
          fromStatus: row.status,
          toStatus: next.status,
          reason: v.reason,
          data: { resolutionDueOn, previousResolutionDueOn: row.resolutionDueOn },
        },
      ],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The answer: draft, review, approval
// ---------------------------------------------------------------------------------------------

export const draftSchema = z.object({ ...caseRef, draft: filerText({ required: true, max: ANSWER_MAX }), submit: z.boolean().default(false) });

/** Saves the draft answer, or saves and submits it to the unit's leader for approval. */
export async function saveDraft(
  db: Database,
  viewer: Viewer | null,
  input: CaseRef & { draft?: unknown; submit?: boolean },
  now = new Date(),
) {
  const v = parseFilerInput(draftSchema, input);
  return act(db, viewer, v, v.submit ? "submit_draft" : "save_draft", now, async ({ viewer }) => ({
    set: { draftAnswer: v.draft, draftStatus: v.submit ? "submitted" : "draft", draftAuthorId: viewer.userId, draftUpdatedAt: now },
    events: [{ type: v.submit ? "case.draft_submitted" : "case.draft_saved", visibility: "internal", data: { length: v.draft.length } }],
  }));
}

export const returnDraftSchema = z.object({ ...caseRef, comment: reasonText });

/** The leader sends the draft back with comments; the handler revises and submits again. */
export async function returnDraft(db: Database, viewer: Viewer | null, input: CaseRef & { comment?: unknown }, now = new Date()) {
  const v = parseFilerInput(returnDraftSchema, input);
  return act(db, viewer, v, "return_draft", now, async ({ row }) => ({
    set: { draftStatus: "returned", reviewComment: v.comment },
    events: [{ type: "case.draft_returned", visibility: "internal", reason: v.comment, data: { draftAuthorId: row.draftAuthorId } }],
  }));
}

/**
 * The leader approves and signs the submitted draft: it becomes the answer, the filer sees it in their private
 * view, and the public too when the filer consented (never for a denunciation).
 */
export async function approveAnswer(db: Database, viewer: Viewer | null, input: CaseRef, now = new Date()) {
  const v = parseFilerInput(z.object(caseRef), input);
  return act(db, viewer, v, "approve", now, async ({ row, viewer }) => {
    const next = transition(row.status, "answer");
    if (!next.ok || !row.draftAnswer) throw staffError("conflict", "not_allowed");
    const answerPublic = row.consentPublish && row.kind !== "denunciation";
    return {
      set: {
        status: next.status,
        answer: row.draftAnswer,
        answerPublic,
        answeredAt: now,
        draftStatus: null,
        reviewComment: null,
        draftUpdatedAt: now,
      },
      events: [
        {
          type: "case.answered",
          visibility: "public",
          fromStatus: row.status,
          toStatus: next.status,
          data: { answerPublic, signedBy: viewer.userId, draftAuthorId: row.draftAuthorId },
        },
      ],
    };
  }, (tx, caseId) => publishAnswers(tx, { caseIds: [caseId], now }));
}

// ---------------------------------------------------------------------------------------------
// Extension, flags
// ---------------------------------------------------------------------------------------------

export const extendSchema = z.object({ ...caseRef, days: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }), reason: reasonText });

/** A leader extends the resolution deadline of a complex case, within the policy's limits, with a public reason. */
export async function extendDeadline(db: Database, viewer: Viewer | null, input: CaseRef & { days?: unknown; reason?: unknown }, now = new Date()) {
  const v = parseFilerInput(extendSchema, input);
  const ref = await getReferenceData(db);
  return act(db, viewer, v, "extend", now, async ({ row }) => {
    const policy = policyOf(ref, row);
    if (!policy || row.resolutionDueOn === null) throw fieldError("days", "no_extension_allowed");
    const extended = applyExtension(ref.calendar, policy, row.resolutionDueOn, row.extensionsCount, v.days);
    if (!extended.ok) throw fieldError("days", extended.reason);
    return {
      set: { resolutionDueOn: extended.dueDate, extensionsCount: row.extensionsCount + 1 },
      events: [
        {
          type: "case.extended",
          visibility: "public",
          reason: v.reason,
          data: { days: v.days, newDueOn: extended.dueDate, previousDueOn: row.resolutionDueOn, extension: row.extensionsCount + 1 },
        },
      ],
    };
  });
}

export const flagSchema = z.object({ ...caseRef, reason: reasonText });

/** An overseer asks the unit's leader to look at a case. */
export async function flagCase(db: Database, viewer: Viewer | null, input: CaseRef & { reason?: unknown }, now = new Date()) {
  const v = parseFilerInput(flagSchema, input);
  return act(db, viewer, v, "flag", now, async ({ row }) => ({
    set: { flaggedAt: now },
    events: [{ type: "case.flagged", visibility: "internal", reason: v.reason, data: { unitId: row.unitId } }],
  }));
}

export const clearFlagSchema = z.object({ ...caseRef, reason: filerText({ max: 2000 }) });

/** The leader acknowledges an overseer's flag, saying what was done. */
export async function clearFlag(db: Database, viewer: Viewer | null, input: CaseRef & { reason?: unknown }, now = new Date()) {
  const v = parseFilerInput(clearFlagSchema, input);
  return act(db, viewer, v, "clear_flag", now, async () => ({
    set: { flaggedAt: null },
    events: [{ type: "case.flag_cleared", visibility: "internal", reason: v.reason || null }],
  }));
}
