import type { PublicSectionProps } from "./section-props";

// Placeholder, to be replaced by helper B (questions).
export async function DeclinedSection(_props: PublicSectionProps) {
  return null;
}
