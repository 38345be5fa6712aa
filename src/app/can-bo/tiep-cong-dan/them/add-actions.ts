"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { getViewer } from "@/server/auth/viewer";
import { addReceptionDay } from "@/server/reception/calendar/add-reception-day";
import { refusedPlanForm } from "../plan-form-input";
import type { PlanFormState } from "../plan-form-state";

const FIELDS = ["positionId", "date", "startTime", "endTime", "place", "plannedContent", "capacity"] as const;

/** Adds a reception day; who is asking comes from the sign-in, the office from the chosen position. */
export async function addDayAction(_prev: PlanFormState, form: FormData): Promise<PlanFormState> {
  const values = stringValues(form, FIELDS);
  let id: string;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    ({ id } = await addReceptionDay(db, viewer, values));
  } catch (error) {
    const state = refusedPlanForm(error, values);
    // A position one may not plan for is a problem with that choice.
    return state.formError === "not_allowed" ? { ...state, fieldErrors: { positionId: "invalid" }, formError: "invalid" } : state;
  }
  redirect(`/can-bo/tiep-cong-dan/${id}?xong=added#lap-lich`);
}
