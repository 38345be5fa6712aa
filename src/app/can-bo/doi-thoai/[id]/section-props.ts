import type { CaseRoles } from "@/domain/staff-permissions";
import type { Viewer } from "@/server/auth/roles";
import type { PublicSession } from "@/server/dialogue/get-public-session";

/** What every section of the staff session page gets. `query` is the page's search parameters (a form's result). */
export type StaffSectionProps = {
  session: PublicSession;
  roles: CaseRoles;
  viewer: Viewer;
  locale: "vi" | "en";
  query: Record<string, string | undefined>;
};
