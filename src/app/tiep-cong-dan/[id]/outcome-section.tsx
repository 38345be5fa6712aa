import type { DaySectionProps } from "./section-props";

// Placeholder: H3 (record): what happened (counts only) and the conclusion notice with its items.
export function OutcomeSection(_props: DaySectionProps) {
  return null;
}
