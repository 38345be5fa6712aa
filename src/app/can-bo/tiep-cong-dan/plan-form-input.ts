import "server-only";
import { logger } from "@/lib/logger";
import { AppError } from "@/server/errors";
import type { PlanFormState } from "./plan-form-state";

const REFUSALS = ["stale_version", "not_plannable"] as const;

/** A refusal from a planning service as the form shows it; anything unexpected is logged and shown as "failed". */
export function refusedPlanForm(error: unknown, values: Record<string, string>): PlanFormState {
  if (!(error instanceof AppError)) {
    logger.error("reception planning failed", { error: error instanceof Error ? error.message : String(error) });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  switch (error.code) {
    case "invalid_input":
      return { values, fieldErrors: (error.details?.fields ?? {}) as Record<string, string>, formError: "invalid" };
    case "conflict": {
      const reason = REFUSALS.find((r) => r === error.message);
      return { values, fieldErrors: {}, formError: reason ?? "not_allowed" };
    }
    case "not_found":
      return { values, fieldErrors: {}, formError: "not_found" };
    case "forbidden":
    case "unauthenticated":
      return { values, fieldErrors: {}, formError: "not_allowed" };
    default:
      logger.error("reception planning refused unexpectedly", { code: error.code });
      return { values, fieldErrors: {}, formError: "failed" };
  }
}
