import type { MovedDeadline } from "@/domain/holidays/moved-deadlines";

/** What a holiday form keeps between posts: what was typed, errors by field, or the preview before saving. */
export type HolidayFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, string>>;
  formError?: "invalid" | "not_found" | "no_access" | "failed";
  /**
   * Set after the first post of a change: the open deadlines it would move and the reception days already planned
   * on a date it makes a day off (for the office to move); the next post saves it.
   */
  preview?: { op: "add" | "edit" | "remove"; moved: MovedDeadline[]; receptionDays: { id: string; title: string; titleEn: string; startsAt: string }[] };
};

export const EMPTY_HOLIDAY_FORM: HolidayFormState = { values: {}, fieldErrors: {} };

export const HOLIDAY_DONE = ["added", "updated", "removed", "prefilled"] as const;
export type HolidayDone = (typeof HOLIDAY_DONE)[number];
export const isHolidayDone = (v: string | undefined): v is HolidayDone => (HOLIDAY_DONE as readonly string[]).includes(v ?? "");

export const ENTRY_FIELDS = ["date", "kind", "name", "confirmed"] as const;
