// A version's numbers, as a list of terms: every period with its day counting, extensions, progress updates, the
// pause rule, the legal basis and the note.
import type { getTranslations } from "next-intl/server";
import type { DeadlinePolicy, Period } from "@/domain/deadlines";
import { formatDate } from "@/lib/format";
import type { PolicyVersionView } from "@/server/deadline-policies/list-deadline-policies";

type T = Awaited<ReturnType<typeof getTranslations<"deadlinePolicies">>>;

export function periodText(t: T, p: Period | null): string {
  return p === null ? t("version.none") : t(`period.${p.unit}`, { amount: p.amount });
}

/** The form's values for a version (strings, as posted). */
export function formValues(p: DeadlinePolicy, over: Record<string, string> = {}): Record<string, string> {
  return {
    id: p.id,
    kind: p.kind,
    instance: p.instance === null ? "" : String(p.instance),
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo ?? "",
    acceptanceAmount: String(p.acceptance.amount),
    acceptanceUnit: p.acceptance.unit,
    resolutionAmount: p.resolution ? String(p.resolution.amount) : "",
    resolutionUnit: p.resolution?.unit ?? "days",
    remoteResolutionAmount: p.remoteResolution ? String(p.remoteResolution.amount) : "",
    remoteResolutionUnit: p.remoteResolution?.unit ?? "days",
    extensionMaxCount: p.extension ? String(p.extension.maxCount) : "",
    extensionMaxDays: p.extension ? String(p.extension.maxDaysEach) : "",
    progressUpdateEveryDays: p.progressUpdateEveryDays === null ? "" : String(p.progressUpdateEveryDays),
    pausesOnInfoRequest: p.pausesOnInfoRequest ? "on" : "",
    legalBasis: p.legalBasis,
    note: p.note ?? "",
    confirmed: p.confirmed === false ? "" : "on",
    ...over,
  };
}

export function VersionDetails({ v, t, locale }: { v: PolicyVersionView; t: T; locale: string }) {
  const rows: [string, string][] = [
    [t("version.acceptance"), periodText(t, v.acceptance)],
    [t("version.resolution"), periodText(t, v.resolution)],
    [t("version.remote"), v.remoteResolution ? periodText(t, v.remoteResolution) : t("version.sameAsNormal")],
    [t("version.extension"), v.extension && v.extension.maxCount > 0 ? t("version.extensionValue", { count: v.extension.maxCount, days: v.extension.maxDaysEach }) : t("version.noExtension")],
    [t("version.progress"), v.progressUpdateEveryDays === null ? t("version.none") : t("version.progressValue", { days: v.progressUpdateEveryDays })],
    [t("version.pause"), v.pausesOnInfoRequest ? t("version.pauses") : t("version.noPause")],
    [t("version.legalBasis"), v.legalBasis],
  ];
  if (v.note) rows.push([t("version.note"), v.note]);
  return (
    <div className="space-y-2">
      <p>
        {v.effectiveTo
          ? t("version.range", { from: formatDate(v.effectiveFrom, locale), to: formatDate(v.effectiveTo, locale) })
          : t("version.rangeOpen", { from: formatDate(v.effectiveFrom, locale) })}
        {" · "}
        {t("version.cases", { count: v.caseCount })}
      </p>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(0,14rem)_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd className="mb-2 break-words sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
