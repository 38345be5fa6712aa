import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CASE_KINDS, CASE_STATUSES, CHANNELS } from "@/domain/types";
import { formatDate, formatNumber } from "@/lib/format";
import { requireStaffPage } from "@/server/auth/require-staff";
import { inboxFilterOptions, listInbox, parseInboxFilters, type InboxFilters } from "@/server/workspace/list-inbox";
import { Pager } from "@/components/pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace.inbox"))("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The filters as URL parameters (Vietnamese names, like the rest of the site's addresses). */
function toQuery(f: InboxFilters, page?: number): string {
  const q = new URLSearchParams();
  if (f.q) q.set("q", f.q);
  if (f.kind) q.set("loai", f.kind);
  if (f.categoryId) q.set("linh-vuc", f.categoryId);
  if (f.areaId) q.set("dia-ban", f.areaId);
  if (f.unitId) q.set("don-vi", f.unitId);
  if (f.status && f.status !== "open") q.set("trang-thai", f.status);
  if (f.channel) q.set("kenh", f.channel);
  if (f.due) q.set("han", f.due);
  if (f.mine) q.set("cua-toi", "1");
  if (f.flagged) q.set("gan-co", "1");
  if (f.awaitingApproval) q.set("cho-duyet", "1");
  if (f.sort && f.sort !== "due") q.set("sap-xep", f.sort);
  if (page && page > 1) q.set("trang", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export default async function InboxPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo");
  const params = await searchParams;
  const filters = parseInboxFilters(params);
  const db = await getDb();
  const [t, tIntake, tStaff, tKinds, tStatus, locale, inbox, options, tDialogue, tCommitments, tReception] = await Promise.all([
    getTranslations("workspace"),
    getTranslations("intake.onBehalf"),
    getTranslations("staff"),
    getTranslations("kinds"),
    getTranslations("status"),
    getLocale(),
    listInbox(db, viewer, filters),
    inboxFilterOptions(db, viewer),
    getTranslations("dialogue.staff"),
    getTranslations("commitments"),
    getTranslations("reception"),
  ]);
  const transferred = params.xong === "transferred";
  const totals: [string, number, string][] = [
    [t("inbox.totalOpen"), inbox.totals.open, ""],
    [t("inbox.totalOverdue"), inbox.totals.overdue, toQuery({ due: "overdue" })],
    [t("inbox.totalDueSoon"), inbox.totals.dueSoon, toQuery({ due: "soon" })],
    [t("inbox.totalMine"), inbox.totals.mine, toQuery({ mine: true })],
    [t("inbox.totalFlagged"), inbox.totals.flagged, toQuery({ flagged: true })],
    [t("inbox.totalAwaitingApproval"), inbox.totals.awaitingApproval, toQuery({ awaitingApproval: true })],
  ];

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("inbox.title")}</h1>
      {transferred && (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
          {t("inbox.transferred")}
        </p>
      )}
      <p className="flex flex-wrap gap-3">
        {viewer.memberships.some((m) => m.role === "intake" || m.role === "leader") && (
          <Link href="/can-bo/tiep-nhan" className="btn-secondary inline-block">
            {tIntake("link")}
          </Link>
        )}
        <Link href="/can-bo/doi-thoai" className="btn-secondary inline-block">
          {tDialogue("workspaceLink")}
        </Link>
        <Link href="/can-bo/cam-ket" className="btn-secondary inline-block">
          {tCommitments("staff.title")}
        </Link>
        <Link href="/can-bo/tiep-cong-dan" className="btn-secondary inline-block">
          {tReception("workspaceLink")}
        </Link>
        {viewer.memberships.some((m) => m.role === "admin") && (
          <Link href="/can-bo/quan-tri" className="btn-secondary inline-block">
            {t("inbox.administration")}
          </Link>
        )}
      </p>
      <p className="text-sm text-zinc-700">
        {viewer.memberships.map((m) => `${locale === "en" ? m.unitNameEn : m.unitName}: ${tStaff(`roles.${m.role}`)}`).join(" · ")}
      </p>

      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {totals.map(([label, n, href]) => (
          <li key={label}>
            <Link href={`/can-bo${href}`} className={`card block hover:bg-zinc-50 ${label === t("inbox.totalOverdue") && n > 0 ? "border-red-300 bg-red-50" : ""}`}>
              <span className="block text-sm text-zinc-700">{label}</span>
              <span className={`block text-2xl font-bold ${label === t("inbox.totalOverdue") && n > 0 ? "text-red-800" : ""}`}>{formatNumber(n, locale)}</span>
            </Link>
          </li>
        ))}
      </ul>

      <form method="get" action="/can-bo" className="card space-y-4" aria-labelledby="filters-title">
        <h2 id="filters-title" className="text-lg font-semibold">
          {t("inbox.filtersTitle")}
        </h2>
        <div>
          <label htmlFor="f-q" className="field-label">
            {t("inbox.search")}
          </label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} className="field-input" aria-describedby="f-q-hint" />
          <p id="f-q-hint" className="field-hint">
            {t("inbox.searchHint")}
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Choice id="f-kind" name="loai" label={t("inbox.kind")} value={filters.kind} any={t("inbox.any")} options={CASE_KINDS.map((k) => [k, tKinds(`${k}.name`)])} />
          <Choice
            id="f-status"
            name="trang-thai"
            label={t("inbox.status")}
            value={filters.status === "open" ? "" : filters.status}
            any={t("inbox.statusOpen")}
            options={[["all", t("inbox.statusAll")], ...CASE_STATUSES.map((s) => [s, tStatus(s)] as [string, string])]}
          />
          <Choice id="f-due" name="han" label={t("inbox.due")} value={filters.due} any={t("inbox.any")} options={[["soon", t("inbox.dueSoon")], ["overdue", t("inbox.dueOverdue")]]} />
          <Choice id="f-channel" name="kenh" label={t("inbox.channel")} value={filters.channel} any={t("inbox.any")} options={CHANNELS.map((c) => [c, t(`channels.${c}`)])} />
          <Choice
            id="f-category"
            name="linh-vuc"
            label={t("inbox.category")}
            value={filters.categoryId}
            any={t("inbox.any")}
            options={options.categories.map((c) => [c.id, locale === "en" ? c.nameEn : c.nameVi])}
          />
          <Choice id="f-area" name="dia-ban" label={t("inbox.area")} value={filters.areaId} any={t("inbox.any")} options={options.areas.map((a) => [a.id, a.name])} />
          {options.units.length > 1 && (
            <Choice
              id="f-unit"
              name="don-vi"
              label={t("inbox.unit")}
              value={filters.unitId}
              any={t("inbox.any")}
              options={options.units.map((u) => [u.id, locale === "en" ? u.nameEn : u.name])}
            />
          )}
          <Choice id="f-sort" name="sap-xep" label={t("inbox.sort")} value={filters.sort === "due" ? "" : filters.sort} any={t("inbox.sortDue")} options={[["newest", t("inbox.sortNewest")]]} />
        </div>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="cua-toi" value="1" defaultChecked={filters.mine} className="size-5" />
            {t("inbox.mine")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="gan-co" value="1" defaultChecked={filters.flagged} className="size-5" />
            {t("inbox.flagged")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="cho-duyet" value="1" defaultChecked={filters.awaitingApproval} className="size-5" />
            {t("inbox.awaitingApproval")}
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary">
            {t("inbox.apply")}
          </button>
          <Link href="/can-bo" className="underline underline-offset-4">
            {t("inbox.reset")}
          </Link>
        </div>
      </form>

      <section aria-labelledby="cases-title" className="space-y-3">
        <h2 id="cases-title" className="text-xl font-semibold">
          {t("inbox.results", { count: inbox.total })}
        </h2>
        {inbox.rows.length === 0 ? (
          <p>{t("inbox.none")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-zinc-100">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("inbox.colCode")}</th>
                  <th scope="col" className="px-3 py-2">{t("inbox.colTitle")}</th>
                  <th scope="col" className="px-3 py-2">{t("inbox.colKind")}</th>
                  <th scope="col" className="px-3 py-2">{t("inbox.colStatus")}</th>
                  <th scope="col" className="px-3 py-2">{t("inbox.colUnit")}</th>
                  <th scope="col" className="px-3 py-2">{t("inbox.colAssignee")}</th>
                  <th scope="col" className="px-3 py-2">{t("inbox.colDue")}</th>
                </tr>
              </thead>
              <tbody>
                {inbox.rows.map((row) => (
                  <tr key={row.id} className="border-t border-zinc-200 align-top">
                    <td className="px-3 py-2 font-mono whitespace-nowrap">
                      <Link className="underline underline-offset-4" href={`/can-bo/ho-so/${row.code}`}>
                        {row.code}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      {row.title}
                      {(row.flagged || row.draftStatus === "submitted") && (
                        <span className="mt-1 flex flex-wrap gap-1">
                          {row.flagged && <span className="rounded bg-amber-200 px-1.5 text-xs text-amber-950">{t("inbox.flaggedBadge")}</span>}
                          {row.draftStatus === "submitted" && <span className="rounded bg-blue-100 px-1.5 text-xs text-blue-900">{t("inbox.draftWaiting")}</span>}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2">{tKinds(`${row.kind}.name`)}</td>
                    <td className="px-3 py-2">{tStatus(row.status)}</td>
                    <td className="px-3 py-2">{locale === "en" ? row.unitNameEn : row.unitName}</td>
                    <td className="px-3 py-2">{row.assigneeName ?? row.assigneeEmail ?? <span className="text-zinc-600">{t("inbox.unassigned")}</span>}</td>
                    <td className={`px-3 py-2 whitespace-nowrap ${row.overdue ? "font-semibold text-red-800" : ""}`}>
                      {row.dueOn ? formatDate(row.dueOn, locale) : "–"}
                      {row.overdue && ` · ${t("inbox.overdue")}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={inbox.page} pages={inbox.pages} label={t("inbox.pageOf", { page: inbox.page, pages: inbox.pages })} previous={t("inbox.previous")} next={t("inbox.next")} href={(p) => `/can-bo${toQuery(filters, p)}`} />
      </section>
    </div>
  );
}

function Choice(props: { id: string; name: string; label: string; value: string | undefined; any: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={props.id} className="field-label">
        {props.label}
      </label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""} className="field-input">
        <option value="">{props.any}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
