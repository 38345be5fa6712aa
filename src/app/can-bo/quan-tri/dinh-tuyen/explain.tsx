"use client";

// Says in the user's language what the router did with a sample case, and why the rule-set check refused a change.
import { useLocale, useTranslations } from "next-intl";
import type { RoutingDecision, RoutingError, RoutingStep } from "@/domain/routing";
import type { RuleSetProblem } from "@/domain/routing-rules/check";
import { formatDate } from "@/lib/format";
import type { Labels } from "@/server/routing-rules/rule-set";
import type { TryResult } from "@/server/routing-rules/try-routing-rules";

type T = ReturnType<typeof useTranslations<"routingRules">>;
type Name = (id: string | null | undefined) => string;

function useNamer(labels: Labels): Name {
  const t = useTranslations("routingRules");
  const locale = useLocale() === "en" ? "en" : "vi";
  return (id) => (id ? (labels[id]?.[locale] ?? (id.startsWith("new-") ? t("tester.newRule") : id)) : t("any"));
}

function stepText(t: T, s: RoutingStep, name: Name, locale: string): string {
  switch (s.step) {
    case "area_chain":
      return t("steps.area_chain", { areas: s.areaIds.map(name).join(" › ") });
    case "unit_expired":
      return s.successorId
        ? t("steps.unit_expired", { unit: name(s.unitId), date: formatDate(s.validTo, locale), successor: name(s.successorId) })
        : t("steps.unit_expired_alone", { unit: name(s.unitId), date: formatDate(s.validTo, locale) });
    case "rule_inactive":
      return t("steps.rule_inactive", { rule: name(s.ruleId) });
    case "rule_unit_invalid":
      return t("steps.rule_unit_invalid", { rule: name(s.ruleId), unit: name(s.unitId), date: formatDate(s.today, locale) });
    case "rule_fired":
      return t("steps.rule_fired", { rule: name(s.ruleId), unit: name(s.unitId) });
    case "no_rule":
    case "no_reception_board":
      return t(`steps.${s.step}`);
    case "commune_fallback":
    case "province_fallback":
      return t(`steps.${s.step}`, { unit: name(s.unitId), area: name(s.areaId) });
    case "no_peoples_committee":
      return t("steps.no_peoples_committee", { area: name(s.areaId) });
    default:
      return t(`steps.${s.step}`, { unit: name(s.unitId) });
  }
}

function Outcome({ title, result, name }: { title: string; result: RoutingDecision | RoutingError; name: Name }) {
  const t = useTranslations("routingRules");
  const locale = useLocale();
  return (
    <div className="space-y-2">
      <h4 className="font-semibold">{title}</h4>
      {"error" in result ? (
        <p className="font-semibold text-red-900">{t("tester.noUnit")}</p>
      ) : (
        <>
          <p className="font-semibold">{t("tester.goesTo", { unit: name(result.unitId) })}</p>
          <p>
            {result.reason === "rule"
              ? t("tester.byRule", { rule: name(result.ruleId) })
              : result.reason === "commune_fallback"
                ? t("tester.byCommune")
                : result.reason === "province_fallback"
                  ? t("tester.byProvince")
                  : t("tester.byGuard")}
          </p>
        </>
      )}
      <details>
        <summary className="cursor-pointer">{t("tester.trail")}</summary>
        <ol className="list-decimal space-y-1 pl-5">
          {result.steps.map((s, i) => (
            <li key={i}>{stepText(t, s, name, locale)}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}

export function ProblemList({ problems, total, labels }: { problems: RuleSetProblem[]; total: number; labels: Labels }) {
  const t = useTranslations("routingRules");
  const name = useNamer(labels);
  // One line per (kind, area, body): the fields of a pair only repeat the same gap.
  const seen = new Set<string>();
  const lines = problems.flatMap((p) => {
    if (p.problem === "to_denounced_body") return [t("refused.to_denounced_body", { subject: name(p.subjectUnitId), unit: name(p.unitId) })];
    const key = `${p.kind}|${p.areaId}|${p.denouncedUnitId}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const kind = t(`kinds.${p.kind}`);
    return [p.denouncedUnitId ? t("refused.unroutedAbout", { kind, subject: name(p.denouncedUnitId), area: name(p.areaId) }) : t("refused.unrouted", { kind, area: name(p.areaId) })];
  });
  return (
    <>
      <ul className="list-disc space-y-1 pl-5">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {total > problems.length && <p>{t("refused.more", { count: total - problems.length })}</p>}
    </>
  );
}

export function Refusal({ refusal }: { refusal: { problems: RuleSetProblem[]; total: number; labels: Labels } }) {
  const t = useTranslations("routingRules");
  return (
    <div role="alert" className="space-y-2 rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">{t("refused.title")}</p>
      <ProblemList {...refusal} />
      <p>{t("refused.fix")}</p>
    </div>
  );
}

export function TryOutcome({ tried }: { tried: TryResult }) {
  const t = useTranslations("routingRules");
  const name = useNamer(tried.labels);
  return (
    <div role="status" className="space-y-3 rounded-md border-2 border-sky-700 bg-sky-50 p-3 text-sky-950">
      <h3 className="font-semibold">{t("tester.result")}</h3>
      <Outcome title={t("tester.current")} result={tried.current} name={name} />
      {tried.proposed && (
        <>
          <Outcome title={t("tester.proposed")} result={tried.proposed} name={name} />
          {tried.problems.length === 0 ? (
            <p className="font-semibold">{t("tester.canSave")}</p>
          ) : (
            <div className="space-y-2 text-red-900">
              <p className="font-semibold">{t("refused.title")}</p>
              <ProblemList problems={tried.problems} total={tried.problems.length} labels={tried.labels} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
