import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, attachments, caseEvents, caseParties, cases, categories, deadlinePolicies, units } from "@/db/schema";
import { isOverdue } from "@/domain/deadlines";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import type { CaseKind, CaseStatus, IsoDate } from "@/domain/types";
import { unsealPersonalData, type PersonalData } from "@/server/privacy/personal-data";
import { filerActions, isFinalComplaintDecision, type FilerActions } from "./filer-access";
import { readFilerToken } from "./filer-session";

export type UnitName = { id: string; name: string; nameEn: string };

export type FilerEvent = {
  id: number;
  type: string;
  at: Date;
  /** "filer", "system" or a staff role; never a name. */
  actorRole: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  toUnit: UnitName | null;
  /** Public reason (legal reason of a refusal, what was asked for…). */
  reason: string | null;
  /** Safe public details: e.g. a new due date or where to go instead. */
  details: { resolutionDueOn?: IsoDate; acceptanceDueOn?: IsoDate; redirect?: string; satisfaction?: string };
  /** What the filer themself wrote with this event (never shown publicly). */
  own: { text: string | null; attachmentIds: string[] } | null;
};

export type FilerAttachment = { id: string; fileName: string; contentType: string; size: number; createdAt: Date; byFiler: boolean };

export type FilerCase = {
  id: string;
  code: string;
  version: number;
  kind: CaseKind;
  instance: number;
  status: CaseStatus;
  channel: string;
  title: string;
  body: string;
  address: string | null;
  category: { nameVi: string; nameEn: string };
  area: string;
  unit: UnitName;
  consentPublish: boolean;
  remoteArea: boolean;
  receivedAt: Date;
  acceptanceDueOn: IsoDate;
  acceptedAt: Date | null;
  resolutionDueOn: IsoDate | null;
  pausedAt: Date | null;
  extensionsCount: number;
  answeredAt: Date | null;
  closedAt: Date | null;
  /** The unit's answer, shown to the filer whether or not it is published. */
  answer: string | null;
  answerPublic: boolean;
  satisfaction: "satisfied" | "unsatisfied" | null;
  /** The deadline that runs now, and whether it has passed (overdue is derived, never stored). */
  currentDue: { kind: "acceptance" | "resolution"; on: IsoDate; overdue: boolean } | null;
  policy: { legalBasis: string; effectiveFrom: string; pausesOnInfoRequest: boolean } | null;
  parentCase: { code: string } | null;
  secondInstance: { code: string } | null;
  /** The last information request's text, while the case waits for it. */
  infoRequest: string | null;
  filer: (PersonalData & { anonymous: boolean }) | null;
  attachments: FilerAttachment[];
  events: FilerEvent[];
  actions: FilerActions;
  /** A second-instance complaint decision: the next step is a court, not this platform. */
  finalDecision: boolean;
};

/** The case id behind a code, if the filer's token is valid for it; null otherwise (show the key form). */
export async function filerCaseIdFor(db: DbOrTx, code: string, token: string | undefined, now = new Date()): Promise<string | null> {
  const normalized = normalizeTrackingCode(code);
  if (!normalized || !token) return null;
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.code, normalized)).limit(1);
  return row && (await readFilerToken(db, token, row.id, now)) ? row.id : null;
}

function pickDetails(data: Record<string, unknown> | null): FilerEvent["details"] {
  const out: FilerEvent["details"] = {};
  if (!data) return out;
  if (typeof data.resolutionDueOn === "string") out.resolutionDueOn = data.resolutionDueOn;
  if (typeof data.acceptanceDueOn === "string") out.acceptanceDueOn = data.acceptanceDueOn;
  if (typeof data.redirect === "string") out.redirect = data.redirect;
  if (typeof data.satisfaction === "string") out.satisfaction = data.satisfaction;
  return out;
}

/**
 * The whole case for its filer. The caller must have checked the filer's token (filerCaseIdFor): this reads
 * personal data. Staff-only internal events are left out; the filer's own submissions are folded into the
 * public events they belong to.
 */
export async function getFilerCase(db: DbOrTx, caseId: string, now = new Date()): Promise<FilerCase | null> {
  const toUnit = alias(units, "to_unit");
  const [row] = await db
    .select({
      c: cases,
      unit: { id: units.id, name: units.name, nameEn: units.nameEn },
      category: { nameVi: categories.nameVi, nameEn: categories.nameEn },
      area: areas.name,
      policy: { legalBasis: deadlinePolicies.legalBasis, effectiveFrom: deadlinePolicies.effectiveFrom, pausesOnInfoRequest: deadlinePolicies.pausesOnInfoRequest },
    })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .innerJoin(areas, eq(areas.id, cases.areaId))
    .leftJoin(deadlinePolicies, eq(deadlinePolicies.id, cases.policyId))
    .where(eq(cases.id, caseId))
    .limit(1);
  if (!row) return null;
  const c = row.c;

  const [eventRows, parties, files, parent, child] = await Promise.all([
    db
      .select({ e: caseEvents, toUnit: { id: toUnit.id, name: toUnit.name, nameEn: toUnit.nameEn } })
      .from(caseEvents)
      .leftJoin(toUnit, eq(toUnit.id, caseEvents.toUnitId))
      .where(
        and(
          eq(caseEvents.caseId, caseId),
          or(eq(caseEvents.visibility, "public"), and(eq(caseEvents.visibility, "internal"), eq(caseEvents.actorRole, "filer"))),
        ),
      )
      .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id)),
    db.select().from(caseParties).where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, "filer"))).limit(1),
    db
      .select({
        id: attachments.id,
        fileName: attachments.fileName,
        contentType: attachments.contentType,
        size: attachments.size,
        createdAt: attachments.createdAt,
        uploadedBy: attachments.uploadedBy,
      })
      .from(attachments)
      .where(and(eq(attachments.caseId, caseId), eq(attachments.visibility, "filer")))
      .orderBy(asc(attachments.createdAt)),
    c.parentCaseId ? db.select({ code: cases.code }).from(cases).where(eq(cases.id, c.parentCaseId)).limit(1) : Promise.resolve([]),
    db
      .select({ code: cases.code })
      .from(cases)
      .where(and(eq(cases.parentCaseId, caseId), eq(cases.kind, "complaint"), eq(cases.instance, 2)))
      .limit(1),
  ]);

  // The filer's own texts are internal events pointing at their public event.
  const own = new Map<number, { text: string | null; attachmentIds: string[] }>();
  for (const { e } of eventRows) {
    if (e.visibility !== "internal") continue;
    const publicId = Number(e.data?.publicEventId);
    const text = typeof e.data?.text === "string" ? e.data.text : null;
    const ids = Array.isArray(e.data?.attachmentIds) ? e.data.attachmentIds.filter((x): x is string => typeof x === "string") : [];
    if (Number.isSafeInteger(publicId)) own.set(publicId, { text, attachmentIds: ids });
  }
  const events: FilerEvent[] = eventRows
    .filter(({ e }) => e.visibility === "public")
    .map(({ e, toUnit: unit }) => ({
      id: e.id,
      type: e.type,
      at: e.createdAt,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toUnit: unit?.id ? { id: unit.id, name: unit.name, nameEn: unit.nameEn } : null,
      reason: e.reason,
      details: pickDetails(e.data),
      own: own.get(e.id) ?? null,
    }));

  const lastInfoRequest = [...events].reverse().find((e) => e.type === "case.info_requested");
  const party = parties[0];
  const filer = party ? { ...unsealPersonalData(party.keyId, party.sealed), anonymous: party.anonymous } : null;
  const currentDue =
    c.status === "received"
      ? { kind: "acceptance" as const, on: c.acceptanceDueOn, overdue: isOverdue(c.acceptanceDueOn, now) }
      : c.status === "accepted" && c.resolutionDueOn
        ? { kind: "resolution" as const, on: c.resolutionDueOn, overdue: isOverdue(c.resolutionDueOn, now) }
        : null;

  return {
    id: c.id,
    code: c.code,
    version: c.version,
    kind: c.kind,
    instance: c.instance,
    status: c.status,
    channel: c.channel,
    title: c.title,
    body: c.body,
    address: c.address,
    category: row.category,
    area: row.area,
    unit: row.unit,
    consentPublish: c.consentPublish,
    remoteArea: c.remoteArea,
    receivedAt: c.receivedAt,
    acceptanceDueOn: c.acceptanceDueOn,
    acceptedAt: c.acceptedAt,
    resolutionDueOn: c.resolutionDueOn,
    pausedAt: c.pausedAt,
    extensionsCount: c.extensionsCount,
    answeredAt: c.answeredAt,
    closedAt: c.closedAt,
    answer: c.answer,
    answerPublic: c.answerPublic,
    satisfaction: c.satisfaction,
    currentDue,
    policy: row.policy?.legalBasis ? row.policy : null,
    parentCase: parent[0] ?? null,
    secondInstance: child[0] ?? null,
    infoRequest: c.status === "info_requested" ? (lastInfoRequest?.reason ?? null) : null,
    filer,
    attachments: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
      createdAt: f.createdAt,
      byFiler: f.uploadedBy === null,
    })),
    events,
    actions: filerActions({ ...c, hasSecondInstance: child.length > 0 }),
    finalDecision: isFinalComplaintDecision(c),
  };
}
