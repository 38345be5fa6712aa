import type { StaffDaySectionProps } from "./section-props";

// Placeholder: H2 (booking): the bookings per slot, attended or not.
export function BookingsSection(_props: StaffDaySectionProps) {
  return null;
}
