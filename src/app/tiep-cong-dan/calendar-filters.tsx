import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReceptionFilters } from "@/server/reception/calendar/list-reception-days";

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
        <div>
          <label htmlFor="f-unit" className="field-label">
            {t("unit")}
          </label>
          <select id="f-unit" name="don-vi" defaultValue={filters.unitCode ?? ""} className="field-input">
            <option value="">{t("anyUnit")}</option>
            {options.units.map((u) => (
              <option key={u.code} value={u.code}>
                {locale === "en" ? u.nameEn : u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-position" className="field-label">
            {t("position")}
          </label>
          <select id="f-position" name="vi-tri" defaultValue={filters.positionId ?? ""} className="field-input">
            <option value="">{t("anyPosition")}</option>
            {options.positions.map((p) => (
              <option key={p.id} value={p.id}>
                {locale === "en" ? p.titleEn : p.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-area" className="field-label">
            {t("area")}
          </label>
          <select id="f-area" name="dia-ban" defaultValue={filters.areaCode ?? ""} className="field-input">
            <option value="">{t("anyArea")}</option>
            {options.areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
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
