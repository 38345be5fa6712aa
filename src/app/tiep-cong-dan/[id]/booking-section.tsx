import type { DaySectionProps } from "./section-props";

// Placeholder: H2 (booking): the booking form, its result with the code.
export function BookingSection(_props: DaySectionProps) {
  return null;
}
