import type { StaffSectionProps } from "./section-props";

// Placeholder, to be replaced by helper D2 (commitments).
export async function CommitmentsManager(_props: StaffSectionProps) {
  return null;
}
