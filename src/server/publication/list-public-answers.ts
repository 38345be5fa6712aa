import "server-only";
import { and, asc, count, desc, eq, gte, like, lte, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { areas, categories, publicAnswers, units } from "@/db/schema";
import { foldText } from "@/domain/dialogue/text-match";
import type { IsoDate } from "@/domain/types";
import { monthEnd, PUBLIC_ANSWERS_PAGE_SIZE, type PublicAnswerQuery, type PublicAnswerQueryError } from "./public-answer-query";

/** What a list item and the detail page say about where an answer belongs. */
export type PublicAnswerPlace = {
  fieldCode: string;
  fieldName: string;
  fieldNameEn: string;
  areaCode: string;
  areaName: string;
  unitCode: string;
  unitName: string;
  unitNameEn: string;
};

export type PublicAnswerItem = PublicAnswerPlace & {
  id: string;
  kind: string;
  instance: number;
  title: string;
  excerpt: string;
  receivedOn: IsoDate;
  answeredOn: IsoDate;
};

export type PublicAnswerList = { items: PublicAnswerItem[]; total: number; page: number; pages: number; errors: PublicAnswerQueryError[] };

export const EXCERPT_LENGTH = 240;

/** The first words of a text, cut at a word, with an ellipsis when cut. */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

export const placeColumns = {
  fieldCode: categories.code,
  fieldName: categories.nameVi,
  fieldNameEn: categories.nameEn,
  areaCode: areas.code,
  areaName: areas.name,
  unitCode: units.code,
  unitName: units.name,
  unitNameEn: units.nameEn,
};

/**
 * One page of published answers, newest answer first. The search matches every word typed, with or without
 * diacritics, against the folded text stored with each answer (a trigram index serves `like '%word%'`).
 * An unknown field, area or unit code is reported and the list is empty: a search for something that is not
 * there has no results, and the citizen is told why.
 */
export async function listPublicAnswers(db: DbOrTx, query: PublicAnswerQuery): Promise<PublicAnswerList> {
  const errors: PublicAnswerQueryError[] = [];
  const where: SQL[] = [];
  const lookups = [
    { code: query.field, table: categories, column: publicAnswers.categoryId, error: "unknown_field" as const },
    { code: query.area, table: areas, column: publicAnswers.areaId, error: "unknown_area" as const },
    { code: query.unit, table: units, column: publicAnswers.unitId, error: "unknown_unit" as const },
  ];
  for (const l of lookups) {
    if (!l.code) continue;
    const [row] = await db.select({ id: l.table.id }).from(l.table).where(eq(l.table.code, l.code)).limit(1);
    if (row) where.push(eq(l.column, row.id));
    else errors.push(l.error);
  }
  const empty = { items: [], total: 0, page: query.page, pages: 0, errors };
  if (errors.length > 0) return empty;

  if (query.kind) where.push(eq(publicAnswers.kind, query.kind));
  if (query.from) where.push(gte(publicAnswers.answeredOn, `${query.from}-01`));
  if (query.to) where.push(lte(publicAnswers.answeredOn, monthEnd(query.to)));
  for (const word of new Set(foldText(query.q ?? "").split(" ").filter(Boolean))) where.push(like(publicAnswers.searchText, `%${word}%`));
  const filter = and(...where);

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(publicAnswers).where(filter);
  const pages = Math.ceil(total / PUBLIC_ANSWERS_PAGE_SIZE);
  if (total === 0 || query.page > pages) return { ...empty, total, pages };

  const rows = await db
    .select({
      id: publicAnswers.id,
      kind: publicAnswers.kind,
      instance: publicAnswers.instance,
      title: publicAnswers.title,
      question: publicAnswers.question,
      receivedOn: publicAnswers.receivedOn,
      answeredOn: publicAnswers.answeredOn,
      ...placeColumns,
    })
    .from(publicAnswers)
    .innerJoin(categories, eq(categories.id, publicAnswers.categoryId))
    .innerJoin(areas, eq(areas.id, publicAnswers.areaId))
    .innerJoin(units, eq(units.id, publicAnswers.unitId))
    .where(filter)
    .orderBy(desc(publicAnswers.answeredOn), asc(publicAnswers.id))
    .limit(PUBLIC_ANSWERS_PAGE_SIZE)
    .offset((query.page - 1) * PUBLIC_ANSWERS_PAGE_SIZE);

  return {
    items: rows.map(({ question, ...r }) => ({ ...r, receivedOn: r.receivedOn as IsoDate, answeredOn: r.answeredOn as IsoDate, excerpt: excerptOf(question) })),
    total,
    page: query.page,
    pages,
    errors,
  };
}

export type PublicAnswerOption = { code: string; name: string; nameEn: string };

/** The choices of the filter form: only fields, areas and units that have a published answer. */
export async function publicAnswerFilterOptions(db: DbOrTx): Promise<{ fields: PublicAnswerOption[]; areas: PublicAnswerOption[]; units: PublicAnswerOption[] }> {
  const [fieldRows, areaRows, unitRows] = await Promise.all([
    db
      .selectDistinct({ code: categories.code, name: categories.nameVi, nameEn: categories.nameEn, sort: categories.sortOrder })
      .from(categories)
      .innerJoin(publicAnswers, eq(publicAnswers.categoryId, categories.id))
      .orderBy(asc(categories.sortOrder), asc(categories.nameVi)),
    db.selectDistinct({ code: areas.code, name: areas.name }).from(areas).innerJoin(publicAnswers, eq(publicAnswers.areaId, areas.id)).orderBy(asc(areas.name)),
    db.selectDistinct({ code: units.code, name: units.name, nameEn: units.nameEn }).from(units).innerJoin(publicAnswers, eq(publicAnswers.unitId, units.id)).orderBy(asc(units.name)),
  ]);
  return {
    fields: fieldRows.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
    areas: areaRows.map((a) => ({ ...a, nameEn: a.name })),
    units: unitRows,
  };
}
