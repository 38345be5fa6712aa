import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { areas, attachments, caseEvents, caseParties, cases, categories, deadlinePolicies, units, users } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { toLocalDate } from "@/domain/calendar";
import { isOverdue } from "@/domain/deadlines";
import { availableActions, mayDo, type StaffAction } from "@/domain/staff-permissions";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import type { CaseKind, CaseStatus, IsoDate } from "@/domain/types";
import { appendAudit } from "@/server/audit/append-audit";
import { filerText, parseFilerInput } from "@/server/filer/filer-access";
import type { Viewer } from "@/server/auth/roles";
import { getReferenceData } from "@/server/intake/reference-data";
import { unsealPersonalData, type PersonalData } from "@/server/privacy/personal-data";
import { assignableUsers, transferTargets } from "./case-actions";
import { actorRole, factsOf, heldRoles, isUuid, loadCaseForStaff, staffError } from "./case-access";

export type NamedUnit = { id: string; name: string; nameEn: string };
export type StaffEvent = {
  id: number;
  type: string;
  visibility: "public" | "internal";
  at: Date;
  actor: { name: string | null; role: string | null } | null;
  fromUnit: NamedUnit | null;
  toUnit: NamedUnit | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  /** Text written with the event (a note, what the filer added); null when there is none. */
  text: string | null;
  details: Record<string, string | number | boolean | null>;
  attachmentIds: string[];
};

export type StaffAttachment = { id: string; fileName: string; size: number; createdAt: Date; internal: boolean; canOpen: boolean };
export type Party = { role: "filer" | "subject"; anonymous: boolean; data: PersonalData };

export type StaffCase = Awaited<ReturnType<typeof getStaffCase>>;

const SAFE_DETAIL_KEYS = ["resolutionDueOn", "acceptanceDueOn", "newDueOn", "previousDueOn", "days", "redirect", "channel", "satisfaction", "pauses", "answerPublic"];

function details(data: Record<string, unknown> | null): StaffEvent["details"] {
  const out: StaffEvent["details"] = {};
  for (const key of SAFE_DETAIL_KEYS) {
    const value = data?.[key];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[key] = value;
  }
  return out;
}

/**
 * A case as the workspace shows it to a staff member who may see it: everything but the people's identities,
 * which need revealIdentity (logged). Denunciation files are openable by the named handler only.
 */
export async function getStaffCase(db: Database, viewer: Viewer | null, code: string, now = new Date()) {
  const normalized = normalizeTrackingCode(code);
  if (!normalized) throw staffError("not_found", "not_found");
  const { row: c, roles, viewer: v } = await loadCaseForStaff(db, viewer, { code: normalized });
  const fromUnit = alias(units, "from_unit");
  const toUnit = alias(units, "to_unit");
  const assignee = alias(users, "assignee");
  const draftAuthor = alias(users, "draft_author");
  const [[meta], eventRows, files, parties, ref] = await Promise.all([
    db
      .select({
        unit: { id: units.id, name: units.name, nameEn: units.nameEn },
        category: { nameVi: categories.nameVi, nameEn: categories.nameEn },
        area: areas.name,
        policy: { legalBasis: deadlinePolicies.legalBasis, pausesOnInfoRequest: deadlinePolicies.pausesOnInfoRequest },
        assignee: { id: assignee.id, name: assignee.name, email: assignee.email },
        draftAuthor: { name: draftAuthor.name, email: draftAuthor.email },
      })
      .from(cases)
      .innerJoin(units, eq(units.id, cases.unitId))
      .innerJoin(categories, eq(categories.id, cases.categoryId))
      .innerJoin(areas, eq(areas.id, cases.areaId))
      .leftJoin(deadlinePolicies, eq(deadlinePolicies.id, cases.policyId))
      .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
      .leftJoin(draftAuthor, eq(draftAuthor.id, cases.draftAuthorId))
      .where(eq(cases.id, c.id)),
    db
      .select({
        e: caseEvents,
        actorName: users.name,
        actorEmail: users.email,
        from: { id: fromUnit.id, name: fromUnit.name, nameEn: fromUnit.nameEn },
        to: { id: toUnit.id, name: toUnit.name, nameEn: toUnit.nameEn },
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorUserId))
      .leftJoin(fromUnit, eq(fromUnit.id, caseEvents.fromUnitId))
      .leftJoin(toUnit, eq(toUnit.id, caseEvents.toUnitId))
      .where(eq(caseEvents.caseId, c.id))
      .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id)),
    db
      .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size, createdAt: attachments.createdAt, visibility: attachments.visibility })
      .from(attachments)
      .where(eq(attachments.caseId, c.id))
      .orderBy(asc(attachments.createdAt)),
    db.select({ role: caseParties.role, anonymous: caseParties.anonymous }).from(caseParties).where(eq(caseParties.caseId, c.id)),
    getReferenceData(db),
  ]);
  const facts = factsOf(c);
  const actions = availableActions(roles, facts, v.userId);
  const can = (a: StaffAction) => actions.includes(a);
  const filesOpen = c.kind !== "denunciation" || c.assigneeId === v.userId;
  const currentDue =
    c.status === "received"
      ? { kind: "acceptance" as const, on: c.acceptanceDueOn, overdue: isOverdue(c.acceptanceDueOn, now) }
      : c.status === "accepted" && c.resolutionDueOn
        ? { kind: "resolution" as const, on: c.resolutionDueOn, overdue: isOverdue(c.resolutionDueOn, now) }
        : null;
  const policy = ref.policies.find((p) => p.id === c.policyId) ?? null;

  return {
    id: c.id,
    code: c.code,
    version: c.version,
    kind: c.kind as CaseKind,
    instance: c.instance,
    status: c.status as CaseStatus,
    channel: c.channel,
    title: c.title,
    body: c.body,
    address: c.address,
    language: c.language,
    consentPublish: c.consentPublish,
    remoteArea: c.remoteArea,
    category: meta!.category,
    area: meta!.area,
    unit: meta!.unit,
    receivedAt: c.receivedAt,
    acceptanceDueOn: c.acceptanceDueOn as IsoDate,
    acceptedAt: c.acceptedAt,
    resolutionDueOn: c.resolutionDueOn as IsoDate | null,
    pausedAt: c.pausedAt,
    extensionsCount: c.extensionsCount,
    extensionLimit: policy?.extension ?? null,
    answeredAt: c.answeredAt,
    answer: c.answer,
    answerPublic: c.answerPublic,
    satisfaction: c.satisfaction,
    flaggedAt: c.flaggedAt,
    escalatedAt: c.escalatedAt,
    currentDue,
    policy: meta!.policy?.legalBasis ? meta!.policy : null,
    assignee: meta!.assignee?.id ? meta!.assignee : null,
    draft: c.draftStatus
      ? { text: c.draftAnswer ?? "", status: c.draftStatus, author: meta!.draftAuthor?.name ?? meta!.draftAuthor?.email ?? null, updatedAt: c.draftUpdatedAt, comment: c.reviewComment }
      : null,
    parties: parties.map((p) => ({ role: p.role, anonymous: p.anonymous })),
    viewerRoles: heldRoles(roles),
    actions,
    attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, createdAt: f.createdAt, internal: f.visibility === "internal", canOpen: filesOpen })),
    events: eventRows.map(({ e, actorName, actorEmail, from, to }) => ({
      id: e.id,
      type: e.type,
      visibility: e.visibility,
      at: e.createdAt,
      actor: e.actorRole || actorName ? { name: actorName ?? actorEmail ?? null, role: e.actorRole } : null,
      fromUnit: from?.id ? from : null,
      toUnit: to?.id ? to : null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      text: typeof e.data?.text === "string" ? e.data.text : null,
      details: details(e.data),
      attachmentIds: Array.isArray(e.data?.attachmentIds) ? e.data.attachmentIds.filter((x): x is string => typeof x === "string") : [],
    })) satisfies StaffEvent[],
    assignable: can("assign") ? await assignableUsers(db, c.unitId) : [],
    transferTargets: can("transfer")
      ? transferTargets(ref, c, toLocalDate(now))
          .map((u) => ({ id: u.id, name: u.name, nameEn: u.nameEn }))
          .sort((a, b) => a.name.localeCompare(b.name, "vi"))
      : [],
  };
}

/** Why an official opens the people's identities; the choice is kept in the audit entry. */
export const IDENTITY_PURPOSES = ["contact_filer", "verify_identity", "other"] as const;
export type IdentityPurpose = (typeof IDENTITY_PURPOSES)[number];
export const IDENTITY_NOTE_MAX = 500;

export const revealIdentitySchema = z
  .object({
    purpose: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(IDENTITY_PURPOSES, { error: "required" })),
    note: filerText({ max: IDENTITY_NOTE_MAX }),
  })
  .superRefine((v, ctx) => {
    if (v.purpose === "other" && v.note === "") ctx.addIssue({ code: "custom", path: ["note"], message: "required" });
  });
export type RevealIdentityInput = { caseId: unknown; purpose?: unknown; note?: unknown };

/**
 * The people involved, decrypted, for a staff member with a reason to see them: staff of the handling unit,
 * and for a denunciation only the named handler. The official says why (a purpose, and words of their own for
 * "other"); every reveal is written to the audit log with that reason, in the transaction that reads the data.
 */
export async function revealIdentity(db: Database, viewer: Viewer | null, input: RevealIdentityInput): Promise<Party[]> {
  if (!isUuid(input.caseId)) throw staffError("not_found", "not_found");
  const { row, roles, viewer: v } = await loadCaseForStaff(db, viewer, { id: input.caseId });
  if (!mayDo("view_identity", roles, factsOf(row), v.userId)) throw staffError("forbidden", "no_access");
  const { purpose, note } = parseFilerInput(revealIdentitySchema, input);
  return runInTransaction(db, async (tx) => {
    const parties = await tx.select().from(caseParties).where(eq(caseParties.caseId, row.id)).orderBy(asc(caseParties.role));
    await appendAudit(tx, {
      actorUserId: v.userId,
      action: "case.identity_viewed",
      entityType: "case",
      entityId: row.id,
      data: { kind: row.kind, unitId: row.unitId, role: actorRole(roles), parties: parties.length, purpose, note: note === "" ? null : note },
    });
    return parties.map((p) => ({ role: p.role, anonymous: p.anonymous, data: unsealPersonalData(p.keyId, p.sealed) }));
  });
}
