import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { attachments, cases } from "@/db/schema";
import { transition } from "@/domain/case-status";
import { normalizeTrackingCode, verifyAccessKey } from "@/domain/tracking-code";
import { consumeRateLimit, RATE_LIMITS } from "@/server/abuse/rate-limit";
import { checkAttachments, type CheckedFile, type IncomingFile } from "@/server/attachments/store-attachments";
import type { Viewer } from "@/server/auth/roles";
import { visibleUnitIds } from "@/server/auth/unit-scope";
import { recordCaseEvent, type CaseEventType } from "@/server/cases/record-event";
import { isUuid } from "@/server/workspace/case-access";
import { AppError } from "@/server/errors";
import { createFilerToken, readFilerToken } from "./filer-session";

/**
 * Why a filer's request was refused. Carried as AppError.message and details.reason so that pages can pick a
 * translated message; none of them says whether a tracking code exists.
 */
export type FilerRefusal =
  | "wrong_key"
  | "no_access"
  | "stale_version"
  | "not_allowed"
  | "no_higher_unit"
  | "rate_limited";

export function filerError(code: AppError["code"], reason: FilerRefusal, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, reason, { reason, ...details });
}

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** Longest text a filer may send in one go (added information, a reply, a reason). */
export const FILER_TEXT_MAX = 5000;

/** What went wrong with one field, for a message next to it. */
export type FieldProblem =
  | "required"
  | "too_long"
  | "invalid"
  | "confirm_required"
  | "text_or_files_required"
  | "no_extension_allowed"
  | "too_many_extensions"
  | `attachments_${"too_many" | "too_large" | "total_too_large" | "type_not_allowed" | "empty"}`;

/** Free text: trimmed, in NFC (some phone keyboards send decomposed accents), at most `max` characters. */
export function filerText(options: { max?: number; required?: boolean } = {}) {
  const text = z.string().max(options.max ?? FILER_TEXT_MAX, { error: "too_long" });
  return z.preprocess(
    (v) => (typeof v === "string" ? v.normalize("NFC").trim() : v == null ? "" : v),
    options.required ? text.min(1, { error: "required" }) : text,
  );
}

/** The version the form was rendered with. */
export const formVersion = z.coerce.number().int().min(1);

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "too_small") return "required";
  if (issue.message === "required" || issue.message === "confirm_required" || issue.message === "text_or_files_required") {
    return issue.message;
  }
  return "invalid";
}

/** Parses with zod; refusals carry one problem per field for the form to show beside it. */
export function parseFilerInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, FieldProblem> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    fields[field] ??= problemOf(issue);
  }
  throw new AppError("invalid_input", "invalid_input", { fields });
}

export function fieldError(field: string, problem: FieldProblem): AppError {
  return new AppError("invalid_input", "invalid_input", { fields: { [field]: problem } });
}

/** Checks uploaded files before the transaction; a refusal names the field "files". */
export function checkFilerFiles(files: IncomingFile[]): CheckedFile[] {
  const checked = checkAttachments(files);
  if (!checked.ok) {
    throw new AppError("invalid_input", "invalid_input", {
      fields: { files: `attachments_${checked.problem}` satisfies FieldProblem },
      fileName: checked.fileName ?? null,
    });
  }
  return checked.files;
}

// ---------------------------------------------------------------------------------------------
// Proving access with the code and the private key
// ---------------------------------------------------------------------------------------------

// Compared against when the code is unknown, so that a wrong code and a wrong key take the same time.
const DUMMY_HASH = createHash("sha256").update("no such case").digest("hex");

export type FilerAccess = { caseId: string; code: string; token: string; expiresAt: Date };

/**
 * Counts one miss against the client's address and, when the code belongs to a case, against that case.
 * Unknown codes are not counted per code: a guesser spraying random codes would only fill the table, and the
 * per-address count already covers them. Returns the longest wait if either is over its limit.
 */
async function countMiss(db: DbOrTx, code: string | null, exists: boolean, ip: string, now: Date): Promise<number | null> {
  const byIp = await consumeRateLimit(db, `filer-access:ip:${ip}`, RATE_LIMITS.accessMissPerIp, now);
  const byCode = code && exists ? await consumeRateLimit(db, `filer-access:code:${code}`, RATE_LIMITS.accessMissPerCode, now) : null;
  const waits = [byIp, byCode].flatMap((r) => (r && !r.ok ? [r.retryAfterSeconds] : []));
  return waits.length > 0 ? Math.max(...waits) : null;
}

/**
 * Checks a tracking code and access key. A right pair always opens the case, whatever came before from the same
 * address or on the same code: many citizens share one address (carrier NAT, reception halls), and the key's 100
 * random bits, not the limit, are what keep guessers out. Only misses are counted, per address and per case,
 * and once over a limit a miss is refused as "rate_limited" with the time to wait. A malformed code, an unknown
 * code and a wrong key are otherwise one refusal: "wrong_key".
 */
export async function verifyFilerAccess(db: DbOrTx, code: string, key: string, ip: string, now = new Date()): Promise<FilerAccess> {
  const normalized = normalizeTrackingCode(typeof code === "string" ? code : "");
  const [row] = normalized
    ? await db.select({ id: cases.id, code: cases.code, hash: cases.accessKeyHash }).from(cases).where(eq(cases.code, normalized)).limit(1)
    : [];
  const ok = verifyAccessKey(typeof key === "string" ? key : "", row?.hash ?? DUMMY_HASH);
  if (row && ok) return { caseId: row.id, code: row.code, ...(await createFilerToken(db, row.id, now)) };
  const wait = await countMiss(db, normalized, row !== undefined, ip, now);
  if (wait !== null) throw filerError("rate_limited", "rate_limited", { retryAfterSeconds: wait });
  throw filerError("forbidden", "wrong_key");
}

/** For the verbs: the token must belong to a live session for this very case (a case id from a form proves nothing). */
export async function authorizeFiler(db: DbOrTx, token: string | null | undefined, caseId: unknown, now = new Date()): Promise<string> {
  if (!isUuid(caseId) || !(await readFilerToken(db, token, caseId, now))) throw filerError("forbidden", "no_access");
  return caseId;
}

// ---------------------------------------------------------------------------------------------
// What the filer may do
// ---------------------------------------------------------------------------------------------

export type FilerActions = {
  addInformation: boolean;
  provideInfo: boolean;
  withdraw: boolean;
  rate: boolean;
  contest: boolean;
};

type ActionFacts = Pick<typeof cases.$inferSelect, "status" | "kind" | "instance" | "answeredAt" | "satisfaction"> & {
  /** A second-instance complaint was already filed from this case. */
  hasSecondInstance: boolean;
};

/** An answer was given and the case has not moved on since (answered, or closed after being answered). */
function wasAnswered(c: ActionFacts): boolean {
  return c.status === "answered" || (c.status === "closed" && c.answeredAt !== null);
}

/**
 * A second-instance complaint decision can only be taken to court (Luật Khiếu nại 2011, Điều 7): there is
 * no third instance to send it to, so the filer is told so instead of being offered a button.
 */
export function isFinalComplaintDecision(c: Pick<ActionFacts, "kind" | "instance">): boolean {
  return c.kind === "complaint" && c.instance === 2;
}

export function filerActions(c: ActionFacts): FilerActions {
  const open = c.status === "received" || c.status === "accepted" || c.status === "info_requested";
  return {
    addInformation: open,
    provideInfo: transition(c.status, "provide_info").ok,
    withdraw: transition(c.status, "withdraw").ok,
    rate: wasAnswered(c) && c.satisfaction === null,
    contest: wasAnswered(c) && !isFinalComplaintDecision(c) && !c.hasSecondInstance,
  };
}

export type CaseRow = typeof cases.$inferSelect;

/**
 * Locks the case row for the rest of the transaction and refuses if it changed since the form was rendered.
 * Two tabs, or the filer and an official at once, cannot both act on what they saw.
 */
export async function lockCaseForFiler(tx: Tx, caseId: string, version: number): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row) throw filerError("forbidden", "no_access");
  if (row.version !== version) throw filerError("conflict", "stale_version", { currentVersion: row.version });
  return row;
}

export async function hasSecondInstance(db: DbOrTx, caseId: string): Promise<boolean> {
  const [child] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.parentCaseId, caseId), eq(cases.kind, "complaint"), eq(cases.instance, 2)))
    .limit(1);
  return !!child;
}

/**
 * What the filer wrote (added information, a reply, a reason) is kept beside the public event in an internal
 * one: public events must never carry personal data, and free text may hold some.
 */
export async function recordFilerText(
  tx: Tx,
  publicEvent: { caseId: string; id: number; type: CaseEventType },
  content: { text?: string | null; attachmentIds?: string[]; extra?: Record<string, unknown> },
): Promise<number | null> {
  const text = content.text?.trim() ? content.text.trim() : null;
  const attachmentIds = content.attachmentIds ?? [];
  if (text === null && attachmentIds.length === 0 && !content.extra) return null;
  return recordCaseEvent(tx, {
    caseId: publicEvent.caseId,
    type: publicEvent.type,
    visibility: "internal",
    actorRole: "filer",
    data: { publicEventId: publicEvent.id, text, attachmentIds, ...content.extra },
  });
}

// ---------------------------------------------------------------------------------------------
// Attachment downloads
// ---------------------------------------------------------------------------------------------

export type AttachmentDownload = { fileName: string; contentType: string; data: Buffer };

/**
 * An attachment for its case's filer (filer-visible files only, with the case's token) or for staff whose
 * units include the case's unit. Anyone else gets null, which the route answers with 404.
 */
export async function authorizeAttachmentDownload(
  db: DbOrTx,
  attachmentId: string,
  who: { filerToken: (code: string) => string | undefined; viewer: () => Promise<Viewer | null> },
  now = new Date(),
): Promise<AttachmentDownload | null> {
  if (!isUuid(attachmentId)) return null;
  const [row] = await db
    .select({
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      visibility: attachments.visibility,
      data: attachments.data,
      caseId: cases.id,
      code: cases.code,
      unitId: cases.unitId,
      kind: cases.kind,
      assigneeId: cases.assigneeId,
    })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .where(eq(attachments.id, attachmentId))
    .limit(1);
  if (!row) return null;
  const file = { fileName: row.fileName, contentType: row.contentType, data: row.data };
  if (row.visibility === "filer" && (await readFilerToken(db, who.filerToken(row.code), row.caseId, now))) return file;
  const viewer = await who.viewer();
  if (!viewer || viewer.memberships.length === 0 || !(await visibleUnitIds(db, viewer)).includes(row.unitId)) return null;
  // A denouncer's evidence can identify them (Law on Denunciations art. 47): only the named handler opens it.
  if (row.kind === "denunciation" && viewer.userId !== row.assigneeId) return null;
  return file;
}
