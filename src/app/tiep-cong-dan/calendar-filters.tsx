import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReceptionFilters } from "@/server/reception/calendar/list-reception-days";
import { FilterSelect } from "@/components/filter-select";

type Options = {
  units: { code: string; name: string; nameEn: string }[];
  positions: { id: string; title: string; titleEn: string }[];
  areas: { code: string; name: string }[];
};

/** The calendar's filters: a plain GET form, so a filtered calendar has an address to share. */
export async function CalendarFilters({ filters, options, locale }: { filters: ReceptionFilters; options: Options; locale: "vi" | "en" }) {
  const t = await getTranslations("reception.calendar");
  const filtered = filters.unitCode || filters.positionId || filters.areaCode || filters.month;
  return (
    <form method="get" action="/tiep-cong-dan" role="search" aria-labelledby="filters-title" className="card space-y-3">
      <h2 id="filters-title" className="text-lg font-semibold">
        {t("filtersTitle")}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <FilterSelect id="f-unit" name="don-vi" label={t("unit")} anyLabel={t("anyUnit")} value={filters.unitCode} options={options.units.map((u) => ({ value: u.code, label: locale === "en" ? u.nameEn : u.name }))} />
        <FilterSelect id="f-position" name="vi-tri" label={t("position")} anyLabel={t("anyPosition")} value={filters.positionId} options={options.positions.map((p) => ({ value: p.id, label: locale === "en" ? p.titleEn : p.title }))} />
        <FilterSelect id="f-area" name="dia-ban" label={t("area")} anyLabel={t("anyArea")} value={filters.areaCode} options={options.areas.map((a) => ({ value: a.code, label: a.name }))} />
        <div>
          <label htmlFor="f-month" className="field-label">
            {t("month")}
          </label>
          <input id="f-month" name="thang" type="month" defaultValue={filters.month ?? ""} className="field-input" aria-describedby="f-month-hint" />
          <p id="f-month-hint" className="field-hint">
            {t("monthHint")}
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn-primary">
          {t("apply")}
        </button>
        {filtered && (
          <Link href="/tiep-cong-dan" className="underline underline-offset-4">
            {t("reset")}
          </Link>
        )}
      </div>
    </form>
  );
}
