import type { StaffDaySectionProps } from "./section-props";

// Placeholder: H1 (calendar): confirm, move, cancel, mode, capacity.
export function PlanSection(_props: StaffDaySectionProps) {
  return null;
}
