import { mayReceptionAction } from "@/domain/reception/permissions";
import { BriefingLinkCard } from "../../ban-tin/briefing-link";
import type { StaffDaySectionProps } from "./section-props";

/** The link to the head's briefing, for those who may read it (the office, the head, the leaders above). */
export function BriefingLink({ day, roles, isHead }: StaffDaySectionProps) {
  if (!mayReceptionAction("briefing", roles, { isHead }) || day.status === "cancelled") return null;
  return <BriefingLinkCard kind="reception" href={`/can-bo/tiep-cong-dan/${day.id}/ban-tin`} />;
}
