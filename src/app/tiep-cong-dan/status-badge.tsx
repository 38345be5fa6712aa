import type { ReceptionDayStatus } from "@/domain/reception/vocabulary";

// Colours with text contrast of at least 4.5:1; the word itself always says the status.
const TONE: Record<ReceptionDayStatus, string> = {
  planned: "bg-amber-100 text-amber-950",
  confirmed: "bg-blue-100 text-blue-950",
  held: "bg-green-100 text-green-950",
  cancelled: "bg-zinc-800 text-white",
};

export function ReceptionStatusBadge({ status, label }: { status: ReceptionDayStatus; label: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${TONE[status]}`}>{label}</span>;
}
