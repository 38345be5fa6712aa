"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { stringValues } from "@/lib/form-values";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { addMatter } from "@/server/reception/record/add-matter";
import { markRefusalNotified } from "@/server/reception/record/mark-refusal-notified";
import { addConclusionItems, CONCLUSION_ITEM_SLOTS, publishConclusion } from "@/server/reception/record/publish-conclusion";
import { recordReception } from "@/server/reception/record/record-reception";
import { isUuid } from "@/server/workspace/case-access";
import type { RecordDone, RecordFormState } from "./record-form-state";

const REASONS = [
  "stale_version", "not_allowed", "not_found", "not_started", "cancelled", "not_held", "no_head",
  "already_published", "not_published", "not_refused", "already_notified",
];

function refused(error: unknown, values: Record<string, string>): RecordFormState {
  if (error instanceof AppError) {
    if (error.code === "invalid_input") return { values, fieldErrors: (error.details?.fields ?? {}) as Record<string, string>, formError: "invalid" };
    if (error.code === "forbidden" || error.code === "unauthenticated") return { values, fieldErrors: {}, formError: "not_allowed" };
    if (REASONS.includes(error.message)) return { values, fieldErrors: {}, formError: error.message };
  }
  logger.error("reception record action failed", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

const back = (dayId: string, done: RecordDone) => `/can-bo/tiep-cong-dan/${dayId}?ghi-nhan=${done}#ghi-nhan`;

const ITEM_FIELDS = Array.from({ length: CONCLUSION_ITEM_SLOTS }, (_, i) => [`items.${i}.what`, `items.${i}.ownerUnitId`, `items.${i}.dueOn`]).flat();
const itemsOf = (form: FormData) =>
  Array.from({ length: CONCLUSION_ITEM_SLOTS }, (_, i) => ({ what: form.get(`items.${i}.what`) ?? "", ownerUnitId: form.get(`items.${i}.ownerUnitId`) ?? "", dueOn: form.get(`items.${i}.dueOn`) ?? "" }));

/** Who received and how many citizens (first record or correction). */
export async function recordAction(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  const values = stringValues(form, ["receiver", "receivedByUserId", "receivedByName", "citizensCount", "delegationsCount", "recordingRef"]);
  const dayId = String(form.get("dayId") ?? "");
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    await recordReception(db, viewer, { dayId, version: form.get("version"), ...values });
  } catch (error) {
    return refused(error, values);
  }
  if (!isUuid(dayId)) return { values, fieldErrors: {}, formError: "failed" };
  redirect(back(dayId, "recorded"));
}

/** One matter answered, guided or refused. */
export async function matterAction(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  const values = stringValues(form, ["summary", "categoryId", "outcome", "response", "bookingId"]);
  const dayId = String(form.get("dayId") ?? "");
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    await addMatter(db, viewer, { dayId, ...values });
  } catch (error) {
    return refused(error, values);
  }
  if (!isUuid(dayId)) return { values, fieldErrors: {}, formError: "failed" };
  redirect(back(dayId, "matter"));
}

/** The date a refusal notice was sent. */
export async function notifiedAction(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  const values = stringValues(form, ["notifiedOn"]);
  const dayId = String(form.get("dayId") ?? "");
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    await markRefusalNotified(db, viewer, { dayId, matterId: form.get("matterId"), notifiedOn: values.notifiedOn });
  } catch (error) {
    return refused(error, values);
  }
  if (!isUuid(dayId)) return { values, fieldErrors: {}, formError: "failed" };
  redirect(back(dayId, "notified"));
}

/** The conclusion notice with its items, or items added to it once published. */
export async function conclusionAction(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  const values = stringValues(form, ["text", "formKey", ...ITEM_FIELDS]);
  const dayId = String(form.get("dayId") ?? "");
  const adding = form.get("mode") === "add";
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    if (adding) await addConclusionItems(db, viewer, { dayId, items: itemsOf(form), formKey: values.formKey });
    else await publishConclusion(db, viewer, { dayId, version: form.get("version"), text: values.text, items: itemsOf(form), formKey: values.formKey });
  } catch (error) {
    return refused(error, values);
  }
  if (!isUuid(dayId)) return { values, fieldErrors: {}, formError: "failed" };
  redirect(back(dayId, adding ? "items" : "published"));
}
