import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { formatDate } from "@/lib/format";
import { COMMITMENT_LIST_LIMIT, COMMITMENT_STATUS_FILTERS, commitmentFilterOptions, listCommitments, parseCommitmentFilters } from "@/server/commitments/list-commitments";
import { CommitmentCard, CountsList } from "./commitment-parts";
import { FilterSelect } from "@/components/filter-select";

// "Overdue" changes at midnight and any official's update changes the list: rendered per request.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("commitments");
  return { title: t("title") };
}

export default async function CommitmentsPage({ searchParams }: Props) {
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("commitments")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const query = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = parseCommitmentFilters(query);
  const today = toLocalDate(new Date());
  const [list, options] = await Promise.all([listCommitments(db, filters, today), commitmentFilterOptions(db)]);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const label = (o: { label: string; labelEn: string }) => (locale === "en" ? o.labelEn : o.label);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="max-w-prose text-zinc-700">{t("intro")}</p>
      </header>

      <section aria-labelledby="loc-cam-ket" className="card">
        <h2 id="loc-cam-ket" className="mb-3 text-lg font-semibold">
          {t("filters.title")}
        </h2>
        {/* A plain GET form: works without JavaScript, and the address can be shared. */}
        <form method="get" action="/cam-ket" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect id="f-phien" name="phien" label={t("filters.session")} anyLabel={t("filters.all")} value={filters.sessionId} options={options.sessions.map((o) => ({ value: o.id, label: `${formatDate(o.startsAt, locale)}: ${label(o)}` }))} />
          <FilterSelect id="f-don-vi" name="don_vi" label={t("filters.unit")} anyLabel={t("filters.all")} value={filters.unitId} options={options.units.map((u) => ({ value: u.id, label: label(u) }))} />
          <FilterSelect id="f-lanh-dao" name="lanh_dao" label={t("filters.leader")} anyLabel={t("filters.all")} value={filters.leaderId} options={options.leaders.map((l) => ({ value: l.id, label: label(l) }))} />
          <FilterSelect id="f-trang-thai" name="trang_thai" label={t("filters.status")} anyLabel={t("filters.all")} value={filters.status} options={COMMITMENT_STATUS_FILTERS.map((k) => ({ value: k, label: t(`status.${k}`) }))} />
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-4">
            <button type="submit" className="btn-primary">
              {t("filters.apply")}
            </button>
            {filtered && (
              <Link href="/cam-ket" className="underline underline-offset-4">
                {t("filters.reset")}
              </Link>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="so-lieu" className="space-y-3">
        <h2 id="so-lieu" className="text-lg font-semibold">
          {t("counts.title")}
        </h2>
        <CountsList counts={list.counts} locale={locale} />
      </section>

      <section aria-label={t("title")} className="space-y-4">
        {list.items.length === 0 ? (
          <p className="card">{t("empty")}</p>
        ) : (
          list.items.map((c) => <CommitmentCard key={c.id} c={c} locale={locale} href={`/cam-ket/${c.id}`} />)
        )}
        {list.truncated && <p className="text-zinc-700">{t("truncated", { count: COMMITMENT_LIST_LIMIT })}</p>}
      </section>
    </div>
  );
}
