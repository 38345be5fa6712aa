import type { StaffDaySectionProps } from "./section-props";

// Placeholder: H5 (briefing): the link to the head's briefing.
export function BriefingLink(_props: StaffDaySectionProps) {
  return null;
}
