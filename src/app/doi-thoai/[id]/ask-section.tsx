import type { PublicSectionProps } from "./section-props";

// Placeholder, to be replaced by helper B (questions).
export async function AskSection(_props: PublicSectionProps) {
  return null;
}
