import "server-only";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { AppError } from "@/server/errors";
import { DETAIL_FIELDS, LEADER_SLOTS, type SessionFormState } from "./form-state";

/**
 * A session form's fields as the services take them. Leader rows left wholly empty are dropped; `slotOf` maps a
 * leader's place in the list back to its row in the form, so that a problem shows beside the right row.
 */
export function detailsFromForm(form: FormData): { input: Record<string, unknown>; slotOf: number[] } {
  const get = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const leaders: { userId?: string; position?: string; positionEn?: string }[] = [];
  const slotOf: number[] = [];
  for (let i = 0; i < LEADER_SLOTS; i++) {
    const row = { userId: get(`leaders.${i}.userId`) ?? "", position: get(`leaders.${i}.position`) ?? "", positionEn: get(`leaders.${i}.positionEn`) ?? "" };
    if (row.userId.trim() === "" && row.position.trim() === "" && row.positionEn.trim() === "") continue;
    leaders.push(row);
    slotOf.push(i);
  }
  const input: Record<string, unknown> = { leaders, questionsInAdvance: get("questionsInAdvance") === "on" };
  for (const field of DETAIL_FIELDS) if (!field.startsWith("leaders.") && field !== "questionsInAdvance") input[field] = get(field);
  return { input, slotOf };
}

export function formValues(form: FormData, extra: readonly string[] = []): Record<string, string> {
  return stringValues(form, [...DETAIL_FIELDS, ...extra]);
}

/** A refusal from a service as the form shows it; anything unexpected is logged and shown as "failed". */
export function refusedForm(error: unknown, values: Record<string, string>, slotOf: number[] = []): SessionFormState {
  if (!(error instanceof AppError)) {
    logger.error("dialogue session action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  switch (error.code) {
    case "invalid_input": {
      const fields = (error.details?.fields ?? {}) as Record<string, string>;
      const fieldErrors: Record<string, string> = {};
      for (const [name, problem] of Object.entries(fields)) {
        const m = /^leaders\.(\d+)\.(.+)$/.exec(name);
        fieldErrors[m ? `leaders.${slotOf[Number(m[1])] ?? m[1]}.${m[2]}` : name] = problem;
      }
      return { values, fieldErrors, formError: "invalid" };
    }
    case "conflict": {
      const reason = error.message;
      const formError = reason === "stale_version" || reason === "invalid_transition" || reason === "not_editable" ? reason : "not_allowed";
      return { values, fieldErrors: {}, formError };
    }
    case "not_found":
      return { values, fieldErrors: {}, formError: "not_found" };
    case "forbidden":
    case "unauthenticated":
      return { values, fieldErrors: {}, formError: "not_allowed" };
    default:
      logger.error("dialogue session action refused unexpectedly", { error });
      return { values, fieldErrors: {}, formError: "failed" };
  }
}
