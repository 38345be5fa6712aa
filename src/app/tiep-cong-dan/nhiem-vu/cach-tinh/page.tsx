import type { Metadata } from "next";
import { ScrollRegion } from "@/components/scroll-region";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ruleSpans } from "@/domain/reception/duty";
import { POSITION_KINDS } from "@/domain/reception/vocabulary";
import { formatDate } from "@/lib/format";
import { loadDutyRules } from "@/server/reception/duty-rules";
import { ANCHORS, type AnchorName } from "../anchors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("duty.method");
  return { title: t("title") };
}

// Each figure's explanation, in the order a reader meets them; the anchors are what the figures link to.
const SECTIONS: { anchor: AnchorName; key: string }[] = [
  { anchor: "seat", key: "seat" },
  { anchor: "required", key: "required" },
  { anchor: "holidays", key: "holidays" },
  { anchor: "heldInPerson", key: "inPerson" },
  { anchor: "delegated", key: "delegated" },
  { anchor: "missed", key: "missed" },
  { anchor: "upcoming", key: "upcoming" },
  { anchor: "state", key: "state" },
  { anchor: "straddle", key: "straddle" },
  { anchor: "example", key: "example" },
  { anchor: "matters", key: "matters" },
  { anchor: "answered", key: "answered" },
  { anchor: "cases", key: "cases" },
  { anchor: "guided", key: "guided" },
  { anchor: "refused", key: "refused" },
  { anchor: "heads", key: "heads" },
  { anchor: "rank", key: "rank" },
];

export default async function DutyMethodPage() {
  const [db, localeRaw, t, tDuty] = await Promise.all([getDb(), getLocale(), getTranslations("duty.method"), getTranslations("duty")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const rules = await loadDutyRules(db);
  const section = (anchor: AnchorName, key: string) => (
    <section key={anchor} id={ANCHORS[anchor]} aria-labelledby={`${ANCHORS[anchor]}-h`} className="scroll-mt-4 space-y-2">
      <h2 id={`${ANCHORS[anchor]}-h`} className="text-lg font-semibold">
        {t(`${key}Title` as "seatTitle")}
      </h2>
      <p className="max-w-prose">{t(key as "seat")}</p>
    </section>
  );

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/tiep-cong-dan/nhiem-vu" className="underline underline-offset-4">
            {t("backToIndex")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="max-w-prose text-zinc-700">{t("intro")}</p>
      </header>
      <div className="card space-y-8">
        {section("seat", "seat")}
        <section id={ANCHORS.rules} aria-labelledby={`${ANCHORS.rules}-h`} className="scroll-mt-4 space-y-2">
          <h2 id={`${ANCHORS.rules}-h`} className="text-lg font-semibold">
            {t("rulesTitle")}
          </h2>
          <p className="max-w-prose">{t("rules")}</p>
          <ScrollRegion label={t("rulesTable")}>
            <table className="w-full min-w-[40rem] border-collapse">
              <thead className="border-b-2 border-zinc-300">
                <tr>
                  <th scope="col" className="px-2 py-2 text-left">{t("rulesKind")}</th>
                  <th scope="col" className="px-2 py-2 text-left">{t("rulesTimes")}</th>
                  <th scope="col" className="px-2 py-2 text-left">{t("rulesFrom")}</th>
                  <th scope="col" className="px-2 py-2 text-left">{tDuty("columns.basis")}</th>
                </tr>
              </thead>
              <tbody>
                {POSITION_KINDS.flatMap((kind) =>
                  ruleSpans(rules, kind).map((s) => (
                    <tr key={s.rule.id} className="border-b border-zinc-200 align-top">
                      <th scope="row" className="px-2 py-2 text-left font-normal">{tDuty(`kinds.${kind}`)}</th>
                      <td className="px-2 py-2">{tDuty(`per.${s.rule.per}`, { times: s.rule.times })}</td>
                      <td className="px-2 py-2">
                        {formatDate(s.from, locale)} {s.to ? t("rulesTo", { date: formatDate(s.to, locale) }) : t("rulesOpen")}
                      </td>
                      <td className="px-2 py-2">
                        {s.rule.legalBasis} {!s.rule.confirmed && <span className="text-zinc-700">{tDuty("unconfirmed")}</span>}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
        {SECTIONS.slice(1).map((s) => section(s.anchor, s.key))}
      </div>
    </div>
  );
}
