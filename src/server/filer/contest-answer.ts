import "server-only";
import { runInTransaction } from "@/db/transaction";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Tx } from "@/db/client";
import { caseParties, cases, units } from "@/db/schema";
import { transition } from "@/domain/case-status";
import { compareDates, toLocalDate } from "@/domain/calendar";
import { acceptanceDueDate, selectPolicy, type DeadlinePolicy } from "@/domain/deadlines";
import { generateAccessKey, generateTrackingCode, hashAccessKey } from "@/domain/tracking-code";
import type { Instance, IsoDate } from "@/domain/types";
import { recordCaseEvent } from "@/server/cases/record-event";
import { loadCalendar, loadPolicies } from "@/server/deadlines/policy-rows";
import { sealPersonalData, unsealPersonalData } from "@/server/privacy/personal-data";
import { publishAnswers } from "@/server/publication/publish-answers";
import {
  authorizeFiler,
  filerActions,
  filerError,
  filerText,
  formVersion,
  hasSecondInstance,
  lockCaseForFiler,
  parseFilerInput,
  recordFilerText,
  type CaseRow,
} from "./filer-access";

export const contestAnswerSchema = z.object({ version: formVersion, reason: filerText({ required: true }) });
export type ContestAnswerInput = { caseId: unknown; version: unknown; reason?: unknown };

export type ContestResult =
  | {
      outcome: "second_instance";
      /** The new case. Its code and access key are shown once to the filer; only the key's hash is stored. */
      caseId: string;
      code: string;
      accessKey: string;
      unitId: string;
      acceptanceDueOn: IsoDate;
    }
  | { outcome: "reopened"; caseId: string; unitId: string; acceptanceDueOn: IsoDate };

/**
 * The level above a unit: its parent, or the parent's successor after a reorganisation. Null at the top.
 */
async function higherUnit(tx: Tx, unitId: string, today: IsoDate): Promise<string | null> {
  const [unit] = await tx.select({ parentId: units.parentId }).from(units).where(eq(units.id, unitId));
  let current = unit?.parentId ?? null;
  const seen = new Set<string>();
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const [row] = await tx.select({ validTo: units.validTo, successorId: units.successorId }).from(units).where(eq(units.id, current));
    if (!row) return null;
    if (row.validTo === null || compareDates(today, row.validTo) <= 0) return current;
    current = row.successorId;
  }
  return null;
}

async function newTrackingCode(tx: Tx): Promise<string> {
  // 50 random bits: a collision is all but impossible, but the unique index would turn one into a 500.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateTrackingCode();
    const [taken] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.code, code)).limit(1);
    if (!taken) return code;
  }
  throw new Error("could not find a free tracking code");
}

function requirePolicy(policy: DeadlinePolicy | null | undefined, what: string): DeadlinePolicy {
  // A missing policy is a configuration fault for admins, not the filer's problem: logged as a server error.
  if (!policy) throw new Error(`no deadline policy in force for ${what}`);
  return policy;
}

/** First-instance complaint: a new, linked second-instance complaint at the level above. */
async function fileSecondInstance(tx: Tx, row: CaseRow, reason: string, now: Date): Promise<ContestResult> {
  const today = toLocalDate(now);
  const unitId = await higherUnit(tx, row.unitId, today);
  if (unitId === null) throw filerError("conflict", "no_higher_unit");
  const policy = requirePolicy(selectPolicy(await loadPolicies(tx), "complaint", 2, today), "second-instance complaints");
  const acceptanceDueOn = acceptanceDueDate(await loadCalendar(tx), policy, today);
  const code = await newTrackingCode(tx);
  const accessKey = generateAccessKey();

  const [created] = await tx
    .insert(cases)
    .values({
      code,
      accessKeyHash: hashAccessKey(accessKey),
      kind: "complaint",
      instance: 2,
      parentCaseId: row.id,
      channel: "web",
      status: "received",
      categoryId: row.categoryId,
      areaId: row.areaId,
      address: row.address,
      title: row.title,
      // The filer's reasons for contesting the first decision are what the second instance examines.
      body: reason,
      language: row.language,
      consentPublish: row.consentPublish,
      unitId,
      subjectUnitId: row.subjectUnitId,
      routingReason: "second_instance",
      policyId: policy.id,
      remoteArea: row.remoteArea,
      receivedAt: now,
      acceptanceDueOn,
      submittedBy: row.submittedBy,
      filerEmailHash: row.filerEmailHash,
    })
    .returning({ id: cases.id });
  const newId = created!.id;

  // Re-sealed with the current key, so the new case does not depend on a key being rotated out.
  const parties = await tx.select().from(caseParties).where(eq(caseParties.caseId, row.id));
  if (parties.length > 0) {
    await tx.insert(caseParties).values(
      parties.map((p) => ({ caseId: newId, role: p.role, anonymous: p.anonymous, ...sealPersonalData(unsealPersonalData(p.keyId, p.sealed)) })),
    );
  }

  await recordCaseEvent(tx, { at: now, caseId: newId, type: "case.received", visibility: "public", actorRole: "filer", toStatus: "received", data: { channel: "web", instance: 2 } });
  await recordCaseEvent(tx, {
    at: now,
    caseId: newId,
    type: "case.routed",
    visibility: "public",
    actorRole: "system",
    fromUnitId: row.unitId,
    toUnitId: unitId,
    data: { reason: "second_instance", parentCaseId: row.id, acceptanceDueOn },
  });

  // The first case is done once contested: closed if it was only answered.
  const close = transition(row.status, "close");
  const closes = row.status === "answered" && close.ok;
  await tx
    .update(cases)
    .set({ ...(closes ? { status: close.status, closedAt: now } : {}), contestedAt: sql`coalesce(${cases.contestedAt}, ${now.toISOString()}::timestamptz)`, version: row.version + 1, updatedAt: now })
    .where(eq(cases.id, row.id));
  const eventId = await recordCaseEvent(tx, {
    at: now,
    caseId: row.id,
    type: "case.contested",
    visibility: "public",
    actorRole: "filer",
    fromStatus: row.status,
    toStatus: closes ? close.status : row.status,
    fromUnitId: row.unitId,
    toUnitId: unitId,
    data: { instance: 2 },
  });
  await recordFilerText(tx, { caseId: row.id, id: eventId, type: "case.contested" }, { text: reason, extra: { secondInstanceCaseId: newId } });
  return { outcome: "second_instance", caseId: newId, code, accessKey, unitId, acceptanceDueOn };
}

/** Any other kind: the same case starts over at the level above (or the same unit at the top). */
async function reopen(tx: Tx, row: CaseRow, reason: string, now: Date): Promise<ContestResult> {
  const next = transition(row.status, "reopen");
  if (!next.ok) throw filerError("conflict", "not_allowed");
  const today = toLocalDate(now);
  const unitId = (await higherUnit(tx, row.unitId, today)) ?? row.unitId;
  const policies = await loadPolicies(tx);
  const policy = requirePolicy(
    policies.find((p) => p.id === row.policyId) ?? selectPolicy(policies, row.kind, row.instance as Instance, today),
    `${row.kind} cases`,
  );
  const acceptanceDueOn = acceptanceDueDate(await loadCalendar(tx), policy, today);
  await tx
    .update(cases)
    .set({
      status: next.status,
      unitId,
      assigneeId: null,
      policyId: policy.id,
      acceptanceDueOn,
      acceptedAt: null,
      resolutionDueOn: null,
      pausedAt: null,
      extensionsCount: 0,
      answeredAt: null,
      closedAt: null,
      // The next answer gets its own rating; the earlier one stays in the case.rated event.
      satisfaction: null,
      contestedAt: sql`coalesce(${cases.contestedAt}, ${now.toISOString()}::timestamptz)`,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(cases.id, row.id));
  const eventId = await recordCaseEvent(tx, {
    at: now,
    caseId: row.id,
    type: "case.reopened",
    visibility: "public",
    actorRole: "filer",
    fromStatus: row.status,
    toStatus: next.status,
    fromUnitId: row.unitId,
    toUnitId: unitId,
    data: { acceptanceDueOn },
  });
  await recordFilerText(tx, { caseId: row.id, id: eventId, type: "case.reopened" }, { text: reason, extra: { previousSatisfaction: row.satisfaction } });
  // A reopened case has no answer to show until the next one: off "Công khai" now, not at the morning catch-up.
  await publishAnswers(tx, { caseIds: [row.id], now });
  return { outcome: "reopened", caseId: row.id, unitId, acceptanceDueOn };
}

/**
 * The filer does not accept the answer. A first-instance complaint becomes a second-instance complaint at
 * the level above (khiếu nại lần hai); any other case is reopened there.
 */
export async function contestAnswer(db: Database, token: string | undefined, input: ContestAnswerInput, now = new Date()): Promise<ContestResult> {
  const caseId = await authorizeFiler(db, token, input.caseId, now);
  const { version, reason } = parseFilerInput(contestAnswerSchema, input);

  return runInTransaction(db, async (tx) => {
    const row = await lockCaseForFiler(tx, caseId, version);
    if (!filerActions({ ...row, hasSecondInstance: await hasSecondInstance(tx, caseId) }).contest) {
      throw filerError("conflict", "not_allowed");
    }
    return row.kind === "complaint" && row.instance === 1 ? fileSecondInstance(tx, row, reason, now) : reopen(tx, row, reason, now);
  });
}
