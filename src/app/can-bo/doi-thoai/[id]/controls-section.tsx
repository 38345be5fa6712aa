import type { StaffSectionProps } from "./section-props";

// Placeholder, to be replaced by helper A (calendar and scheduling).
export async function SessionControls(_props: StaffSectionProps) {
  return null;
}
