// The vocabulary of citizen reception (DOMAIN.md section 6; Law on Citizen Reception 2013, Law 136/2025,
// Decree 154/2026, Regulation 11-QĐi/TW). Pure: no Next.js, no database.

/**
 * The kinds of head whose reception duty the law sets. A position (a head's seat in a unit, such as "Chủ tịch UBND
 * xã Ia Grai") has one kind; the duty rules are versioned per kind.
 */
export const POSITION_KINDS = [
  "province_pc_chair",
  "commune_pc_chair",
  "province_party_secretary",
  "commune_party_secretary",
  "agency_head",
  "public_service_head",
] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/** A rule's rhythm: so many reception days per week or per month. */
export const DUTY_PERIODS = ["week", "month"] as const;
export type DutyPeriod = (typeof DUTY_PERIODS)[number];

/**
 * A reception day's state. "planned": generated from the duty rule, not yet confirmed by the office;
 * "confirmed": announced with place and time; "held": the reception was recorded; "cancelled": with a public reason.
 * A move keeps the state and writes a public event with the reason.
 */
export const RECEPTION_DAY_STATUSES = ["planned", "confirmed", "held", "cancelled"] as const;
export type ReceptionDayStatus = (typeof RECEPTION_DAY_STATUSES)[number];

/** How the day came to be: generated from a duty rule, or added by the office (an extra reception). */
export const RECEPTION_DAY_ORIGINS = ["duty", "added"] as const;
export type ReceptionDayOrigin = (typeof RECEPTION_DAY_ORIGINS)[number];

/** In person, or online (Law 136/2025 art. 3a: notice at least 5 working days ahead, the session recorded). */
export const RECEPTION_MODES = ["in_person", "online"] as const;
export type ReceptionMode = (typeof RECEPTION_MODES)[number];

/** What became of a matter raised at a reception. */
export const MATTER_OUTCOMES = ["answered", "case", "guided", "refused"] as const;
export type MatterOutcome = (typeof MATTER_OUTCOMES)[number];

export const BOOKING_STATUSES = ["booked", "cancelled", "attended", "absent"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Citizens must be told of an online reception at least this many working days ahead (Decree 154/2026). */
export const ONLINE_NOTICE_WORKING_DAYS = 5;
/** A refusal to receive someone is notified within this many working days (Law on Citizen Reception 2013 art. 9). */
export const REFUSAL_NOTICE_WORKING_DAYS = 3;
/** Bookings from one network address to one reception day at most. Enforced by a check constraint: keep equal. */
export const BOOKINGS_PER_ADDRESS_PER_DAY = 5;
/** The default number of bookable places at a reception day (the office changes it per day). */
export const DEFAULT_BOOKING_CAPACITY = 10;
export const BOOKING_SUMMARY_MAX_LENGTH = 1000;

/** Gia Lai's joint reception day: the 15th of each month, moved to the next working day when it is a day off. */
export const GIA_LAI_FIXED_DAY = 15;
/** Default days for a head with two reception days a month, when the office has not set them. */
export const DEFAULT_TWO_DAYS_OF_MONTH = [5, 20] as const;
