import "server-only";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, categories, publicAnswers, units } from "@/db/schema";
import type { IsoDate } from "@/domain/types";
import { placeColumns, type PublicAnswerPlace } from "./list-public-answers";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PublicAnswer = PublicAnswerPlace & {
  id: string;
  /** The case's tracking code: its public status page /tra-cuu/<code>. */
  code: string;
  kind: string;
  instance: number;
  title: string;
  question: string;
  answer: string;
  receivedOn: IsoDate;
  answeredOn: IsoDate;
  publishedAt: Date;
  updatedAt: Date;
};

/** One published answer, redacted as stored; null for an id that is not one (the page answers 404). */
export async function getPublicAnswer(db: DbOrTx, id: string): Promise<PublicAnswer | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select({
      id: publicAnswers.id,
      code: publicAnswers.code,
      kind: publicAnswers.kind,
      instance: publicAnswers.instance,
      title: publicAnswers.title,
      question: publicAnswers.question,
      answer: publicAnswers.answer,
      receivedOn: publicAnswers.receivedOn,
      answeredOn: publicAnswers.answeredOn,
      publishedAt: publicAnswers.publishedAt,
      updatedAt: publicAnswers.updatedAt,
      ...placeColumns,
    })
    .from(publicAnswers)
    .innerJoin(categories, eq(categories.id, publicAnswers.categoryId))
    .innerJoin(areas, eq(areas.id, publicAnswers.areaId))
    .innerJoin(units, eq(units.id, publicAnswers.unitId))
    .where(eq(publicAnswers.id, id.toLowerCase()));
  return row ? { ...row, receivedOn: row.receivedOn as IsoDate, answeredOn: row.answeredOn as IsoDate } : null;
}

/** Search engines' sitemap holds at most this many addresses: the newest answers. */
export const SITEMAP_ANSWERS_MAX = 49_000;

/** The published answers a sitemap lists, newest first, with when each last changed. */
export async function listPublicAnswersForSitemap(db: DbOrTx): Promise<{ id: string; updatedAt: Date }[]> {
  return db
    .select({ id: publicAnswers.id, updatedAt: publicAnswers.updatedAt })
    .from(publicAnswers)
    .orderBy(desc(publicAnswers.answeredOn))
    .limit(SITEMAP_ANSWERS_MAX);
}
