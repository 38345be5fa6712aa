import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import type { UnitRecord } from "@/server/records/get-unit-record";

const recordHref = (code: string) => `/thong-ke/don-vi/${encodeURIComponent(code)}`;

/** The unit's name, code, parent, and if it closed, the unit it was merged into (with a link to that unit's record). */
export async function UnitHeader({ unit, locale }: { unit: UnitRecord["unit"]; locale: "vi" | "en" }) {
  const [t, tReorg] = await Promise.all([getTranslations("records.unit"), getTranslations("reorganisation.record")]);
  const name = (u: { name: string; nameEn: string }) => (locale === "en" ? u.nameEn : u.name);
  return (
    <header className="space-y-3">
      <p className="text-sm font-semibold text-zinc-700">{t("eyebrow")}</p>
      <h1 className="text-2xl font-bold break-words sm:text-3xl">{name(unit)}</h1>
      <p className="text-sm text-zinc-700">{t("code", { code: unit.code })}</p>
      {unit.parent ? (
        <p>
          {t("parent")}{" "}
          <Link href={recordHref(unit.parent.code)} className="underline underline-offset-4">
            {name(unit.parent)}
          </Link>
        </p>
      ) : (
        <p className="text-zinc-700">{t("noParent")}</p>
      )}
      {unit.closedOn && (
        <div className="rounded-md border-2 border-amber-700 bg-amber-50 p-4 text-zinc-900">
          {unit.successor ? (
            <>
              <p>
                {unit.reorganisation
                  ? tReorg("mergedInto", { successor: name(unit.successor), date: formatDate(unit.reorganisation.effectiveOn, locale), decision: unit.reorganisation.decision })
                  : t("mergedInto", { successor: name(unit.successor), date: formatDate(unit.closedOn, locale) })}
              </p>
              <p className="mt-1">
                <Link href={recordHref(unit.successor.code)} className="font-semibold underline underline-offset-4">
                  {t("successorLink", { successor: name(unit.successor) })}
                </Link>
              </p>
            </>
          ) : (
            <p>{t("closed", { date: formatDate(unit.closedOn, locale) })}</p>
          )}
        </div>
      )}
      <p className="max-w-prose text-zinc-700">{t("intro")}</p>
    </header>
  );
}
