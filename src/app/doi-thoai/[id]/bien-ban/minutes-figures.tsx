import { getLocale, getTranslations } from "next-intl/server";
import type { MinutesFigures } from "@/domain/dialogue/minutes";
import { DECLINE_REASONS } from "@/domain/dialogue/vocabulary";
import { formatNumber } from "@/lib/format";

/** The minutes' figures, as the public minutes and the staff editor show them (counted by src/domain/dialogue/minutes.ts). */
export async function MinutesFigureList({ figures, attendance }: { figures: MinutesFigures; attendance?: number | null }) {
  const [t, locale] = await Promise.all([getTranslations("outcomes.minutes.figures"), getLocale()]);
  const n = (value: number) => formatNumber(value, locale);
  const declined = DECLINE_REASONS.filter((r) => figures.declinedByReason[r] > 0);
  const rows: { key: string; label: string; value: string; sub?: string[] }[] = [
    ...(attendance !== undefined && attendance !== null ? [{ key: "attendance", label: t("attendance"), value: n(attendance) }] : []),
    { key: "raised", label: t("opinionsRaised"), value: n(figures.opinionsRaised) },
    { key: "answered", label: t("answeredOnSpot"), value: n(figures.answeredOnSpot) },
    {
      key: "cases",
      label: t("passedOnAsCases"),
      value: n(figures.passedOnAsCases),
      sub: figures.passedOnToOtherBody > 0 ? [t("passedOnToOtherBody", { count: figures.passedOnToOtherBody })] : undefined,
    },
    {
      key: "declined",
      label: t("declined"),
      value: n(figures.declined),
      sub: declined.map((r) => t("declinedReason", { reason: t(`reasons.${r}`), count: figures.declinedByReason[r] })),
    },
    { key: "notReached", label: t("notReached"), value: n(figures.notReached) },
    { key: "agendaCases", label: t("agendaCases"), value: t("ofTotal", { done: figures.agendaCasesAnswered, total: figures.agendaCases }) },
    ...(figures.agendaCommitments > 0
      ? [{ key: "agendaCommitments", label: t("agendaCommitments"), value: t("ofTotal", { done: figures.agendaCommitmentsAnswered, total: figures.agendaCommitments }) }]
      : []),
    { key: "commitments", label: t("commitmentsMade"), value: n(figures.commitmentsMade) },
  ];
  return (
    <div className="space-y-2">
      <dl className="grid gap-3 sm:grid-cols-2 print:grid-cols-3 print:gap-2">
        {rows.map((r) => (
          <div key={r.key} className="rounded-md border border-zinc-300 p-3 print:border-zinc-500 print:p-2">
            <dt className="text-sm text-zinc-700">{r.label}</dt>
            <dd className="text-2xl font-bold print:text-base">{r.value}</dd>
            {r.sub && r.sub.length > 0 && (
              <dd>
                <ul className="text-sm text-zinc-800">
                  {r.sub.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </dd>
            )}
          </div>
        ))}
      </dl>
      <p className="text-sm text-zinc-700">{figures.merged > 0 ? t("noteMerged", { merged: figures.merged }) : t("note")}</p>
    </div>
  );
}
