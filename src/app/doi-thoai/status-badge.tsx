import type { SessionStatus } from "@/domain/dialogue/vocabulary";

// Colours with text contrast of at least 4.5:1; the word itself always says the status.
const TONE: Record<SessionStatus, string> = {
  announced: "bg-blue-100 text-blue-950",
  open: "bg-green-100 text-green-950",
  live: "bg-red-700 text-white",
  ended: "bg-zinc-200 text-zinc-900",
  minutes_published: "bg-zinc-200 text-zinc-900",
  postponed: "bg-amber-100 text-amber-950",
  cancelled: "bg-zinc-800 text-white",
};

export function StatusBadge({ status, label }: { status: SessionStatus; label: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${TONE[status]}`}>{label}</span>;
}
