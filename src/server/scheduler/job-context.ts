import { compareDates, type WorkCalendar } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";

/**
 * What every scheduled job is given: the (possibly simulated) clock, the working-day calendar, and the last day
 * before today on which this job ran (null: never, as on a new installation).
 */
export type JobContext = { now: Date; today: IsoDate; calendar: WorkCalendar; lastRunOn: IsoDate | null };

/** Working days after `lastRunOn` and before `today` on which the job never ran (the worker was down or failing). */
export function missedWorkingDays(calendar: WorkCalendar, lastRunOn: IsoDate | null, today: IsoDate): IsoDate[] {
  if (lastRunOn === null) return [];
  const missed: IsoDate[] = [];
  for (let day = calendar.addWorkingDays(lastRunOn, 1); compareDates(day, today) < 0; day = calendar.addWorkingDays(day, 1)) missed.push(day);
  return missed;
}
