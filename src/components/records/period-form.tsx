import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { periodLabel as statisticsPeriodLabel } from "@/app/thong-ke/period-label";
import { PERIOD_KINDS, type Period, type PeriodError } from "@/domain/statistics/period";
import type { StatisticsQuery } from "@/server/statistics/statistics-query";

type Locale = "vi" | "en";

/** "năm 2026", "quý 3/2026", "từ 10/06/2026 đến 15/07/2026": the statistics page's own words for a period. */
export async function periodLabel(period: Period, locale: Locale): Promise<string> {
  const t = await getTranslations("statistics.page");
  return statisticsPeriodLabel(period, t as (key: string, values?: Record<string, string | number>) => string, locale);
}

/**
 * The period picker of a record (the statistics page's query, without the unit): a plain GET form to the same
 * address, so it works without JavaScript and keeps what was typed when a part is wrong. The fields left empty
 * show the period being shown (`shown`).
 */
export async function PeriodForm({ action, query, shown, error, idPrefix }: { action: string; query: StatisticsQuery; shown: Period | null; error: PeriodError | null; idPrefix: string }) {
  const [t, tf, te] = await Promise.all([getTranslations("records"), getTranslations("statistics.page.form"), getTranslations("statistics.page.errors")]);
  const id = (k: string) => `${idPrefix}-${k}`;
  return (
    <section aria-labelledby={id("title")} className="card space-y-4">
      <h2 id={id("title")} className="text-lg font-semibold">
        {t("period.title")}
      </h2>
      {error && (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{t("errors.title")}</p>
          <p>{te(error)}</p>
        </div>
      )}
      <form method="get" action={action} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <div>
          <label htmlFor={id("ky")} className="field-label">
            {tf("kind")}
          </label>
          <select id={id("ky")} name="ky" defaultValue={query.kind ?? shown?.kind ?? "year"} className="field-input">
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {tf(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={id("nam")} className="field-label">
            {tf("year")}
          </label>
          <input id={id("nam")} name="nam" inputMode="numeric" defaultValue={query.year ?? (shown ? String(shown.year) : "")} className="field-input" />
        </div>
        <div>
          <label htmlFor={id("so")} className="field-label">
            {tf("index")}
          </label>
          <input id={id("so")} name="so" inputMode="numeric" defaultValue={query.index ?? (shown && (shown.kind === "month" || shown.kind === "quarter") ? String(shown.index) : "")} aria-describedby={id("so-hint")} className="field-input" />
          <p id={id("so-hint")} className="field-hint">
            {tf("indexHint")}
          </p>
        </div>
        <div>
          <label htmlFor={id("tu")} className="field-label">
            {tf("from")}
          </label>
          <input id={id("tu")} name="tu" type="date" defaultValue={query.from ?? (shown?.kind === "custom" ? shown.from : "")} aria-describedby={id("tu-hint")} className="field-input" />
          <p id={id("tu-hint")} className="field-hint">
            {tf("customHint")}
          </p>
        </div>
        <div>
          <label htmlFor={id("den")} className="field-label">
            {tf("to")}
          </label>
          <input id={id("den")} name="den" type="date" defaultValue={query.to ?? (shown?.kind === "custom" ? shown.to : "")} className="field-input" />
        </div>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="btn-primary">
            {tf("apply")}
          </button>
          <Link href={action} className="underline underline-offset-4">
            {t("period.reset")}
          </Link>
        </div>
      </form>
    </section>
  );
}
