import type { PublicSession } from "@/server/dialogue/get-public-session";

/** What every section of the public session page gets. `query` is the page's search parameters (a form's result). */
export type PublicSectionProps = { session: PublicSession; locale: "vi" | "en"; query: Record<string, string | undefined> };
