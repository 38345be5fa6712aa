"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { addHoliday } from "@/server/holidays/add-holiday";
import { prefillHolidays } from "@/server/holidays/prefill-holidays";
import { previewHolidayChange } from "@/server/holidays/preview-holiday-change";
import { removeHoliday } from "@/server/holidays/remove-holiday";
import { updateHoliday } from "@/server/holidays/update-holiday";
import { ENTRY_FIELDS, type HolidayFormState } from "./form-state";

const PAGE = "/can-bo/quan-tri/ngay-nghi";

function refused(error: unknown, values: Record<string, string>): HolidayFormState {
  if (!(error instanceof AppError)) {
    logger.error("holiday admin action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  if (error.code === "invalid_input") return { values, fieldErrors: (error.details?.fields ?? {}) as Record<string, string>, formError: "invalid" };
  if (error.code === "not_found") return { values, fieldErrors: {}, formError: "not_found" };
  if (error.code === "forbidden" || error.code === "unauthenticated") return { values, fieldErrors: {}, formError: "no_access" };
  logger.error("holiday admin action refused unexpectedly", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

const yearOf = (date: string) => (/^\d{4}-/.test(date) ? date.slice(0, 4) : "");

/**
 * Every holiday form posts here; its hidden `op` says which change. A change is posted twice: first it is
 * checked and its effect on open deadlines shown, then (with `apply=1`) saved. Pre-filling saves at once: the
 * entries it adds are unconfirmed and move no deadline.
 */
export async function holidayAction(_prev: HolidayFormState, form: FormData): Promise<HolidayFormState> {
  const op = String(form.get("op") ?? "");
  const values = stringValues(form, op === "prefill" ? ["year"] : ENTRY_FIELDS);
  const input = Object.fromEntries(ENTRY_FIELDS.map((f) => [f, form.get(f) ?? undefined]));
  let target: string;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    if (op === "prefill") {
      const { added } = await prefillHolidays(db, viewer, { year: form.get("year") ?? undefined });
      target = `${PAGE}?nam=${encodeURIComponent(values.year ?? "")}&xong=prefilled&so=${added.length}`;
    } else if (op === "add" || op === "edit" || op === "remove") {
      if (form.get("apply") !== "1") {
        const { moved, receptionDays } = await previewHolidayChange(db, viewer, op, input);
        const days = receptionDays.map((d) => ({ ...d, startsAt: d.startsAt.toISOString() }));
        return { values, fieldErrors: {}, preview: { op, moved, receptionDays: days } };
      }
      const verb = op === "add" ? addHoliday : op === "edit" ? updateHoliday : removeHoliday;
      await verb(db, viewer, input);
      const done = op === "add" ? "added" : op === "edit" ? "updated" : "removed";
      target = `${PAGE}?nam=${yearOf(values.date ?? "")}&xong=${done}`;
    } else {
      return { values, fieldErrors: {}, formError: "failed" };
    }
  } catch (error) {
    return refused(error, values);
  }
  redirect(target);
}
