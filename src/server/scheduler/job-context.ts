import type { WorkCalendar } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";

/** What every scheduled job is given: the (possibly simulated) clock and the working-day calendar. */
export type JobContext = { now: Date; today: IsoDate; calendar: WorkCalendar };
