"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { addDutyRule } from "@/server/reception/duty-admin/add-duty-rule";
import { assignHolder } from "@/server/reception/duty-admin/assign-holder";
import { confirmDutyRule } from "@/server/reception/duty-admin/confirm-duty-rule";
import { savePosition } from "@/server/reception/duty-admin/save-position";
import { HOLDER_FIELDS, POSITION_FIELDS, RULE_FIELDS, type DutyAdminDone, type DutyAdminFormState } from "./form-state";

const PAGE = "/can-bo/tiep-cong-dan/nhiem-vu";

function refused(error: unknown, values: Record<string, string>): DutyAdminFormState {
  if (!(error instanceof AppError)) {
    logger.error("duty admin action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  if (error.code === "invalid_input") return { values, fieldErrors: (error.details?.fields ?? {}) as Record<string, string>, formError: "invalid" };
  if (error.message === "stale_version") return { values, fieldErrors: {}, formError: "stale_version" };
  if (error.code === "not_found") return { values, fieldErrors: {}, formError: "not_found" };
  if (error.code === "forbidden" || error.code === "unauthenticated") return { values, fieldErrors: {}, formError: "no_access" };
  logger.error("duty admin action refused unexpectedly", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

const pick = (form: FormData, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, form.get(f) ?? undefined]));

/** Every duty admin form posts here; its hidden `op` says which change it is. */
export async function dutyAdminAction(_prev: DutyAdminFormState, form: FormData): Promise<DutyAdminFormState> {
  const op = String(form.get("op") ?? "");
  const fields = op === "add_rule" ? RULE_FIELDS : op === "save_position" ? POSITION_FIELDS : op === "assign_holder" ? HOLDER_FIELDS : [];
  const values = stringValues(form, fields);
  let done: DutyAdminDone;
  let anchor: string;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    switch (op) {
      case "add_rule":
        await addDutyRule(db, viewer, pick(form, RULE_FIELDS));
        [done, anchor] = ["rule_added", "quy-dinh"];
        break;
      case "confirm_rule":
        await confirmDutyRule(db, viewer, { ruleId: form.get("ruleId") });
        [done, anchor] = ["rule_confirmed", "quy-dinh"];
        break;
      case "save_position": {
        const positionId = String(form.get("positionId") ?? "");
        const { id } = await savePosition(db, viewer, { ...pick(form, POSITION_FIELDS), positionId, version: form.get("version") ?? undefined });
        [done, anchor] = [positionId ? "position_updated" : "position_created", `vt-${id}`];
        break;
      }
      case "assign_holder":
        await assignHolder(db, viewer, { ...pick(form, HOLDER_FIELDS), positionId: form.get("positionId") ?? undefined });
        [done, anchor] = ["holder_assigned", `vt-${String(form.get("positionId"))}`];
        break;
      default:
        return { values, fieldErrors: {}, formError: "failed" };
    }
  } catch (error) {
    return refused(error, values);
  }
  redirect(`${PAGE}?xong=${done}#${anchor}`);
}
