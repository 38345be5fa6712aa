import type { PublicSectionProps } from "./section-props";

// Placeholder, to be replaced by helper A (calendar and scheduling).
export async function SessionHeader(_props: PublicSectionProps) {
  return null;
}
