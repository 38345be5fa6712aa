import type { PublicSectionProps } from "./section-props";

// Placeholder, to be replaced by helper D1 (outcomes).
export async function AgendaSection(_props: PublicSectionProps) {
  return null;
}
