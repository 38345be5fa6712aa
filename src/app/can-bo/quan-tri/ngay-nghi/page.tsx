import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { formatDate } from "@/lib/format";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getHolidayYear } from "@/server/holidays/get-holiday-year";
import { isHolidayDone } from "./form-state";
import { HolidayEntryForm, PrefillForm, RemoveHolidayForm } from "./forms";

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function pickYear(raw: string | undefined, today: string): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : Number(today.slice(0, 4));
}

export default async function HolidaysAdminPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/quan-tri/ngay-nghi");
  if (!hasRole(viewer, "admin")) forbidden();
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("holidays")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const year = pickYear(first(raw.nam), toLocalDate(new Date()));
  const done = first(raw.xong);
  const entries = await getHolidayYear(db, viewer, year);

  // Its forms are client components (pending state, errors by field): they get this namespace's words.
  return (
    <ClientMessages namespaces={["holidays"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="max-w-prose text-zinc-700">{t("intro")}</p>
        </header>
        {isHolidayDone(done) && (
          <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`done.${done}`, { count: Number(first(raw.so) ?? 0) || 0 })}
          </p>
        )}

        <form method="get" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="nam" className="field-label">
              {t("year.label")}
            </label>
            <input id="nam" name="nam" type="number" min={2000} max={2100} defaultValue={year} className="field-input w-32" />
          </div>
          <button type="submit" className="btn-secondary">
            {t("year.show")}
          </button>
        </form>

        <section id="lich" aria-labelledby="lich-h" className="card space-y-4">
          <h2 id="lich-h" className="text-xl font-semibold">
            {t("list.title", { year })}
          </h2>
          {entries.length === 0 && <p>{t("list.empty")}</p>}
          <ul className="space-y-6">
            {entries.map((e) => (
              <li key={e.date} id={`ngay-${e.date}`} className="space-y-3 border-t border-zinc-200 pt-3">
                <h3 className="font-semibold">
                  {formatDate(e.date, locale)} · {t(`kinds.${e.kind}`)} · {e.name}{" "}
                  <span className={e.confirmed ? "rounded border border-green-700 px-1 text-sm text-green-900" : "rounded border border-amber-600 px-1 text-sm text-amber-900"}>
                    {e.confirmed ? t("list.confirmed") : t("list.unconfirmed")}
                  </span>
                </h3>
                <HolidayEntryForm op="edit" defaults={{ date: e.date, kind: e.kind, name: e.name, confirmed: e.confirmed ? "on" : "" }} />
                <RemoveHolidayForm date={e.date} />
              </li>
            ))}
          </ul>
        </section>

        <section id="them" aria-labelledby="them-h" className="card space-y-4">
          <h2 id="them-h" className="text-xl font-semibold">
            {t("add.title")}
          </h2>
          <HolidayEntryForm op="add" defaults={{ kind: "holiday", confirmed: "on" }} />
        </section>

        <section id="dien-san" aria-labelledby="dien-san-h" className="card space-y-4">
          <h2 id="dien-san-h" className="text-xl font-semibold">
            {t("prefill.title", { year })}
          </h2>
          <p className="max-w-prose text-zinc-700">{t("prefill.note")}</p>
          <PrefillForm year={year} />
        </section>
      </div>
    </ClientMessages>
  );
}
