import Link from "next/link";
import { ScrollRegion } from "@/components/scroll-region";
import { getTranslations } from "next-intl/server";
import type { DutyState, PeriodJudgement } from "@/domain/reception/duty";
import { formatDate, formatNumber } from "@/lib/format";
import type { MatterTally, MonthDuty } from "@/server/reception/duty/duty-figures";
import { methodHref, type AnchorName } from "./anchors";

export type Locale = "vi" | "en";

const STATE_STYLE: Record<DutyState, string> = {
  met: "border-green-700 bg-green-50 text-green-900",
  missed: "border-red-700 bg-red-50 text-red-900",
  pending: "border-amber-600 bg-amber-50 text-amber-900",
  no_duty: "border-zinc-400 bg-zinc-50 text-zinc-800",
};

/** A month's or period's result, worded (never colour alone) and linked to how it is computed. */
export async function StateBadge({ state }: { state: DutyState }) {
  const t = await getTranslations("duty");
  return (
    <Link href={methodHref("state")} className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold no-underline ${STATE_STYLE[state]}`}>
      {t(`states.${state}`)}
    </Link>
  );
}

/** A column heading that links to its explanation. */
export function FigureHeading({ anchor, children }: { anchor: AnchorName; children: React.ReactNode }) {
  return (
    <th scope="col" className="px-2 py-2 text-left align-bottom font-semibold">
      <Link href={methodHref(anchor)} className="underline underline-offset-4">
        {children}
      </Link>
    </th>
  );
}

/** "02/2026" */
export function monthText(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

async function PeriodLines({ periods, locale, unconfirmed }: { periods: PeriodJudgement[]; locale: Locale; unconfirmed: ReadonlySet<string> }) {
  const t = await getTranslations("duty");
  return (
    <ul className="mt-1 space-y-1 text-sm text-zinc-700">
      {periods.map((p) => (
        <li key={`${p.ruleId}-${p.periodKey}`}>
          {t("periodLine", {
            label: t(`period.${p.per}`, { from: formatDate(p.from, locale), to: formatDate(p.to, locale) }),
            required: p.required,
            held: p.heldInPerson,
            delegated: p.delegated,
            state: t(`states.${p.state}`),
          })}{" "}
          <span className="text-zinc-600">
            {p.legalBasis} {unconfirmed.has(p.ruleId) ? t("unconfirmed") : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The month-by-month table of one seat: required, held in person, by someone else, missed, still to hold, result,
 * with the legal basis. A month judged by more than one rule, or by weeks, lists each period with its own basis.
 */
export async function MonthTable({ months, locale, unconfirmedRules, showHeads = false }: { months: MonthDuty[]; locale: Locale; unconfirmedRules: ReadonlySet<string>; showHeads?: boolean }) {
  const t = await getTranslations("duty");
  const n = (v: number) => formatNumber(v, locale);
  return (
    <ScrollRegion label={t("position.monthsTable")}>
      <table className="w-full min-w-[40rem] border-collapse text-base">
        <thead className="border-b-2 border-zinc-300">
          <tr>
            <th scope="col" className="px-2 py-2 text-left align-bottom font-semibold">
              {t("columns.month")}
            </th>
            <FigureHeading anchor="required">{t("columns.required")}</FigureHeading>
            <FigureHeading anchor="heldInPerson">{t("columns.heldInPerson")}</FigureHeading>
            <FigureHeading anchor="delegated">{t("columns.delegated")}</FigureHeading>
            <FigureHeading anchor="missed">{t("columns.missed")}</FigureHeading>
            <FigureHeading anchor="upcoming">{t("columns.upcoming")}</FigureHeading>
            <FigureHeading anchor="state">{t("columns.state")}</FigureHeading>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => {
            const rules = new Set(m.periods.map((p) => p.ruleId));
            const straddled = rules.size > 1;
            const detailed = straddled || m.periods.some((p) => p.per === "week");
            return (
              <tr key={m.month} className="border-b border-zinc-200 align-top">
                <th scope="row" className="px-2 py-2 text-left font-semibold">
                  {monthText(m.month)}
                  {showHeads && m.heads.length > 0 && <span className="block text-sm font-normal text-zinc-700">{m.heads.map((h) => h.name ?? t("unnamed")).join(", ")}</span>}
                </th>
                <td className="px-2 py-2">{n(m.required)}</td>
                <td className="px-2 py-2">{n(m.heldInPerson)}</td>
                <td className="px-2 py-2">{n(m.delegated)}</td>
                <td className="px-2 py-2">{n(m.missed)}</td>
                <td className="px-2 py-2">{n(m.upcoming)}</td>
                <td className="px-2 py-2">
                  <StateBadge state={m.state} />
                  {straddled && (
                    <p className="mt-1 text-sm text-zinc-700">
                      <Link href={methodHref("straddle")} className="underline underline-offset-4">
                        {t("straddled")}
                      </Link>
                    </p>
                  )}
                  {detailed ? (
                    <PeriodLines periods={m.periods} locale={locale} unconfirmed={unconfirmedRules} />
                  ) : (
                    m.periods[0] && (
                      <p className="mt-1 text-sm text-zinc-600">
                        {m.periods[0].legalBasis} {unconfirmedRules.has(m.periods[0].ruleId) ? t("unconfirmed") : ""}
                      </p>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const MATTER_COLUMNS: { key: keyof MatterTally; anchor: AnchorName }[] = [
  { key: "total", anchor: "matters" },
  { key: "answered", anchor: "answered" },
  { key: "cases", anchor: "cases" },
  { key: "casesOnTime", anchor: "cases" },
  { key: "casesOverdue", anchor: "cases" },
  { key: "casesPending", anchor: "cases" },
  { key: "guided", anchor: "guided" },
  { key: "refused", anchor: "refused" },
  { key: "refusalsLate", anchor: "refused" },
];

/** What became of the matters raised, month by month (counts only: no citizen is named on a public page). */
export async function MattersTable({ months, locale }: { months: MonthDuty[]; locale: Locale }) {
  const t = await getTranslations("duty");
  const rows = months.filter((m) => m.matters.total > 0);
  if (rows.length === 0) return <p className="card">{t("position.mattersEmpty")}</p>;
  return (
    <ScrollRegion label={t("position.mattersTable")}>
      <table className="w-full min-w-[48rem] border-collapse text-base">
        <thead className="border-b-2 border-zinc-300">
          <tr>
            <th scope="col" className="px-2 py-2 text-left align-bottom font-semibold">
              {t("columns.month")}
            </th>
            {MATTER_COLUMNS.map((c) => (
              <FigureHeading key={c.key} anchor={c.anchor}>
                {t(`matters.${c.key}`)}
              </FigureHeading>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.month} className="border-b border-zinc-200">
              <th scope="row" className="px-2 py-2 text-left font-semibold">
                {monthText(m.month)}
              </th>
              {MATTER_COLUMNS.map((c) => (
                <td key={c.key} className={`px-2 py-2 ${(c.key === "casesOverdue" || c.key === "refusalsLate") && m.matters[c.key] > 0 ? "font-semibold text-red-800" : ""}`}>
                  {formatNumber(m.matters[c.key], locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A month in one line, for the index: result, in person / required, and any held by someone else. */
export async function MonthSummary({ month }: { month: MonthDuty | null }) {
  const t = await getTranslations("duty");
  if (!month) return <span className="text-zinc-600">–</span>;
  return (
    <div className="space-y-1">
      <StateBadge state={month.state} />
      {month.required > 0 && (
        <span className="block text-sm">
          <Link href={methodHref("heldInPerson")} className="underline underline-offset-4">
            {t("shortFigures", { held: month.heldInPerson, required: month.required })}
          </Link>
        </span>
      )}
      {month.delegated > 0 && (
        <span className="block text-sm">
          <Link href={methodHref("delegated")} className="underline underline-offset-4">
            {t("shortDelegated", { count: month.delegated })}
          </Link>
        </span>
      )}
    </div>
  );
}
