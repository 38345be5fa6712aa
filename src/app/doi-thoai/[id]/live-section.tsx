import type { PublicSectionProps } from "./section-props";

// Placeholder, to be replaced by helper C (live).
export async function LiveSection(_props: PublicSectionProps) {
  return null;
}
