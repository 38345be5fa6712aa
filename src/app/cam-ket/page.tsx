import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { formatDate } from "@/lib/format";
import { COMMITMENT_LIST_LIMIT, COMMITMENT_STATUS_FILTERS, commitmentFilterOptions, listCommitments, parseCommitmentFilters } from "@/server/commitments/list-commitments";
import { CommitmentCard, CountsList } from "./commitment-parts";

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
          <div>
            <label htmlFor="f-phien" className="field-label">
              {t("filters.session")}
            </label>
            <select id="f-phien" name="phien" defaultValue={filters.sessionId ?? ""} className="field-input">
              <option value="">{t("filters.all")}</option>
              {options.sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${formatDate(s.startsAt, locale)}: ${label(s)}`}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-don-vi" className="field-label">
              {t("filters.unit")}
            </label>
            <select id="f-don-vi" name="don_vi" defaultValue={filters.unitId ?? ""} className="field-input">
              <option value="">{t("filters.all")}</option>
              {options.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {label(u)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-lanh-dao" className="field-label">
              {t("filters.leader")}
            </label>
            <select id="f-lanh-dao" name="lanh_dao" defaultValue={filters.leaderId ?? ""} className="field-input">
              <option value="">{t("filters.all")}</option>
              {options.leaders.map((l) => (
                <option key={l.id} value={l.id}>
                  {label(l)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-trang-thai" className="field-label">
              {t("filters.status")}
            </label>
            <select id="f-trang-thai" name="trang_thai" defaultValue={filters.status ?? ""} className="field-input">
              <option value="">{t("filters.all")}</option>
              {COMMITMENT_STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
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
