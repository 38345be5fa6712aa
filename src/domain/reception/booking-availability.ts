// Whether a citizen may book a place at a reception day, and if not, why. Pure: the database enforces the same
// conditions in the booking's own update (book-slot.ts); this names the reason for the page and the refusal.
import type { ReceptionDayStatus } from "./vocabulary";

export const BOOKING_REFUSALS = ["cancelled", "past", "closed", "full"] as const;
export type BookingRefusal = (typeof BOOKING_REFUSALS)[number];

export type BookableDay = { status: ReceptionDayStatus; bookingsOpen: boolean; capacity: number; booked: number; startsAt: Date };

/** Null when a place can be booked now; otherwise the first reason that stands in the way. */
export function bookingRefusal(day: BookableDay, now: Date): BookingRefusal | null {
  if (day.status === "cancelled") return "cancelled";
  if (day.status === "held" || day.startsAt.getTime() <= now.getTime()) return "past";
  if (!day.bookingsOpen) return "closed";
  if (day.booked >= day.capacity) return "full";
  return null;
}

export function placesLeft(day: Pick<BookableDay, "capacity" | "booked">): number {
  return Math.max(0, day.capacity - day.booked);
}
