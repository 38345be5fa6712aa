import type { ReceptionDayView } from "@/server/reception/reception-day-view";

/** What every section of a reception day's public page is given. */
export type DaySectionProps = { day: ReceptionDayView; locale: "vi" | "en"; query: Record<string, string | undefined> };
