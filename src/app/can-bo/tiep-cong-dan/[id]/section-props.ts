import type { CaseRoles } from "@/domain/staff-permissions";
import type { Viewer } from "@/server/auth/roles";
import type { ReceptionDayView } from "@/server/reception/reception-day-view";

/** What every section of the office's page for a reception day is given (the viewer may see the day: checked). */
export type StaffDaySectionProps = {
  day: ReceptionDayView;
  roles: CaseRoles;
  viewer: Viewer;
  isHead: boolean;
  locale: "vi" | "en";
  query: Record<string, string | undefined>;
};
