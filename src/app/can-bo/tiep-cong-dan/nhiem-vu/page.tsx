import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { formatDate } from "@/lib/format";
import { requireStaffPage } from "@/server/auth/require-staff";
import { mayManageDuty } from "@/domain/reception/permissions";
import { getDutyAdmin } from "@/server/reception/duty-admin/get-duty-admin";
import { holderFields, positionDefaults, positionFields, ruleFields } from "./field-specs";
import { isDutyAdminDone } from "./form-state";
import { DutyAdminForm } from "./forms";

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DutyAdminPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/tiep-cong-dan/nhiem-vu");
  if (!mayManageDuty(viewer.memberships.map((m) => m.role))) forbidden();
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("duty")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const done = Array.isArray(raw.xong) ? raw.xong[0] : raw.xong;
  const view = await getDutyAdmin(db, viewer);
  const d = (date: string) => formatDate(date, locale);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("admin.title")}</h1>
        <p className="max-w-prose text-zinc-700">{t("admin.intro")}</p>
        <p>
          <Link href="/tiep-cong-dan/nhiem-vu" className="underline underline-offset-4">
            {t("admin.publicLink")}
          </Link>
        </p>
      </header>
      {isDutyAdminDone(done) && (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
          {t(`admin.done.${done}`)}
        </p>
      )}

      <section id="quy-dinh" aria-labelledby="quy-dinh-h" className="card space-y-4">
        <h2 id="quy-dinh-h" className="text-xl font-semibold">
          {t("admin.rules.title")}
        </h2>
        <p className="max-w-prose text-zinc-700">{t("admin.rules.note")}</p>
        {view.rulesByKind.map(({ kind, versions }) => (
          <div key={kind} className="space-y-2 border-t border-zinc-200 pt-3">
            <h3 className="font-semibold">{t(`kinds.${kind}`)}</h3>
            <ul className="space-y-3">
              {versions.map(({ rule, from, to, inForce }) => (
                <li key={rule.id} className="space-y-1">
                  <p>
                    <span className="font-semibold">{t(`per.${rule.per}`, { times: rule.times })}</span> · {to ? t("admin.rules.fromTo", { from: d(from), to: d(to) }) : t("admin.rules.from", { from: d(from) })}
                    {inForce && <span className="ml-2 rounded border border-green-700 px-1 text-sm text-green-900">{t("admin.rules.inForce")}</span>}
                    {!rule.confirmed && <span className="ml-2 rounded border border-amber-600 px-1 text-sm text-amber-900">{t("admin.rules.unconfirmed")}</span>}
                  </p>
                  <p className="text-sm text-zinc-700">{rule.legalBasis}</p>
                  {!rule.confirmed && <DutyAdminForm op="confirm_rule" hidden={{ ruleId: rule.id }} fields={[]} submit={t("admin.rules.confirm")} secondary />}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <details className="border-t border-zinc-200 pt-3">
          <summary className="cursor-pointer font-semibold">{t("admin.rules.addTitle")}</summary>
          <div className="mt-3">
            <DutyAdminForm op="add_rule" fields={ruleFields(t)} defaults={{ per: "month", times: "1", confirmed: "on" }} submit={t("admin.rules.addTitle")} />
          </div>
        </details>
      </section>

      <section id="vi-tri" aria-labelledby="vi-tri-h" className="space-y-4">
        <h2 id="vi-tri-h" className="text-xl font-semibold">
          {t("admin.positions.title")}
        </h2>
        {view.positions.length === 0 && <p className="card">{t("admin.positions.none")}</p>}
        {view.positions.map((p) => (
          <article key={p.row.id} id={`vt-${p.row.id}`} aria-labelledby={`vt-${p.row.id}-h`} className="card space-y-3">
            <h3 id={`vt-${p.row.id}-h`} className="text-lg font-semibold">
              <Link href={`/tiep-cong-dan/nhiem-vu/${p.row.id}`} className="underline underline-offset-4">
                {locale === "en" ? p.row.titleEn : p.row.title}
              </Link>
              {!p.row.active && <span className="ml-2 text-sm font-normal text-zinc-700">({t("admin.positions.inactive")})</span>}
            </h3>
            <p className="text-zinc-700">
              {t(`kinds.${p.row.kind}`)} · {locale === "en" ? p.unitNameEn : p.unitName} · {t("admin.positions.office", { office: locale === "en" ? p.officeNameEn : p.officeName })}
            </p>
            <div>
              <h4 className="font-semibold">{t("admin.positions.holdersTitle")}</h4>
              {p.holders.length === 0 ? (
                <p>{t("admin.positions.noHolders")}</p>
              ) : (
                <ul className="list-disc pl-6">
                  {p.holders.map((h) => (
                    <li key={h.id}>
                      {h.toDate
                        ? t("admin.positions.holderFromTo", { name: h.name ?? h.email, from: d(h.fromDate), to: d(h.toDate) })
                        : t("admin.positions.holderFrom", { name: h.name ?? h.email, from: d(h.fromDate) })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <details>
              <summary className="cursor-pointer font-semibold">{t("admin.positions.assignTitle")}</summary>
              <div className="mt-3">
                <DutyAdminForm op="assign_holder" hidden={{ positionId: p.row.id }} fields={holderFields(t, view)} submit={t("admin.positions.assign")} />
              </div>
            </details>
            <details>
              <summary className="cursor-pointer font-semibold">{t("admin.positions.edit")}</summary>
              <div className="mt-3">
                <DutyAdminForm
                  op="save_position"
                  hidden={{ positionId: p.row.id, version: p.row.updatedAt.toISOString() }}
                  fields={positionFields(t, view, locale)}
                  defaults={positionDefaults(p.row)}
                  submit={t("admin.positions.save")}
                />
              </div>
            </details>
          </article>
        ))}
        <details className="card">
          <summary className="cursor-pointer font-semibold">{t("admin.positions.addTitle")}</summary>
          <div className="mt-3">
            <DutyAdminForm
              op="save_position"
              fields={positionFields(t, view, locale)}
              defaults={{ daysOfMonth: "15", weekday: "2", startTime: "07:30", endTime: "11:00", active: "on" }}
              submit={t("admin.positions.create")}
            />
          </div>
        </details>
      </section>
    </div>
  );
}
