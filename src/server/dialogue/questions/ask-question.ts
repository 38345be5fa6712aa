import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { dialogueQuestions, dialogueSessions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { questionRefusal } from "@/domain/dialogue/session-status";
import { foldText } from "@/domain/dialogue/text-match";
import { QUESTION_MAX_LENGTH, QUESTION_MIN_LENGTH, QUESTIONS_PER_ADDRESS_PER_HOUR } from "@/domain/dialogue/vocabulary";
import { FIELD_LIMITS } from "@/domain/intake-limits";
import { cleanLine, cleanText, normalizePhone } from "@/domain/text-input";
import { consumeRateLimit } from "@/server/abuse/rate-limit";
import { appendAudit } from "@/server/audit/append-audit";
import { notifySessionChanged } from "@/server/dialogue/live/notify-session";
import { isUuid } from "@/server/dialogue/session-access";
import { fieldErrors, type FieldError } from "@/server/intake/submit-case-input";
import { sealPersonalData } from "@/server/privacy/personal-data";
import { addressHash, violates } from "./keys";
import { suggestQuestions, type SuggestedQuestion } from "./suggest-questions";

export const ASK_RATE_LIMIT = { limit: QUESTIONS_PER_ADDRESS_PER_HOUR, windowSeconds: 3600 };

const optionalLine = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? "" : cleanLine(v)))
    .pipe(z.string().max(max, { error: "tooLong" }));

export const askQuestionSchema = z
  .object({
    body: z
      .string({ error: "required" })
      .transform(cleanText)
      .pipe(z.string().min(1, { error: "required" }).min(QUESTION_MIN_LENGTH, { error: "tooShort" }).max(QUESTION_MAX_LENGTH, { error: "tooLong" })),
    name: optionalLine(FIELD_LIMITS.name.max),
    email: optionalLine(FIELD_LIMITS.email.max),
    phone: optionalLine(FIELD_LIMITS.phone.max),
    consentContact: z.boolean().default(false),
    language: z.enum(["vi", "en"]).default("vi"),
    idempotencyKey: z.string().min(16).max(100),
  })
  .superRefine((v, ctx) => {
    const add = (path: string, message: FieldError) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.email && !z.email().safeParse(v.email).success) add("email", "invalidEmail");
    if (v.phone && !normalizePhone(v.phone)) add("phone", "invalidPhone");
    if (v.consentContact && !v.email && !v.phone) add("consentContact", "contactRequired");
  })
  .transform((v) => ({ ...v, phone: v.phone ? normalizePhone(v.phone)! : "", email: v.email.toLowerCase() }));

export type AskQuestionInput = z.input<typeof askQuestionSchema> & { website?: string; sessionId: string };
type AskValues = z.output<typeof askQuestionSchema>;

export type AskContext = { db: Database; ip: string; userId: string | null; now?: Date };

export type AskedQuestion = { id: string; number: number; sessionId: string; replayed: boolean };

export type AskResult =
  | { ok: true; question: AskedQuestion }
  | { ok: false; reason: "invalid"; fields: Record<string, FieldError> }
  | { ok: false; reason: "similar"; suggestions: SuggestedQuestion[] }
  | { ok: false; reason: "refused"; refusal: "cancelled" | "closed" | "not_open" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "honeypot" };

/**
 * What is stored as the idempotency key: the form's one-time key bound to the session and what was sent, so that a
 * retried POST finds its question while a form reused for another text does not reveal someone else's.
 */
function fingerprint(sessionId: string, v: AskValues): string {
  return createHash("sha256").update(JSON.stringify(["question", v.idempotencyKey, sessionId, v.body, v.name, v.email, v.phone])).digest("hex");
}

async function existing(db: Database, key: string): Promise<AskedQuestion | null> {
  const [row] = await db
    .select({ id: dialogueQuestions.id, number: dialogueQuestions.number, sessionId: dialogueQuestions.sessionId })
    .from(dialogueQuestions)
    .where(eq(dialogueQuestions.idempotencyKey, key))
    .limit(1);
  return row ? { ...row, replayed: true } : null;
}

/** Numbers are taken as max + 1; two askers racing for one number: the loser takes the next (a savepoint each try). */
const NUMBER_ATTEMPTS = 30;

/**
 * Anyone, signed in or not, asks a session a question. It waits as "pending" for a moderator; its text becomes
 * public once approved, the contact details never do (sealed like a case party's). Refused with the reason
 * while the session does not take questions; limited per network address (kept only as a keyed hash). With
 * `checkSimilar`, a question like one already public is not stored: the similar ones come back, to be supported
 * instead or confirmed. A retry with the same form key returns the same question.
 */
export async function askQuestion(ctx: AskContext, raw: AskQuestionInput, options: { checkSimilar?: boolean } = {}): Promise<AskResult> {
  const { db } = ctx;
  const now = ctx.now ?? new Date();
  // Bots fill every field; people never see this one.
  if (raw.website) return { ok: false, reason: "honeypot" };
  if (!isUuid(raw.sessionId)) return { ok: false, reason: "not_found" };
  const [session] = await db
    .select({ id: dialogueSessions.id, status: dialogueSessions.status, questionsCloseAt: dialogueSessions.questionsCloseAt })
    .from(dialogueSessions)
    .where(eq(dialogueSessions.id, raw.sessionId))
    .limit(1);
  if (!session) return { ok: false, reason: "not_found" };

  const parsed = askQuestionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid", fields: fieldErrors(parsed.error) };
  const v = parsed.data;
  const key = fingerprint(session.id, v);
  const replay = await existing(db, key);
  if (replay) return { ok: true, question: replay };

  const refusal = questionRefusal(session, now);
  if (refusal) return { ok: false, reason: "refused", refusal };

  if (options.checkSimilar) {
    const suggestions = await suggestQuestions(db, session.id, v.body);
    if (suggestions.length > 0) return { ok: false, reason: "similar", suggestions };
  }

  const address = addressHash(ctx.ip);
  const limit = await consumeRateLimit(db, `dialogue-ask:${session.id}:${address}`, ASK_RATE_LIMIT, now);
  if (!limit.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  try {
    return { ok: true, question: await insertQuestion(ctx, session.id, v, key, address, now) };
  } catch (error) {
    // Two copies of one submission raced: the loser returns the winner's question.
    if (violates(error, "unique", "dialogue_questions_idempotency_key")) {
      const winner = await existing(db, key);
      if (winner) return { ok: true, question: winner };
    }
    throw error;
  }
}

async function insertQuestion(ctx: AskContext, sessionId: string, v: AskValues, key: string, address: string, now: Date): Promise<AskedQuestion> {
  const contact = { name: v.name || undefined, email: v.email || undefined, phone: v.phone || undefined };
  const sealed = contact.name || contact.email || contact.phone ? sealPersonalData(contact) : null;
  return runInTransaction(ctx.db, async (tx) => {
    let row: { id: string; number: number } | undefined;
    for (let attempt = 1; !row; attempt++) {
      try {
        row = await tx.transaction(async (sp) => {
          const [inserted] = await sp
            .insert(dialogueQuestions)
            .values({
              sessionId,
              number: sql`(select coalesce(max(number), 0) + 1 from dialogue_questions where session_id = ${sessionId}::uuid)`,
              body: v.body,
              searchText: foldText(v.body),
              language: v.language,
              status: "pending",
              askerUserId: ctx.userId,
              askerKeyId: sealed?.keyId ?? null,
              askerSealed: sealed?.sealed ?? null,
              consentContact: v.consentContact && !!(v.email || v.phone),
              addressHash: address,
              idempotencyKey: key,
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: dialogueQuestions.id, number: dialogueQuestions.number });
          return inserted;
        });
      } catch (error) {
        if (attempt < NUMBER_ATTEMPTS && violates(error, "unique", "dialogue_questions_number_key")) continue;
        throw error;
      }
    }
    await appendAudit(tx, {
      actorUserId: ctx.userId,
      action: "question.asked",
      entityType: "dialogue_question",
      entityId: row.id,
      data: { sessionId, number: row.number, withContact: !!sealed },
    });
    // A pending question is not on the public page: only the moderators' view is told.
    await notifySessionChanged(tx, sessionId);
    return { id: row.id, number: row.number, sessionId, replayed: false };
  });
}
