"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { closeOrgNode } from "@/server/organisation/close-org-node";
import { createArea } from "@/server/organisation/create-area";
import { createUnit } from "@/server/organisation/create-unit";
import { moveOrgNode } from "@/server/organisation/move-org-node";
import { renameOrgNode } from "@/server/organisation/rename-org-node";
import { setAreaRemote } from "@/server/organisation/set-area-remote";
import { setUnitArea } from "@/server/organisation/set-unit-area";
import { OP_FIELDS, ORG_OPS, type OrgDone, type OrgFormState, type OrgOp } from "./form-state";

const PAGE = "/can-bo/quan-tri/to-chuc";
const REFUSALS = ["needs_successor", "has_open_children", "area_has_units"] as const;

function refused(error: unknown, values: Record<string, string>): OrgFormState {
  if (!(error instanceof AppError)) {
    logger.error("organisation action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  const details = error.details ?? {};
  if (error.code === "invalid_input") {
    return { values, fieldErrors: (details.fields ?? {}) as Record<string, string>, fieldParams: (details.params ?? {}) as OrgFormState["fieldParams"], formError: "invalid" };
  }
  const reason = REFUSALS.find((r) => r === error.message);
  if (error.code === "conflict" && reason) {
    const count = Number(details.count ?? 0);
    return { values, fieldErrors: {}, formError: reason, formParams: { count, openCases: Number(details.openCases ?? 0), activeRules: Number(details.activeRules ?? 0) } };
  }
  if (error.code === "not_found") return { values, fieldErrors: {}, formError: "not_found" };
  if (error.code === "forbidden" || error.code === "unauthenticated") return { values, fieldErrors: {}, formError: "no_access" };
  logger.error("organisation action refused unexpectedly", { error });
  return { values, fieldErrors: {}, formError: "failed" };
}

const pick = (form: FormData, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, form.get(f) ?? undefined]));

/** Every organisation form posts here; its hidden `op` says which change, `entity` and `id` which node. */
export async function organisationAction(_prev: OrgFormState, form: FormData): Promise<OrgFormState> {
  const op = String(form.get("op") ?? "") as OrgOp;
  if (!ORG_OPS.includes(op)) return { values: {}, fieldErrors: {}, formError: "failed" };
  const values = stringValues(form, OP_FIELDS[op]);
  const entity = form.get("entity") === "unit" ? "unit" : "area";
  const node = { entity, id: form.get("id") ?? undefined };
  const input = pick(form, OP_FIELDS[op]);
  let done: OrgDone;
  let target: string;
  try {
    const [db, viewer] = await Promise.all([getDb(), getViewer()]);
    const editor = (id: string) => `${PAGE}?${entity === "unit" ? "don-vi" : "dia-ban"}=${encodeURIComponent(id)}`;
    switch (op) {
      case "create_area": {
        const { id } = await createArea(db, viewer, input);
        [done, target] = ["area_created", `${PAGE}?dia-ban=${id}`];
        break;
      }
      case "create_unit": {
        const { id } = await createUnit(db, viewer, input);
        [done, target] = ["unit_created", `${PAGE}?don-vi=${id}`];
        break;
      }
      case "rename":
        await renameOrgNode(db, viewer, { ...node, ...input });
        [done, target] = ["renamed", editor(String(node.id))];
        break;
      case "move":
        await moveOrgNode(db, viewer, { ...node, ...input });
        [done, target] = ["moved", editor(String(node.id))];
        break;
      case "unit_area":
        await setUnitArea(db, viewer, { id: node.id, ...input });
        [done, target] = ["area_set", editor(String(node.id))];
        break;
      case "area_remote": {
        const { openCasesKept } = await setAreaRemote(db, viewer, { id: node.id, ...input });
        const on = form.get("remote") === "on";
        [done, target] = [on ? "remote_on" : "remote_off", `${editor(String(node.id))}&so=${openCasesKept}`];
        break;
      }
      case "close":
        await closeOrgNode(db, viewer, { ...node, ...input });
        [done, target] = ["closed", editor(String(node.id))];
        break;
    }
  } catch (error) {
    return refused(error, values);
  }
  redirect(`${target}&xong=${done}#sua`);
}
