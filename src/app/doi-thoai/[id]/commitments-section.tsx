import type { PublicSectionProps } from "./section-props";

// Placeholder, to be replaced by helper D2 (commitments).
export async function CommitmentsSection(_props: PublicSectionProps) {
  return null;
}
