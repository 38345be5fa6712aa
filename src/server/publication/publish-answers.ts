import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, ne, notExists, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { caseParties, cases, publicAnswers } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { foldText } from "@/domain/dialogue/text-match";
import { REDACTED, redactText, type RedactionParty } from "@/domain/publication/redact";
import { unsealPersonalData } from "@/server/privacy/personal-data";

/**
 * Whether a case's answer is published: the filer consented, the answer was given as public, there is an answer
 * and the case is answered or closed with its date, and it is not a denunciation (tố cáo: never published, the
 * denouncer's identity is secret and so is the matter). A reopened case loses its answer date and leaves.
 */
export function publishable(): SQL {
  return and(
    eq(cases.consentPublish, true),
    eq(cases.answerPublic, true),
    isNotNull(cases.answer),
    sql`btrim(${cases.answer}) <> ''`,
    inArray(cases.status, ["answered", "closed"]),
    isNotNull(cases.answeredAt),
    ne(cases.kind, "denunciation"),
  )!;
}

/** The unsealed parties of each case (filer, and anyone complained of or denounced): what a text of it must not show. */
export async function redactionParties(db: DbOrTx, caseIds: string[]): Promise<Map<string, RedactionParty[]>> {
  const byCase = new Map<string, RedactionParty[]>();
  if (caseIds.length === 0) return byCase;
  for (const p of await db.select().from(caseParties).where(inArray(caseParties.caseId, caseIds))) {
    byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), unsealPersonalData(p.keyId, p.sealed)]);
  }
  return byCase;
}

/** A case's own texts with its parties' identities (and its address) hidden, for any public page that shows them. */
export async function caseTextRedactor(db: DbOrTx, c: { id: string; address: string | null; language: "vi" | "en" }): Promise<(text: string) => string> {
  const parties = [...((await redactionParties(db, [c.id])).get(c.id) ?? []), ...(c.address ? [{ address: c.address }] : [])];
  return (text) => redactText(text, parties, { placeholder: REDACTED[c.language] });
}

export type PublishResult = { published: number; removed: number };

const PUBLISH_BATCH = 500;

/** Case fields the published row is made from. */
const SOURCE = {
  id: cases.id,
  code: cases.code,
  kind: cases.kind,
  instance: cases.instance,
  categoryId: cases.categoryId,
  areaId: cases.areaId,
  unitId: cases.unitId,
  title: cases.title,
  body: cases.body,
  answer: cases.answer,
  address: cases.address,
  language: cases.language,
  receivedAt: cases.receivedAt,
  answeredAt: cases.answeredAt,
  version: cases.version,
};

/**
 * Brings `public_answers` in line with the cases: writes (or rewrites) the row of every publishable case whose row
 * is missing or made from an older version, and removes the rows of cases that are no longer publishable
 * (reopened, answer no longer public, consent gone). Title, question and answer are redacted with the case's own
 * parties (filer and anyone complained of or denounced) and its address; the placeholder is in the case's language.
 *
 * Given `caseIds`, looks at those cases only: called in the transaction that answers a case. Without, the whole
 * catch-up: the morning job (Law 10/2022 art. 11-13: published within 5 working days).
 */
export async function publishAnswers(db: DbOrTx, options: { caseIds?: string[]; now?: Date } = {}): Promise<PublishResult> {
  const now = options.now ?? new Date();
  const only = options.caseIds ? inArray(cases.id, options.caseIds) : undefined;
  if (options.caseIds?.length === 0) return { published: 0, removed: 0 };

  const stale = await db
    .select({ id: publicAnswers.id })
    .from(publicAnswers)
    .innerJoin(cases, eq(cases.id, publicAnswers.caseId))
    .where(and(sql`not (${publishable()})`, options.caseIds ? inArray(publicAnswers.caseId, options.caseIds) : undefined));
  if (stale.length > 0) await db.delete(publicAnswers).where(inArray(publicAnswers.id, stale.map((r) => r.id)));

  const current = db
    .select({ one: sql`1` })
    .from(publicAnswers)
    .where(and(eq(publicAnswers.caseId, cases.id), eq(publicAnswers.caseVersion, cases.version)));
  let published = 0;
  // In batches by id, so a large backlog (an import, a first run) never sits in memory at once.
  for (let after: string | null = null; ; ) {
    const due = await db
      .select(SOURCE)
      .from(cases)
      .where(and(publishable(), notExists(current), only, after ? gt(cases.id, after) : undefined))
      .orderBy(asc(cases.id))
      .limit(PUBLISH_BATCH);
    if (due.length === 0) break;
    const partiesByCase = await redactionParties(db, due.map((c) => c.id));
    const rows = due.map((c) => {
      const parties = [...(partiesByCase.get(c.id) ?? []), ...(c.address ? [{ address: c.address }] : [])];
      const placeholder = REDACTED[c.language];
      const redact = (text: string) => redactText(text, parties, { placeholder });
      const title = redact(c.title);
      const question = redact(c.body);
      const answer = redact(c.answer!);
      return {
        caseId: c.id,
        code: c.code,
        kind: c.kind,
        instance: c.instance,
        categoryId: c.categoryId,
        areaId: c.areaId,
        unitId: c.unitId,
        title,
        question,
        answer,
        searchText: foldText(`${title} ${question} ${answer}`),
        receivedOn: toLocalDate(c.receivedAt),
        answeredOn: toLocalDate(c.answeredAt!),
        caseVersion: c.version,
        publishedAt: now,
        updatedAt: now,
      };
    });
    // A rewrite keeps the row's id and first publication date.
    const rewritten = Object.fromEntries(
      (["code", "kind", "instance", "categoryId", "areaId", "unitId", "title", "question", "answer", "searchText", "receivedOn", "answeredOn", "caseVersion", "updatedAt"] as const).map((key) => [
        key,
        sql.raw(`excluded.${publicAnswers[key].name}`),
      ]),
    );
    await db.insert(publicAnswers).values(rows).onConflictDoUpdate({ target: publicAnswers.caseId, set: rewritten });
    published += due.length;
    after = due[due.length - 1]!.id;
    if (due.length < PUBLISH_BATCH) break;
  }
  return { published, removed: stale.length };
}
