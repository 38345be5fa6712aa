"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { getViewer } from "@/server/auth/viewer";
import {
  cancelReceptionDay,
  confirmReceptionDay,
  moveReceptionDay,
  setReceptionBookings,
  setReceptionMode,
  updateReceptionContent,
} from "@/server/reception/calendar/plan-day";
import { isUuid } from "@/server/workspace/case-access";
import { refusedPlanForm } from "../plan-form-input";
import type { PlanFormState } from "../plan-form-state";

const VERBS = {
  confirm: confirmReceptionDay,
  content: updateReceptionContent,
  move: moveReceptionDay,
  cancel: cancelReceptionDay,
  mode: setReceptionMode,
  bookings: setReceptionBookings,
} as const;
type Verb = keyof typeof VERBS;

const FIELDS = ["place", "startTime", "endTime", "plannedContent", "date", "reason", "mode", "onlineUrl", "capacity", "bookingsOpen"] as const;

/** One planning change; the service checks everything from the day itself. Then post/redirect/get. */
export async function planAction(_prev: PlanFormState, form: FormData): Promise<PlanFormState> {
  const values = stringValues(form, FIELDS);
  const dayId = String(form.get("dayId") ?? "");
  const verb = String(form.get("verb") ?? "");
  if (!Object.hasOwn(VERBS, verb)) return { values, fieldErrors: {}, formError: "failed" };
  const input: Record<string, unknown> = { dayId, version: form.get("version") ?? undefined };
  for (const field of FIELDS) {
    const v = form.get(field);
    if (typeof v === "string") input[field] = v;
  }
  let notified = 0;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    ({ notified } = await VERBS[verb as Verb](db, viewer, input));
  } catch (error) {
    return refusedPlanForm(error, values);
  }
  if (!isUuid(dayId)) return { values, fieldErrors: {}, formError: "failed" };
  redirect(`/can-bo/tiep-cong-dan/${dayId}?xong=${verb}&bao=${notified}#lap-lich`);
}
