import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/filter-select";
import { PERIOD_KINDS } from "@/domain/statistics/period";
import type { StatisticsQuery } from "@/server/statistics/statistics-query";

/**
 * The unit and period picker: a plain GET form (works without JavaScript, and the address can be shared). It shows
 * what was typed, even when it was wrong, next to the message that says why. `shown` fills the period fields the
 * reader left empty with the period being shown.
 */
export async function StatisticsForm({ query, shown, units, locale, action = "/thong-ke", errorId, title, resetLabel }: {
  query: StatisticsQuery;
  shown: { kind: string; year: string; index: string; from: string; to: string } | null;
  /** The units to pick from; null on a unit's or a leader's record, whose address names the unit. */
  units: Array<{ code: string; name: string; nameEn: string }> | null;
  locale: "vi" | "en";
  action?: string;
  errorId?: string;
  title?: string;
  resetLabel?: string;
}) {
  const t = await getTranslations("statistics.page.form");
  const kind = query.kind ?? shown?.kind ?? "year";
  const described = errorId ? { "aria-describedby": errorId } : {};
  return (
    <form method="get" action={action} role="search" aria-labelledby="thong-ke-chon" className="card space-y-4">
      <h2 id="thong-ke-chon" className="text-lg font-semibold">
        {title ?? t("title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {units && (
          <div className="space-y-2 sm:col-span-2">
            <FilterSelect id="tk-don-vi" name="don-vi" label={t("unit")} anyLabel={t("anyUnit")} value={query.unitCode ?? undefined} options={units.map((u) => ({ value: u.code, label: locale === "en" ? u.nameEn : u.name }))} />
            <div className="flex items-center gap-2">
              <input id="tk-cap-duoi" name="cap-duoi" type="checkbox" value="1" defaultChecked={query.subtree} className="h-5 w-5" />
              <label htmlFor="tk-cap-duoi">{t("subtree")}</label>
            </div>
          </div>
        )}
        <div>
          <label htmlFor="tk-ky" className="field-label">
            {t("kind")}
          </label>
          <select id="tk-ky" name="ky" defaultValue={kind} className="field-input" {...described}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
            {!(PERIOD_KINDS as readonly string[]).includes(kind) && <option value={kind}>{kind}</option>}
          </select>
        </div>
        <div>
          <label htmlFor="tk-nam" className="field-label">
            {t("year")}
          </label>
          <input id="tk-nam" name="nam" inputMode="numeric" defaultValue={query.year ?? shown?.year ?? ""} className="field-input" {...described} />
        </div>
        <div>
          <label htmlFor="tk-so" className="field-label">
            {t("index")}
          </label>
          <input id="tk-so" name="so" inputMode="numeric" defaultValue={query.index ?? (kind === "month" || kind === "quarter" ? shown?.index : "") ?? ""} className="field-input" aria-describedby={["tk-so-hint", errorId].filter(Boolean).join(" ")} />
          <p id="tk-so-hint" className="field-hint">
            {t("indexHint")}
          </p>
        </div>
        <div>
          <label htmlFor="tk-tu" className="field-label">
            {t("from")}
          </label>
          <input id="tk-tu" name="tu" type="date" defaultValue={query.from ?? (shown?.kind === "custom" ? shown.from : "")} className="field-input" aria-describedby={["tk-ngay-hint", errorId].filter(Boolean).join(" ")} />
        </div>
        <div>
          <label htmlFor="tk-den" className="field-label">
            {t("to")}
          </label>
          <input id="tk-den" name="den" type="date" defaultValue={query.to ?? (shown?.kind === "custom" ? shown.to : "")} className="field-input" aria-describedby={["tk-ngay-hint", errorId].filter(Boolean).join(" ")} />
        </div>
        <p id="tk-ngay-hint" className="field-hint sm:col-span-2">
          {t("customHint")}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn-primary">
          {t("apply")}
        </button>
        <Link href={action} className="underline underline-offset-4">
          {resetLabel ?? t("reset")}
        </Link>
      </div>
    </form>
  );
}
