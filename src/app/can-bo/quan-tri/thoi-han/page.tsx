import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { formatDate } from "@/lib/format";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listDeadlinePolicies, type PolicyTrackView } from "@/server/deadline-policies/list-deadline-policies";
import { isPolicyDone } from "./form-state";
import { VersionButtonForm, VersionForm } from "./forms";
import { formValues, periodText, VersionDetails } from "./version-details";

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const BADGE: Record<string, string> = {
  in_force: "border-green-700 text-green-900",
  future: "border-sky-700 text-sky-900",
  past: "border-zinc-500 text-zinc-700",
  unconfirmed: "border-amber-600 text-amber-900",
};

export default async function DeadlinePoliciesPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/quan-tri/thoi-han");
  if (!hasRole(viewer, "admin")) forbidden();
  const [db, raw, locale, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("deadlinePolicies")]);
  const tracks = await listDeadlinePolicies(db, viewer);
  const today = toLocalDate(new Date());
  const done = first(raw.xong);

  return (
    <ClientMessages namespaces={["deadlinePolicies"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="max-w-prose text-zinc-700">{t("intro")}</p>
        </header>
        {isPolicyDone(done) && (
          <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`done.${done}`)}
          </p>
        )}
        <nav aria-label={t("title")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {tracks.map((tr) => (
              <li key={tr.key}>
                <a href={`#loai-${tr.key}`} className="underline">
                  {t(`tracks.${tr.key}` as "tracks.petition")}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {tracks.map((tr) => (
          <TrackSection key={tr.key} track={tr} today={today} locale={locale} t={t} />
        ))}
      </div>
    </ClientMessages>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"deadlinePolicies">>>;

function TrackSection({ track, today, locale, t }: { track: PolicyTrackView; today: string; locale: string; t: T }) {
  const base = track.inForce ?? track.versions[0] ?? null;
  const addDefaults = base
    ? formValues(base, { id: "", effectiveFrom: today, effectiveTo: "", note: "", confirmed: "on" })
    : { kind: track.kind, instance: track.instance === null ? "" : String(track.instance), effectiveFrom: today, acceptanceUnit: "working_days", confirmed: "on" };
  return (
    <section id={`loai-${track.key}`} aria-labelledby={`loai-${track.key}-h`} className="card space-y-4">
      <h2 id={`loai-${track.key}-h`} className="text-xl font-semibold">
        {t(`tracks.${track.key}` as "tracks.petition")}
      </h2>
      <p>
        {track.inForce
          ? t("version.inForce", {
              summary: `${t("version.acceptance")} ${periodText(t, track.inForce.acceptance)}; ${t("version.resolution")} ${periodText(t, track.inForce.resolution)} (${t("version.from", { from: formatDate(track.inForce.effectiveFrom, locale) })})`,
            })
          : t("version.inForceNone")}
      </p>
      <ol className="space-y-6">
        {track.versions.map((v) => (
          <li key={v.id} id={`phien-ban-${v.id}`} className="space-y-3 border-t border-zinc-200 pt-3">
            <h3 className="font-semibold">
              {t("version.from", { from: formatDate(v.effectiveFrom, locale) })}{" "}
              <span className={`rounded border px-1 text-sm ${BADGE[v.status]}`}>{t(`status.${v.status}`)}</span>
            </h3>
            <VersionDetails v={v} t={t} locale={locale} />
            {v.status === "unconfirmed" && <VersionButtonForm op="confirm" id={v.id} track={track.key} from={formatDate(v.effectiveFrom, locale)} />}
            {v.changeable === "ok" ? (
              <div className="space-y-3">
                <VersionForm op="edit" track={track.key} defaults={formValues(v)} />
                <VersionButtonForm op="remove" id={v.id} track={track.key} />
              </div>
            ) : (
              <p className="text-sm text-zinc-700">{t(`version.locked.${v.changeable}`)}</p>
            )}
          </li>
        ))}
      </ol>
      <VersionForm op="add" track={track.key} defaults={addDefaults} />
    </section>
  );
}
