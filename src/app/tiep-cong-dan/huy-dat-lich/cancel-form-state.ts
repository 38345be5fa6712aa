/** The cancel page's steps: the code typed, the booking found (confirm), the booking cancelled. */
export type CancelFormState = {
  step: "code" | "confirm" | "done";
  code?: string;
  /** The day the booking is for, as shown (public facts only). */
  day?: { id: string; title: string; when: string; place: string };
  error?: "invalid" | "not_found" | "rate_limited" | "server" | "cancelled" | "attended" | "absent" | "started";
  retryAfterMinutes?: number;
};
