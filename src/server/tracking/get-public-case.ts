import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { areas, caseEvents, cases, categories, deadlinePolicies, dialogueAgendaItems, dialogueQuestions, dialogueSessions, units } from "@/db/schema";
import { daysBetween, toLocalDate } from "@/domain/calendar";
import type { Period } from "@/domain/deadlines";
import { CHANNELS, type CaseKind, type CaseStatus, type Channel, type IsoDate } from "@/domain/types";
import { caseTextRedactor } from "@/server/publication/publish-answers";

/**
 * The public status page of a case (DOMAIN.md sections 3, 7, 8). Anyone holding the code sees this, so it is
 * built from an allow-list of fields: nothing from case_parties, no assignee, no address, no internal event.
 * A denunciation shows neither its title nor its content, nor the reasons written on its events.
 */

/** Event types shown in public, in the words of the status page. Assignments and notes never are. */
export const PUBLIC_EVENT_TYPES = [
  "case.received",
  "case.routed",
  "case.transferred",
  "case.accepted",
  "case.not_accepted",
  "case.info_requested",
  "case.info_provided",
  "case.resumed",
  "case.info_added",
  "case.extended",
  "case.answered",
  "case.rated",
  "case.contested",
  "case.reopened",
  "case.closed",
  "case.withdrawn",
  "case.escalated",
  "case.from_dialogue",
  "case.dialogue_agenda",
  "case.dialogue_agenda_removed",
  "case.dialogue_answer",
  "case.reorganised",
] as const;
export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];

/**
 * Reasons stated by the authority (why a case moved, was refused, needs information, was extended). Text
 * from the filer (contest, withdrawal, added information) stays in the private view.
 */
const OFFICIAL_REASON_TYPES: ReadonlySet<PublicEventType> = new Set([
  "case.resumed",
  "case.transferred",
  "case.not_accepted",
  "case.info_requested",
  "case.extended",
  "case.reopened",
  "case.escalated",
]);

export type PublicUnit = { name: string; nameEn: string };

export type PublicEvent = {
  id: number;
  type: PublicEventType;
  at: Date;
  fromUnit: PublicUnit | null;
  toUnit: PublicUnit | null;
  /** The authority's stated reason; always null for a denunciation. */
  reason: string | null;
  /** Not accepted: where to go instead; always null for a denunciation. */
  redirect: string | null;
  /** Received: how the case came in. */
  channel: Channel | null;
  /** Accepted or extended: the resolution due date it set. */
  dueOn: IsoDate | null;
  /** Extended: by how many days. */
  days: number | null;
  /** Dialogue events: the session (public: its title and date), and for an answer who gave it and what was said. */
  dialogue: PublicDialogueRef | null;
  /** Reorganised: the decision that moved the case to the successor unit (an official act, no personal data). */
  decision: string | null;
};

/** A dialogue session as a case's page names it. */
export type PublicDialogueRef = {
  sessionId: string;
  title: string;
  startsAt: Date;
  /** The question the case came from. */
  questionNumber: number | null;
  /** The question was passed on because it belongs to another body (its public decline reason). */
  otherBody: boolean;
  /** An answer given in the session: the leader, the position they answered in, the answer (null for a denunciation). */
  answer: { leaderName: string; position: string; positionEn: string; text: string | null } | null;
};

/**
 * Where a legal deadline stands. "met"/"late" compare the local (Vietnam) date of the decision or answer
 * with the due date; "overdue" matches src/server/cases/overdue.ts.
 */
export type DeadlineState =
  | { state: "running"; dueOn: IsoDate; daysLeft: number }
  | { state: "overdue"; dueOn: IsoDate; daysOverdue: number }
  | { state: "paused"; dueOn: IsoDate | null; since: Date | null }
  | { state: "met"; dueOn: IsoDate; on: IsoDate }
  | { state: "late"; dueOn: IsoDate; on: IsoDate; daysLate: number }
  | { state: "done"; on: IsoDate }
  /** The clock stopped without the step happening (withdrawn, or not accepted). */
  | { state: "stopped"; dueOn: IsoDate | null }
  /** Starts when the case is accepted. */
  | { state: "not_started" }
  /** The policy sets no period for this step. */
  | { state: "none" };

export type PublicRules = {
  legalBasis: string;
  /** The day this version of the policy took effect (the status page names it beside the basis). */
  effectiveFrom: IsoDate;
  acceptance: Period;
  resolution: Period | null;
  remoteResolution: Period | null;
  extensionMaxCount: number | null;
  extensionMaxDays: number | null;
  pausesOnInfoRequest: boolean;
};

export type PublicCase = {
  code: string;
  kind: CaseKind;
  instance: number;
  status: CaseStatus;
  overdue: boolean;
  /** null for a denunciation. */
  title: string | null;
  /** Only when the filer consented to publication; never for a denunciation. */
  body: string | null;
  /** null for a denunciation. */
  category: PublicUnit | null;
  /** The commune or ward; null for a denunciation. */
  areaName: string | null;
  unit: PublicUnit;
  receivedAt: Date;
  acceptedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  acceptance: DeadlineState;
  resolution: DeadlineState;
  remoteArea: boolean;
  /** The deadline policy the case keeps for life; null if none was recorded. */
  rules: PublicRules | null;
  extensionsCount: number;
  /** Waiting for the filer's information since (clock paused where the policy allows). */
  pausedSince: Date | null;
  /** Only when the answer is public; never for a denunciation. */
  answer: string | null;
  /** The case stayed overdue and was reported to the unit above (null unit: to the overseers only). */
  escalation: { at: Date; to: PublicUnit | null } | null;
  /** The dialogue session the case came from (a question turned into a case), and those that have it on their agenda. */
  dialogue: { fromQuestion: PublicDialogueRef | null; agenda: (PublicDialogueRef & { answered: boolean })[] };
  events: PublicEvent[];
};

function period(amount: number | null, unit: Period["unit"] | null): Period | null {
  return amount === null || unit === null ? null : { amount, unit };
}

function dataString(data: Record<string, unknown> | null, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = data?.[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return null;
}

function dataDate(data: Record<string, unknown> | null, ...keys: string[]): IsoDate | null {
  const value = dataString(data, ...keys);
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function dataNumber(data: Record<string, unknown> | null, key: string): number | null {
  const value = data?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function runningClock(dueOn: IsoDate, today: IsoDate): DeadlineState {
  const left = daysBetween(today, dueOn);
  return left < 0 ? { state: "overdue", dueOn, daysOverdue: -left } : { state: "running", dueOn, daysLeft: left };
}

function finishedClock(dueOn: IsoDate | null, doneAt: Date): DeadlineState {
  const on = toLocalDate(doneAt);
  if (dueOn === null) return { state: "done", on };
  const late = daysBetween(dueOn, on);
  return late > 0 ? { state: "late", dueOn, on, daysLate: late } : { state: "met", dueOn, on };
}

const DIALOGUE_EVENT_TYPES: ReadonlySet<PublicEventType> = new Set(["case.from_dialogue", "case.dialogue_agenda", "case.dialogue_agenda_removed", "case.dialogue_answer"]);

/** What a dialogue event stored (src/server/dialogue): only the allow-listed keys are read. */
function dialogueRef(data: Record<string, unknown> | null, type: PublicEventType, sealed: boolean): PublicDialogueRef | null {
  const sessionId = dataString(data, "sessionId");
  const title = dataString(data, "sessionTitle");
  const startsAt = dataString(data, "sessionStartsAt");
  if (!sessionId || !title || !startsAt || Number.isNaN(Date.parse(startsAt))) return null;
  const answer =
    type === "case.dialogue_answer"
      ? {
          leaderName: dataString(data, "leaderName") ?? "",
          position: dataString(data, "leaderPosition") ?? "",
          positionEn: dataString(data, "leaderPositionEn") ?? "",
          text: sealed ? null : dataString(data, "answer"),
        }
      : null;
  const fromQuestion = type === "case.from_dialogue";
  return {
    sessionId,
    title,
    startsAt: new Date(startsAt),
    questionNumber: fromQuestion ? dataNumber(data, "questionNumber") : null,
    otherBody: fromQuestion && dataString(data, "reason") === "other_body",
    answer,
  };
}

const fromUnits = alias(units, "from_units");
const escalatedUnits = alias(units, "escalated_units");
const toUnits = alias(units, "to_units");

/**
 * The public view of a case by its canonical code (see normalizeTrackingCode), or null. Two reads that run
 * together; no writes, so the page stays fast and never serves anything stale.
 */
export async function getPublicCase(db: DbOrTx, code: string, now = new Date()): Promise<PublicCase | null> {
  const [caseRows, eventRows, questionRows, agendaRows] = await Promise.all([
    db
      .select({
        id: cases.id,
        address: cases.address,
        language: cases.language,
        code: cases.code,
        kind: cases.kind,
        instance: cases.instance,
        status: cases.status,
        title: cases.title,
        body: cases.body,
        consentPublish: cases.consentPublish,
        categoryName: categories.nameVi,
        categoryNameEn: categories.nameEn,
        areaName: areas.name,
        unitName: units.name,
        unitNameEn: units.nameEn,
        receivedAt: cases.receivedAt,
        acceptanceDueOn: cases.acceptanceDueOn,
        acceptedAt: cases.acceptedAt,
        resolutionDueOn: cases.resolutionDueOn,
        pausedAt: cases.pausedAt,
        extensionsCount: cases.extensionsCount,
        answeredAt: cases.answeredAt,
        closedAt: cases.closedAt,
        answer: cases.answer,
        answerPublic: cases.answerPublic,
        remoteArea: cases.remoteArea,
        policyId: deadlinePolicies.id,
        legalBasis: deadlinePolicies.legalBasis,
        policyEffectiveFrom: deadlinePolicies.effectiveFrom,
        acceptanceAmount: deadlinePolicies.acceptanceAmount,
        acceptanceUnit: deadlinePolicies.acceptanceUnit,
        resolutionAmount: deadlinePolicies.resolutionAmount,
        resolutionUnit: deadlinePolicies.resolutionUnit,
        remoteResolutionAmount: deadlinePolicies.remoteResolutionAmount,
        remoteResolutionUnit: deadlinePolicies.remoteResolutionUnit,
        extensionMaxCount: deadlinePolicies.extensionMaxCount,
        extensionMaxDays: deadlinePolicies.extensionMaxDays,
        pausesOnInfoRequest: deadlinePolicies.pausesOnInfoRequest,
        escalatedAt: cases.escalatedAt,
        escalatedName: escalatedUnits.name,
        escalatedNameEn: escalatedUnits.nameEn,
      })
      .from(cases)
      .innerJoin(units, eq(units.id, cases.unitId))
      .leftJoin(escalatedUnits, eq(escalatedUnits.id, cases.escalatedToUnitId))
      .innerJoin(categories, eq(categories.id, cases.categoryId))
      .innerJoin(areas, eq(areas.id, cases.areaId))
      .leftJoin(deadlinePolicies, eq(deadlinePolicies.id, cases.policyId))
      .where(eq(cases.code, code))
      .limit(1),
    db
      .select({
        id: caseEvents.id,
        type: caseEvents.type,
        at: caseEvents.createdAt,
        reason: caseEvents.reason,
        data: caseEvents.data,
        fromName: fromUnits.name,
        fromNameEn: fromUnits.nameEn,
        toName: toUnits.name,
        toNameEn: toUnits.nameEn,
      })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .leftJoin(fromUnits, eq(fromUnits.id, caseEvents.fromUnitId))
      .leftJoin(toUnits, eq(toUnits.id, caseEvents.toUnitId))
      .where(and(eq(cases.code, code), eq(caseEvents.visibility, "public"), inArray(caseEvents.type, [...PUBLIC_EVENT_TYPES])))
      .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id)),
    // The links to dialogue sessions: the question it came from, the agendas it is on (both by index on case_id).
    db
      .select({
        sessionId: dialogueSessions.id,
        title: dialogueSessions.title,
        startsAt: dialogueSessions.startsAt,
        number: dialogueQuestions.number,
        declineReason: dialogueQuestions.declineReason,
      })
      .from(dialogueQuestions)
      .innerJoin(cases, eq(cases.id, dialogueQuestions.caseId))
      .innerJoin(dialogueSessions, eq(dialogueSessions.id, dialogueQuestions.sessionId))
      .where(eq(cases.code, code))
      .limit(1),
    db
      .select({ sessionId: dialogueSessions.id, title: dialogueSessions.title, startsAt: dialogueSessions.startsAt, answeredAt: dialogueAgendaItems.answeredAt })
      .from(dialogueAgendaItems)
      .innerJoin(cases, eq(cases.id, dialogueAgendaItems.caseId))
      .innerJoin(dialogueSessions, eq(dialogueSessions.id, dialogueAgendaItems.sessionId))
      .where(eq(cases.code, code))
      .orderBy(asc(dialogueSessions.startsAt)),
  ]);
  const row = caseRows[0];
  if (!row) return null;

  const sealed = row.kind === "denunciation";
  // Free text may hold the filer's name, phone or address: shown only through the same redaction as "Công khai".
  const hide = sealed ? (text: string) => text : await caseTextRedactor(db, row);
  const today = toLocalDate(now);

  const events: PublicEvent[] = eventRows.map((e) => {
    const type = e.type as PublicEventType;
    const data = e.data ?? null;
    const channel = dataString(data, "channel");
    return {
      id: e.id,
      type,
      at: e.at,
      fromUnit: e.fromName !== null && e.fromNameEn !== null ? { name: e.fromName, nameEn: e.fromNameEn } : null,
      toUnit: e.toName !== null && e.toNameEn !== null ? { name: e.toName, nameEn: e.toNameEn } : null,
      reason: !sealed && OFFICIAL_REASON_TYPES.has(type) ? (e.reason?.trim() || null) : null,
      redirect: !sealed && type === "case.not_accepted" ? dataString(data, "redirect") : null,
      channel: type === "case.received" && (CHANNELS as readonly string[]).includes(channel ?? "") ? (channel as Channel) : null,
      dueOn: type === "case.accepted" || type === "case.extended" || type === "case.resumed" ? dataDate(data, "resolutionDueOn", "newDueOn", "dueOn") : null,
      days: type === "case.extended" ? dataNumber(data, "days") : null,
      dialogue: DIALOGUE_EVENT_TYPES.has(type) ? dialogueRef(data, type, sealed) : null,
      decision: type === "case.reorganised" ? dataString(data, "decision") : null,
    };
  });

  const lastEvent = (type: PublicEventType) => events.findLast((e) => e.type === type) ?? null;

  // Acceptance (thụ lý): decided by accepting or by refusing with a legal reason.
  let acceptance: DeadlineState;
  const decidedAt = row.acceptedAt ?? lastEvent("case.not_accepted")?.at ?? null;
  if (row.status === "received") acceptance = runningClock(row.acceptanceDueOn, today);
  else if (decidedAt) acceptance = finishedClock(row.acceptanceDueOn, decidedAt);
  else acceptance = { state: "stopped", dueOn: row.acceptanceDueOn };

  // Resolution: runs from acceptance to the answer.
  const pausedSince = row.status === "info_requested" ? (row.pausedAt ?? lastEvent("case.info_requested")?.at ?? null) : null;
  let resolution: DeadlineState;
  const resolutionDueOn = row.resolutionDueOn;
  if (row.status === "accepted") resolution = resolutionDueOn ? runningClock(resolutionDueOn, today) : { state: "none" };
  else if (row.status === "info_requested") resolution = { state: "paused", dueOn: resolutionDueOn, since: pausedSince };
  else if ((row.status === "answered" || row.status === "closed") && row.answeredAt) resolution = finishedClock(resolutionDueOn, row.answeredAt);
  else if (row.status === "withdrawn" && row.acceptedAt) resolution = { state: "stopped", dueOn: resolutionDueOn };
  else if (row.status === "received") resolution = { state: "not_started" };
  else resolution = { state: "stopped", dueOn: null };

  return {
    code: row.code,
    kind: row.kind,
    instance: row.instance,
    status: row.status,
    overdue: acceptance.state === "overdue" || resolution.state === "overdue",
    title: sealed ? null : hide(row.title),
    body: sealed || !row.consentPublish ? null : hide(row.body),
    category: sealed ? null : { name: row.categoryName, nameEn: row.categoryNameEn },
    areaName: sealed ? null : row.areaName,
    unit: { name: row.unitName, nameEn: row.unitNameEn },
    receivedAt: row.receivedAt,
    acceptedAt: row.acceptedAt,
    answeredAt: row.answeredAt,
    closedAt: row.closedAt,
    acceptance,
    resolution,
    remoteArea: row.remoteArea,
    rules:
      row.policyId !== null && row.legalBasis !== null && row.acceptanceAmount !== null && row.acceptanceUnit !== null
        ? {
            legalBasis: row.legalBasis,
            effectiveFrom: row.policyEffectiveFrom!,
            acceptance: { amount: row.acceptanceAmount, unit: row.acceptanceUnit },
            resolution: period(row.resolutionAmount, row.resolutionUnit),
            remoteResolution: period(row.remoteResolutionAmount, row.remoteResolutionUnit),
            extensionMaxCount: row.extensionMaxCount,
            extensionMaxDays: row.extensionMaxDays,
            pausesOnInfoRequest: row.pausesOnInfoRequest ?? false,
          }
        : null,
    extensionsCount: row.extensionsCount,
    pausedSince,
    answer: !sealed && row.answerPublic && row.answer?.trim() ? hide(row.answer) : null,
    dialogue: {
      fromQuestion: questionRows[0]
        ? {
            sessionId: questionRows[0].sessionId,
            title: questionRows[0].title,
            startsAt: questionRows[0].startsAt,
            questionNumber: questionRows[0].number,
            otherBody: questionRows[0].declineReason === "other_body",
            answer: null,
          }
        : null,
      agenda: agendaRows.map((a) => ({ sessionId: a.sessionId, title: a.title, startsAt: a.startsAt, questionNumber: null, otherBody: false, answer: null, answered: a.answeredAt !== null })),
    },
    escalation: row.escalatedAt
      ? { at: row.escalatedAt, to: row.escalatedName !== null && row.escalatedNameEn !== null ? { name: row.escalatedName, nameEn: row.escalatedNameEn } : null }
      : null,
    events,
  };
}

/** Whether a case has this canonical code: one index lookup, for the lookup form. */
export async function publicCaseExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: cases.code }).from(cases).where(eq(cases.code, code)).limit(1);
  return row !== undefined;
}
