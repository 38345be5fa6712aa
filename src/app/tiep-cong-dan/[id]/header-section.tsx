import type { DaySectionProps } from "./section-props";

// Placeholder: H1 (calendar): when, where, whose, mode, public history.
export function DayHeader(_props: DaySectionProps) {
  return null;
}
