import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { formatDate, formatDateTime } from "@/lib/format";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listReorganisations, type ReorganisationItem } from "@/server/reorganisation/list-reorganisations";
import { isReorganisationDone } from "./form-state";
import { PlanForm, PlannedActions } from "./forms";

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const STATUS_STYLE: Record<ReorganisationItem["status"], string> = {
  planned: "border-amber-600 text-amber-900",
  applied: "border-green-700 text-green-900",
  cancelled: "border-zinc-500 text-zinc-700",
};

export default async function ReorganisationsPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/quan-tri/sap-xep");
  if (!hasRole(viewer, "admin")) forbidden();
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("reorganisation")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const done = first(raw.xong);
  const { items, units } = await listReorganisations(db, viewer);
  const name = (u: { name: string; nameEn: string }) => (locale === "en" ? u.nameEn : u.name);
  const options = units.map((u) => ({ id: u.id, label: `${name(u)} (${u.code})` }));

  return (
    <ClientMessages namespaces={["reorganisation"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="max-w-prose text-zinc-700">{t("intro")}</p>
          <p className="max-w-prose text-sm text-zinc-700">{t("statsNote")}</p>
        </header>
        {isReorganisationDone(done) && (
          <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`done.${done}`, { count: Number(first(raw.so) ?? 0) || 0 })}
          </p>
        )}

        <section id="danh-sach" aria-labelledby="danh-sach-h" className="card space-y-4">
          <h2 id="danh-sach-h" className="text-xl font-semibold">
            {t("list.title")}
          </h2>
          {items.length === 0 && <p>{t("list.empty")}</p>}
          <ul className="space-y-6">
            {items.map((r) => (
              <li key={r.id} id={`sap-xep-${r.id}`} className="space-y-2 border-t border-zinc-200 pt-3">
                <h3 className="font-semibold break-words">
                  {t("list.heading", { decision: r.decision, date: formatDate(r.effectiveOn, locale) })}{" "}
                  <span className={`rounded border px-1 text-sm ${STATUS_STYLE[r.status]}`}>{t(`list.${r.status}`)}</span>
                </h3>
                <p className="break-words">{t("list.oldUnits", { units: r.oldUnits.map(name).join("; ") })}</p>
                <p className="break-words">{t("list.successor", { unit: r.successor ? name(r.successor) : "?" })}</p>
                {r.status === "planned" && !r.due && <p className="text-zinc-700">{t("list.waiting", { date: formatDate(r.effectiveOn, locale) })}</p>}
                {r.status === "applied" && r.appliedAt && (
                  <p className="text-zinc-700">
                    {t("list.appliedOn", { time: formatDateTime(r.appliedAt, locale) })} {r.appliedByScheduler && t("list.bySystem")}
                  </p>
                )}
                {r.status === "applied" && r.moved && (
                  <p>
                    {t("list.moved", {
                      cases: r.moved.cases ?? 0,
                      commitments: r.moved.commitments ?? 0,
                      sessions: r.moved.sessions ?? 0,
                      memberships: r.moved.memberships ?? 0,
                      rules: r.moved.rules ?? 0,
                      childUnits: r.moved.childUnits ?? 0,
                      receptionPositions: r.moved.receptionPositions ?? 0,
                      receptionDays: r.moved.receptionDays ?? 0,
                    })}
                  </p>
                )}
                {r.status === "planned" && <PlannedActions id={r.id} due={r.due} />}
              </li>
            ))}
          </ul>
        </section>

        <section id="lap" aria-labelledby="lap-h" className="card space-y-4">
          <h2 id="lap-h" className="text-xl font-semibold">
            {t("new.title")}
          </h2>
          <p className="max-w-prose text-zinc-700">{t("new.note")}</p>
          <PlanForm units={options} />
        </section>
      </div>
    </ClientMessages>
  );
}
