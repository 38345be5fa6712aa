// Typed errors: the code picks a translated message for users; the cause is logged, never shown.
export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid_input" | "rate_limited";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}
