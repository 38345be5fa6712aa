import type { StaffDaySectionProps } from "./section-props";

// Placeholder: H3 (record): the record, the matters, the conclusion notice.
export function RecordSection(_props: StaffDaySectionProps) {
  return null;
}
