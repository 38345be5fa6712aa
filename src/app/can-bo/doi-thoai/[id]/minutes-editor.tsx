import type { StaffSectionProps } from "./section-props";

// Placeholder, to be replaced by helper D1 (outcomes).
export async function MinutesEditor(_props: StaffSectionProps) {
  return null;
}
