import "server-only";
import { logger } from "@/lib/logger";
import { AppError } from "@/server/errors";
import { isUuid } from "@/server/dialogue/session-access";
import type { OutcomeFormState } from "./outcome-form-state";

/** The staff page of a session; a forged id goes back to the list. */
export function sessionPath(sessionId: string): string {
  return isUuid(sessionId) ? `/can-bo/doi-thoai/${sessionId}` : "/can-bo/doi-thoai";
}

/** A service's refusal as the form shows it, with what was typed; anything unexpected is logged and shown as "failed". */
export function outcomeRefusal(error: unknown, values: Record<string, string>): OutcomeFormState {
  if (!(error instanceof AppError)) {
    logger.error("dialogue outcome action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  switch (error.code) {
    case "invalid_input":
      return { values, fieldErrors: (error.details?.fields ?? {}) as Record<string, string>, formError: "invalid" };
    case "conflict":
      return { values, fieldErrors: {}, formError: "not_allowed" };
    case "not_found":
      return { values, fieldErrors: {}, formError: "not_found" };
    case "forbidden":
    case "unauthenticated":
      return { values, fieldErrors: {}, formError: "no_access" };
    default:
      logger.error("dialogue outcome action refused unexpectedly", { error });
      return { values, fieldErrors: {}, formError: "failed" };
  }
}
