import "server-only";
import { and, asc, gte, inArray, isNull, like, or } from "drizzle-orm";
import { z } from "zod";
import type { Database, Tx } from "@/db/client";
import { commitments, commitmentUpdates, units } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { addCalendarDays, toLocalDate } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { appendAudit } from "@/server/audit/append-audit";
import type { Viewer } from "@/server/auth/roles";
import { COMMITMENT_MAX_YEARS } from "@/server/commitments/create-commitment";
import { loadReceptionDayForStaff, type ReceptionDayRow } from "../reception-access";
import { checkDayVersion, parseRecordInput, recordError, recordFieldErrors, recordText, TEXT_LIMITS, touchDay } from "./record-frame";

/** How many item rows one form carries; blank rows are ignored. */
export const CONCLUSION_ITEM_SLOTS = 5;

const itemSchema = z.object({
  what: recordText(TEXT_LIMITS.item, false),
  ownerUnitId: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string()),
  dueOn: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string()),
});

export const conclusionSchema = z.object({
  text: recordText(TEXT_LIMITS.conclusion),
  items: z.array(itemSchema).max(20).default([]),
});

export const conclusionItemsSchema = z.object({ items: z.array(itemSchema).max(20).default([]) });

export type ConclusionItemInput = { what?: unknown; ownerUnitId?: unknown; dueOn?: unknown };
export type PublishConclusionInput = { dayId?: unknown; version?: unknown; text?: unknown; items?: ConclusionItemInput[]; formKey?: unknown };
export type AddConclusionItemsInput = { dayId?: unknown; items?: ConclusionItemInput[]; formKey?: unknown };

type Item = { what: string; ownerUnitId: string; dueOn: IsoDate };

const formKeyOf = (v: unknown) => (typeof v === "string" && /^[0-9a-f-]{36}$/i.test(v) ? v.toLowerCase() : null);

/** The filled rows, each complete: what, which unit, by when (a date from today up to five years on). */
async function checkItems(tx: Tx, rows: z.infer<typeof itemSchema>[], now: Date): Promise<Item[]> {
  const today = toLocalDate(now);
  const problems: Record<string, "required" | "invalid"> = {};
  const items: (Item & { index: number })[] = [];
  rows.forEach((r, index) => {
    if (r.what === "" && r.ownerUnitId === "" && r.dueOn === "") return;
    if (r.what === "") problems[`items.${index}.what`] = "required";
    if (r.ownerUnitId === "") problems[`items.${index}.ownerUnitId`] = "required";
    if (r.dueOn === "") problems[`items.${index}.dueOn`] = "required";
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(r.dueOn) || r.dueOn < today || r.dueOn > addCalendarDays(today, COMMITMENT_MAX_YEARS * 366)) problems[`items.${index}.dueOn`] = "invalid";
    items.push({ what: r.what, ownerUnitId: r.ownerUnitId, dueOn: r.dueOn as IsoDate, index });
  });
  const ids = [...new Set(items.map((i) => i.ownerUnitId).filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  const found = ids.length
    ? await tx.select({ id: units.id }).from(units).where(and(inArray(units.id, ids), or(isNull(units.validTo), gte(units.validTo, today))))
    : [];
  for (const i of items) if (i.ownerUnitId !== "" && !found.some((u) => u.id === i.ownerUnitId)) problems[`items.${i.index}.ownerUnitId`] ??= "invalid";
  if (Object.keys(problems).length > 0) throw recordFieldErrors(problems);
  return items.map(({ index: _, ...i }) => i);
}

/** Each item becomes a commitment of the head, carried out by its unit, with its 'created' progress row. */
async function insertItems(tx: Tx, day: ReceptionDayRow, items: Item[], actorUserId: string, formKey: string | null, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const [n, item] of items.entries()) {
    const [row] = await tx
      .insert(commitments)
      .values({
        sessionId: null,
        receptionDayId: day.id,
        leaderUserId: day.headUserId!,
        ownerUnitId: item.ownerUnitId,
        body: item.what,
        dueOn: item.dueOn,
        createdBy: actorUserId,
        idempotencyKey: formKey ? `${formKey}#${n}` : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: commitments.id });
    await tx.insert(commitmentUpdates).values({ commitmentId: row!.id, kind: "created", body: item.what, actorUserId, createdAt: now });
    await appendAudit(tx, {
      actorUserId,
      action: "commitment.created",
      entityType: "commitment",
      entityId: row!.id,
      data: { receptionDayId: day.id, leaderUserId: day.headUserId, ownerUnitId: item.ownerUnitId, dueOn: item.dueOn },
    });
    ids.push(row!.id);
  }
  return ids;
}

async function alreadyPosted(tx: Tx, formKey: string | null): Promise<string[] | null> {
  if (!formKey) return null;
  const rows = await tx.select({ id: commitments.id }).from(commitments).where(like(commitments.idempotencyKey, `${formKey}#%`)).orderBy(asc(commitments.idempotencyKey));
  return rows.length > 0 ? rows.map((r) => r.id) : null;
}

/**
 * Publishes the head's conclusion notice (thông báo kết luận) of a held reception: its text, and each item (what a
 * body must do, by when) as a commitment of the head, tracked publicly like a session's promise. Published once; a
 * leader of the office or the head does it. Later items are added with addConclusionItems.
 */
export async function publishConclusion(db: Database, viewer: Viewer | null, input: PublishConclusionInput, now = new Date()): Promise<{ commitmentIds: string[] }> {
  await loadReceptionDayForStaff(db, viewer, String(input.dayId ?? ""), "conclude");
  return runInTransaction(db, async (tx) => {
    const { day, viewer: staff } = await loadReceptionDayForStaff(tx, viewer, String(input.dayId), "conclude", { forUpdate: true });
    if (day.conclusionPublishedAt) throw recordError("conflict", "already_published");
    checkDayVersion(day, input.version);
    if (day.status !== "held") throw recordError("conflict", "not_held");
    if (!day.headUserId) throw recordError("conflict", "no_head");
    const v = parseRecordInput(conclusionSchema, input);
    const items = await checkItems(tx, v.items, now);
    const commitmentIds = await insertItems(tx, day, items, staff.userId, formKeyOf(input.formKey), now);
    await touchDay(tx, day, { type: "conclusion_published", data: { items: items.length }, actorUserId: staff.userId }, now, { conclusion: v.text, conclusionPublishedAt: now });
    await appendAudit(tx, { actorUserId: staff.userId, action: "reception.conclusion_published", entityType: "reception_day", entityId: day.id, data: { items: items.length, commitmentIds } });
    return { commitmentIds };
  });
}

/** Adds items to a published conclusion notice (a second post of the same form adds nothing). */
export async function addConclusionItems(db: Database, viewer: Viewer | null, input: AddConclusionItemsInput, now = new Date()): Promise<{ commitmentIds: string[] }> {
  await loadReceptionDayForStaff(db, viewer, String(input.dayId ?? ""), "conclude");
  return runInTransaction(db, async (tx) => {
    const { day, viewer: staff } = await loadReceptionDayForStaff(tx, viewer, String(input.dayId), "conclude", { forUpdate: true });
    if (!day.conclusionPublishedAt) throw recordError("conflict", "not_published");
    if (!day.headUserId) throw recordError("conflict", "no_head");
    const formKey = formKeyOf(input.formKey);
    const replay = await alreadyPosted(tx, formKey);
    if (replay) return { commitmentIds: replay };
    const v = parseRecordInput(conclusionItemsSchema, input);
    const items = await checkItems(tx, v.items, now);
    if (items.length === 0) throw recordFieldErrors({ "items.0.what": "required" });
    const commitmentIds = await insertItems(tx, day, items, staff.userId, formKey, now);
    await touchDay(tx, day, { type: "conclusion_items_added", data: { items: items.length }, actorUserId: staff.userId }, now);
    await appendAudit(tx, { actorUserId: staff.userId, action: "reception.conclusion_items_added", entityType: "reception_day", entityId: day.id, data: { items: items.length, commitmentIds } });
    return { commitmentIds };
  });
}
