import type { StaffSectionProps } from "./section-props";

// Placeholder, to be replaced by helper B (questions).
export async function ModerationSection(_props: StaffSectionProps) {
  return null;
}
