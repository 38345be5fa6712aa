import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/filter-select";
import type { PublicAnswerOption } from "@/server/publication/list-public-answers";
import { PUBLIC_KINDS, SEARCH_MAX, type PublicAnswerQueryError } from "@/server/publication/public-answer-query";

type Raw = { q: string; field: string; area: string; unit: string; kind: string; from: string; to: string };
type Options = { fields: PublicAnswerOption[]; areas: PublicAnswerOption[]; units: PublicAnswerOption[] };

/** The search and filters of "Công khai": a plain GET form showing back what was typed, so it works without JavaScript. */
export async function SearchForm({ raw, options, errors, locale }: { raw: Raw; options: Options; errors: PublicAnswerQueryError[]; locale: "vi" | "en" }) {
  const t = await getTranslations("publication");
  const label = (o: PublicAnswerOption) => (locale === "en" ? o.nameEn : o.name);
  const filtered = Object.values(raw).some(Boolean);
  const monthError = (key: "from" | "to") => (errors.includes(`bad_${key}`) ? `err-bad_${key}` : errors.includes("bad_range") ? "err-bad_range" : undefined);
  return (
    <form method="get" action="/cong-khai" role="search" aria-labelledby="tim-cong-khai" className="card space-y-4">
      <h2 id="tim-cong-khai" className="text-lg font-semibold">
        {t("search.title")}
      </h2>
      {errors.length > 0 && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{t("errors.title")}</p>
          <ul className="list-disc pl-5">
            {errors.map((e) => (
              <li key={e} id={`err-${e}`}>
                {t(`errors.${e}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="f-q" className="field-label">
          {t("search.q")}
        </label>
        <input id="f-q" name="q" type="search" defaultValue={raw.q} maxLength={SEARCH_MAX * 2} className="field-input" aria-describedby={errors.includes("search_too_long") ? "f-q-hint err-search_too_long" : "f-q-hint"} aria-invalid={errors.includes("search_too_long") || undefined} />
        <p id="f-q-hint" className="field-hint">
          {t("search.qHint")}
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <FilterSelect id="f-field" name="linh-vuc" label={t("search.field")} anyLabel={t("search.all")} value={raw.field || undefined} options={options.fields.map((o) => ({ value: o.code, label: label(o) }))} />
        <FilterSelect id="f-area" name="dia-ban" label={t("search.area")} anyLabel={t("search.all")} value={raw.area || undefined} options={options.areas.map((o) => ({ value: o.code, label: label(o) }))} />
        <FilterSelect id="f-unit" name="don-vi" label={t("search.unit")} anyLabel={t("search.all")} value={raw.unit || undefined} options={options.units.map((o) => ({ value: o.code, label: label(o) }))} />
        <FilterSelect id="f-kind" name="loai" label={t("search.kind")} anyLabel={t("search.all")} value={raw.kind || undefined} options={PUBLIC_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        {(["from", "to"] as const).map((key) => (
          <div key={key}>
            <label htmlFor={`f-${key}`} className="field-label">
              {t(`search.${key}`)}
            </label>
            <input
              id={`f-${key}`}
              name={key === "from" ? "tu" : "den"}
              type="month"
              defaultValue={raw[key]}
              placeholder="2026-03"
              className="field-input"
              aria-describedby={[`f-${key}-hint`, monthError(key)].filter(Boolean).join(" ")}
              aria-invalid={monthError(key) ? true : undefined}
            />
            <p id={`f-${key}-hint`} className="field-hint">
              {t("search.monthHint")}
            </p>
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn-primary">
          {t("search.apply")}
        </button>
        {filtered && (
          <Link href="/cong-khai" className="underline underline-offset-4">
            {t("search.reset")}
          </Link>
        )}
      </div>
    </form>
  );
}
