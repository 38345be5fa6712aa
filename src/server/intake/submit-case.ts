import "server-only";
import { runInTransaction } from "@/db/transaction";
import { createHash, createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, DbOrTx, Tx } from "@/db/client";
import { caseParties, cases, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { acceptanceDueDate, selectPolicy } from "@/domain/deadlines";
import { RECEPTION_ANSWER_POLICY } from "@/domain/deadline-policies-data";
import type { IsoDate } from "@/domain/types";
import { routeCase } from "@/domain/routing";
import { CODE_ALPHABET, generateTrackingCode, hashAccessKey, normalizeAccessKey } from "@/domain/tracking-code";
import { env } from "@/env";
import { consumeRateLimit, RATE_LIMITS } from "@/server/abuse/rate-limit";
import { loadMemberships } from "@/server/auth/roles";
import { checkAttachments, storeAttachments, type AttachmentProblem, type CheckedFile, type IncomingFile } from "@/server/attachments/store-attachments";
import { recordCaseEvent } from "@/server/cases/record-event";
import { getReferenceData, type ReferenceData } from "./reference-data";
import { sendEmail } from "@/server/email/send-email";
import { deferRenderWithSecret } from "@/emails/registry";
import { AppError } from "@/server/errors";
import { emailLookupHash, sealPersonalData } from "@/server/privacy/personal-data";
import { insertCaseMatter, lockReceptionDayForCase, receptionAnswerDueOn } from "@/server/reception/record/reception-case";
import { receptionDateOf } from "@/server/reception/record/record-frame";
import { fieldErrors, submitCaseSchema, type FieldError, type SubmitCaseInput, type SubmitCaseValues } from "./submit-case-input";

export type SubmitContext = { db: Database; ip: string; userId: string | null; now?: Date };

export type Receipt = {
  caseId: string;
  code: string;
  accessKey: string;
  kind: SubmitCaseValues["kind"];
  unitName: string;
  unitNameEn: string;
  acceptanceDueOn: string;
  receivedAt: Date;
  /** True when this was a retry of a submission already stored. */
  replayed: boolean;
};

export type SubmitResult =
  | { ok: true; receipt: Receipt }
  | { ok: false; reason: "invalid"; fields: Record<string, FieldError> }
  | { ok: false; reason: "attachments"; problem: AttachmentProblem; fileName?: string }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; reason: "honeypot" };

/**
 * The stored idempotency key binds the form's one-time key to what was sent, so that a retry of the same
 * submission finds its case, while a form reused for different content does not reveal someone else's case.
 */
function idempotencyFingerprint(v: SubmitCaseValues): string {
  return createHash("sha256")
    .update(JSON.stringify([v.idempotencyKey, v.kind, v.categoryId, v.areaId, v.title, v.body, v.email, v.phone, v.name]))
    .digest("hex");
}

/** Derived, so that a retried submission can show the same key again; the database keeps only its hash. */
function deriveAccessKey(fingerprint: string): string {
  const mac = createHmac("sha256", env().AUTH_SECRET).update(`access-key:${fingerprint}`).digest();
  const symbols = [...mac.subarray(0, 20)].map((b) => CODE_ALPHABET[b & 31]).join("");
  return normalizeAccessKey(symbols)!;
}

// The statements every submission runs are prepared: a named statement is parsed once per connection, while
// Drizzle's default (unnamed) costs postgres.js an extra round trip to describe it each time.
async function existingReceipt(db: Database, fingerprint: string): Promise<Receipt | null> {
  const [row] = await db
    .select({ id: cases.id, code: cases.code, kind: cases.kind, due: cases.acceptanceDueOn, receivedAt: cases.receivedAt, unitName: units.name, unitNameEn: units.nameEn })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(eq(cases.idempotencyKey, fingerprint))
    .limit(1)
    .prepare("intake_existing_receipt")
    .execute();
  if (!row) return null;
  return {
    caseId: row.id,
    code: row.code,
    accessKey: deriveAccessKey(fingerprint),
    kind: row.kind,
    unitName: row.unitName,
    unitNameEn: row.unitNameEn,
    acceptanceDueOn: row.due,
    receivedAt: row.receivedAt,
    replayed: true,
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; message?: string; cause?: unknown };
  if (e?.code === "23505") return (e.constraint_name ?? e.constraint ?? e.message ?? "").includes(constraint);
  return !!e?.cause && isUniqueViolation(e.cause, constraint);
}

/**
 * A citizen (or staff on their behalf) files a case: validate, limit abuse, route, compute the acceptance
 * deadline, store the case with its parties sealed apart, the attachments, the timeline, the audit entries and
 * the receipt email, all in one transaction. A retry with the same idempotency key returns the first receipt.
 */
/** Intake officers and leaders register cases from receptions, meetings, mail and hotlines. */
export async function mayRegisterOnBehalf(db: DbOrTx, userId: string): Promise<boolean> {
  return (await loadMemberships(db, userId)).some((m) => m.role === "intake" || m.role === "leader");
}

export async function submitCase(ctx: SubmitContext, raw: SubmitCaseInput & { website?: string }, files: IncomingFile[] = []): Promise<SubmitResult> {
  const { db } = ctx;
  const now = ctx.now ?? new Date();
  // Bots fill every field; people never see this one.
  if (raw.website) return { ok: false, reason: "honeypot" };

  const parsed = submitCaseSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid", fields: fieldErrors(parsed.error) };
  const v = parsed.data;
  const fingerprint = idempotencyFingerprint(v);

  const replay = await existingReceipt(db, fingerprint);
  if (replay) return { ok: true, receipt: replay };

  const checkedFiles = checkAttachments(files);
  if (!checkedFiles.ok) return { ok: false, reason: "attachments", problem: checkedFiles.problem, fileName: checkedFiles.fileName };

  // Only an intake officer or a leader registers a case from another channel, on a citizen's behalf. Their
  // office files many cases from one address, so they are limited per official rather than per address.
  const onBehalf = v.channel !== "web";
  if (onBehalf && !(ctx.userId && (await mayRegisterOnBehalf(db, ctx.userId)))) return { ok: false, reason: "invalid", fields: { channel: "invalid" } };
  const limits = onBehalf
    ? [consumeRateLimit(db, `submit-staff:${ctx.userId}`, RATE_LIMITS.submitPerStaff, now)]
    : [consumeRateLimit(db, `submit-ip:${ctx.ip}`, RATE_LIMITS.submitPerIp, now)];
  const contact = v.email || v.phone;
  if (contact && !onBehalf) limits.push(consumeRateLimit(db, `submit-contact:${emailLookupHash(contact)}`, RATE_LIMITS.submitPerContact, now));
  for (const limit of await Promise.all(limits)) {
    if (!limit.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }

  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, receipt: await insertCase(ctx, v, fingerprint, checkedFiles.files, now) };
    } catch (error) {
      // Two copies of one submission raced: the loser returns the winner's receipt.
      if (isUniqueViolation(error, "cases_idempotency_key")) {
        const winner = await existingReceipt(db, fingerprint);
        if (winner) return { ok: true, receipt: winner };
      }
      // A random tracking code that already exists (about 1 in 10^15): draw another.
      if (isUniqueViolation(error, "cases_code_key") && attempt < 3) continue;
      if (error instanceof AppError && error.code === "invalid_input") {
        return { ok: false, reason: "invalid", fields: { [String(error.details?.field ?? "form")]: "invalid" } };
      }
      throw error;
    }
  }
}

async function insertCase(ctx: SubmitContext, v: SubmitCaseValues, fingerprint: string, files: CheckedFile[], now: Date): Promise<Receipt> {
  // Read before the transaction: on the embedded database a second query outside it would wait for it.
  const ref = await getReferenceData(ctx.db, { mustContain: { areaId: v.areaId, categoryId: v.categoryId, unitId: v.subjectUnitId } });
  return runInTransaction(ctx.db, async (tx) => {
    if (!v.receptionDayId) return insertCaseInTransaction(tx, ref, { userId: ctx.userId }, v, fingerprint, files, now);
    // A matter raised at a reception: authorised from the day, and written with the case or not at all.
    const day = await lockReceptionDayForCase(tx, ctx.userId, v.receptionDayId, now);
    const receipt = await insertCaseInTransaction(tx, ref, { userId: ctx.userId }, v, fingerprint, files, now, { receptionOn: receptionDateOf(day) });
    await insertCaseMatter(tx, day, { caseId: receipt.caseId, title: v.title, categoryId: v.categoryId, userId: ctx.userId!, calendar: ref.calendar }, now);
    return receipt;
  });
}

/**
 * Stores a validated case inside the caller's transaction: routing, deadline, the case, its parties, the
 * received and routed events, the attachments and the receipt email. `ref` is read before the transaction (see
 * insertCase). Used by filing, and by services that register a case as part of a larger change (a dialogue
 * question turned into a case), so that all of it commits or none does. `fingerprint` is the case's unique
 * idempotency key, from which its access key is derived.
 */
export async function insertCaseInTransaction(
  tx: Tx,
  ref: ReferenceData,
  ctx: { userId: string | null },
  v: SubmitCaseValues,
  fingerprint: string,
  files: CheckedFile[],
  now: Date,
  reception: { receptionOn?: IsoDate } = {},
): Promise<Receipt> {
  const receivedOn = toLocalDate(now);
  const area = ref.areas.find((a) => a.id === v.areaId);
  const category = ref.categories.find((c) => c.id === v.categoryId);
  if (!area) throw new AppError("invalid_input", "unknown area", { field: "areaId" });
  if (!category?.active) throw new AppError("invalid_input", "unknown category", { field: "categoryId" });
  const { rules, units: unitRows, areas: areaRows, policies, calendar } = ref;
  if (v.subjectUnitId && !unitRows.some((u) => u.id === v.subjectUnitId)) {
    throw new AppError("invalid_input", "unknown subject unit", { field: "subjectUnitId" });
  }
  const decision = routeCase(
    {
      kind: v.kind,
      categoryId: v.categoryId,
      areaId: v.areaId,
      today: receivedOn,
      // The router itself matches a named body only for the kinds about one (denunciations, complaints).
      denounced: v.subjectUnitId ? { unitId: v.subjectUnitId } : null,
    },
    { rules, units: unitRows, areas: areaRows },
  );
  if ("error" in decision) throw new Error(`routing found no unit: ${decision.trail.join("; ")}`);
  const unit = unitRows.find((u) => u.id === decision.unitId)!;
  const policy = selectPolicy(policies, v.kind, 1, receivedOn);
  if (!policy) throw new Error(`no deadline policy in force for ${v.kind} on ${receivedOn}`);
  // Anything raised at a reception must be answered within 10 working days of it (Law 42/2013 art. 28): a case
  // registered from a reception is due at the earlier of its policy's date and that one.
  const policyDueOn = acceptanceDueDate(calendar, policy, receivedOn);
  const receptionDueOn = v.channel === "reception" ? receptionAnswerDueOn(calendar, reception.receptionOn ?? receivedOn) : null;
  const dueRule = receptionDueOn && receptionDueOn < policyDueOn ? ("reception" as const) : ("policy" as const);
  const acceptanceDueOn = dueRule === "reception" ? receptionDueOn! : policyDueOn;
  const accessKey = deriveAccessKey(fingerprint);

  const [row] = await tx
    .insert(cases)
    .values({
      code: generateTrackingCode(),
      accessKeyHash: hashAccessKey(accessKey),
      kind: v.kind,
      channel: v.channel,
      status: "received",
      categoryId: v.categoryId,
      areaId: v.areaId,
      address: v.address || null,
      title: v.title,
      body: v.body,
      language: v.language,
      consentPublish: v.consentPublish,
      unitId: unit.id,
      subjectUnitId: v.subjectUnitId ?? null,
      routingRuleId: decision.ruleId,
      routingReason: decision.reason,
      policyId: policy.id,
      remoteArea: area.remote,
      receivedAt: now,
      acceptanceDueOn,
      submittedBy: ctx.userId,
      filerEmailHash: !v.anonymous && v.email ? emailLookupHash(v.email) : null,
      idempotencyKey: fingerprint,
    })
    .returning({ id: cases.id, code: cases.code })
    .prepare("intake_insert_case")
    .execute();
  const caseId = row!.id;

  const filer = v.anonymous ? {} : { name: v.name, phone: v.phone || undefined, email: v.email || undefined, address: v.filerAddress || undefined, idNumber: v.idNumber || undefined };
  const parties: (typeof caseParties.$inferInsert)[] = [{ caseId, role: "filer", anonymous: v.anonymous, ...sealPersonalData(filer) }];
  if (v.subjectName || v.subjectPosition) {
    parties.push({ caseId, role: "subject", anonymous: false, ...sealPersonalData({ name: v.subjectName || undefined, position: v.subjectPosition || undefined }) });
  }
  await tx.insert(caseParties).values(parties).prepare("intake_insert_parties").execute();

  const actor = { actorUserId: ctx.userId, actorRole: v.channel === "web" ? "filer" : "intake" };
  const receivedEventId = await recordCaseEvent(tx, { at: now, caseId, type: "case.received", visibility: "public", ...actor, toStatus: "received", data: { channel: v.channel } });
  await recordCaseEvent(tx, {
    at: now,
    caseId,
    type: "case.routed",
    visibility: "public",
    actorRole: "system",
    toUnitId: unit.id,
    data: {
      ruleId: decision.ruleId,
      reason: decision.reason,
      trail: decision.trail,
      policyId: policy.id,
      legalBasis: policy.legalBasis,
      ...(receptionDueOn
        ? { dueRule, dueRuleBasis: dueRule === "reception" ? RECEPTION_ANSWER_POLICY.legalBasis : policy.legalBasis, policyDueOn, receptionDueOn, receptionOn: reception.receptionOn ?? receivedOn }
        : {}),
    },
  });
  await storeAttachments(tx, caseId, files, { uploadedBy: ctx.userId, visibility: "filer", eventId: receivedEventId });

  const receipt: Receipt = { caseId, code: row!.code, accessKey, kind: v.kind, unitName: unit.name, unitNameEn: unit.nameEn, acceptanceDueOn, receivedAt: now, replayed: false };
  if (!v.anonymous && v.email) {
    // The access key is the message's secret: sealed apart from the props, never stored in clear.
    const deferred = deferRenderWithSecret("receipt", { receipt: { code: receipt.code, kind: v.kind, unitName: unit.name, unitNameEn: unit.nameEn, acceptanceDueOn }, appUrl: env().APP_URL }, { accessKey });
    await sendEmail(tx, { ...deferred, to: v.email, template: "case-receipt", locale: v.language, dedupeKey: `receipt:${caseId}` });
  }
  return receipt;
}
