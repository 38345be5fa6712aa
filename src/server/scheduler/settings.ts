// Settings of the scheduled work. Named here so that they are found, reviewed and changed in one place.

/** Local time (Asia/Ho_Chi_Minh) from which each working day's jobs run: before offices open. */
export const MORNING_RUN_AT = { hour: 7, minute: 30 } as const;
/** The digest lists cases due within this many working days. */
export const DUE_SOON_WORKING_DAYS = 3;
/** A case still overdue this many working days after its deadline is escalated to the unit above. */
export const ESCALATE_AFTER_WORKING_DAYS = 5;
/**
 * A case still overdue this many working days after its last escalation goes up again: to the next unit up, or, at
 * the top of the tree, as a reminder to the same leaders and overseers. A working week, like the first step: it
 * gives the unit above time to act on the report before it hears again, and keeps a case nobody acts on from
 * going quiet; never more often, so the overseers' mail is not filled with the same cases every morning.
 */
export const ESCALATE_AGAIN_EVERY_WORKING_DAYS = 5;
/** The filer is reminded when information asked of them is still missing after this many working days. */
export const INFO_REMINDER_AFTER_WORKING_DAYS = 5;
