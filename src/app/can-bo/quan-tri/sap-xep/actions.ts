"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { applyReorganisation } from "@/server/reorganisation/apply-reorganisation";
import { cancelReorganisation } from "@/server/reorganisation/cancel-reorganisation";
import { unitsById } from "@/server/reorganisation/list-reorganisations";
import { planReorganisation } from "@/server/reorganisation/plan-reorganisation";
import { previewReorganisation } from "@/server/reorganisation/preview-reorganisation";
import { PLAN_FIELDS, type ReorganisationFormState } from "./form-state";

const PAGE = "/can-bo/quan-tri/sap-xep";
const KNOWN_REFUSALS = new Set(["not_due", "already_applied", "already_cancelled"]);

function refused(error: unknown, values: Record<string, string>, oldUnitIds: string[]): ReorganisationFormState {
  const base = { values, oldUnitIds, fieldErrors: {} };
  if (!(error instanceof AppError)) {
    logger.error("reorganisation action failed", { error });
    return { ...base, formError: "failed" };
  }
  if (error.code === "invalid_input") {
    const fieldParams = (error.details?.params ?? undefined) as ReorganisationFormState["fieldParams"];
    // An id that does not parse (a tampered form) is no field the admin can fix.
    const fields = (error.details?.fields ?? {}) as Record<string, string>;
    if (fields.id) return { ...base, formError: "not_found" };
    return { ...base, fieldErrors: fields, ...(fieldParams ? { fieldParams } : {}), formError: "invalid" };
  }
  if (error.code === "not_found") return { ...base, formError: "not_found" };
  if (error.code === "forbidden" || error.code === "unauthenticated") return { ...base, formError: "no_access" };
  if (error.code === "conflict" && KNOWN_REFUSALS.has(error.message)) return { ...base, formError: error.message as "not_due" };
  logger.error("reorganisation action refused unexpectedly", { error });
  return { ...base, formError: "failed" };
}

/**
 * Every reorganisation form posts here; its hidden `op` says which. A new plan is posted twice: first it is
 * checked and what it moves counted, then (with `apply=1`) saved. Applying and cancelling act at once.
 */
export async function reorganisationAction(_prev: ReorganisationFormState, form: FormData): Promise<ReorganisationFormState> {
  const op = String(form.get("op") ?? "");
  const values = stringValues(form, [...PLAN_FIELDS, "id"]);
  const oldUnitIds = form.getAll("oldUnitIds").map(String);
  const input = { oldUnitIds, successorId: values.successorId, effectiveOn: values.effectiveOn, decision: values.decision };
  let target: string;
  try {
    const [db, viewer, locale] = await Promise.all([getDb(), getViewer(), getLocale()]);
    if (op === "plan") {
      if (form.get("apply") !== "1") {
        const preview = await previewReorganisation(db, viewer, input);
        const names = await unitsById(db, [preview.plan.successorId, ...preview.plan.oldUnitIds]);
        const label = (id: string) => {
          const u = names.get(id);
          return u ? (locale === "en" ? u.nameEn : u.name) : id;
        };
        return {
          values,
          oldUnitIds,
          fieldErrors: {},
          preview: {
            effectiveOn: preview.plan.effectiveOn,
            lastDay: preview.plan.lastDay,
            due: preview.plan.due,
            successor: label(preview.plan.successorId),
            oldUnits: preview.plan.oldUnitIds.map(label),
            moved: preview.moved,
            staying: preview.staying,
          },
        };
      }
      await planReorganisation(db, viewer, input);
      target = `${PAGE}?xong=planned`;
    } else if (op === "apply") {
      const moved = await applyReorganisation(db, viewer, { id: values.id });
      target = `${PAGE}?xong=applied&so=${moved.cases}`;
    } else if (op === "cancel") {
      await cancelReorganisation(db, viewer, { id: values.id });
      target = `${PAGE}?xong=cancelled`;
    } else {
      return { values, oldUnitIds, fieldErrors: {}, formError: "failed" };
    }
  } catch (error) {
    return refused(error, values, oldUnitIds);
  }
  redirect(target);
}
