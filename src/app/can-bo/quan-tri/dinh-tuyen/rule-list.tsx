import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ListedRule } from "@/server/routing-rules/list-routing-rules";
import { RuleRowForms } from "./row-forms";

type Props = { rules: ListedRule[]; locale: "vi" | "en" };

/** The rules in try order, as a list (it wraps on a phone), each with its firing count and its small forms. */
export async function RuleList({ rules, locale }: Props) {
  const t = await getTranslations("routingRules");
  const any = t("any");
  const name = (n: { vi: string; en: string } | null) => (n ? n[locale] : any);
  if (rules.length === 0) return <p>{t("list.empty")}</p>;
  return (
    <ol className="space-y-4">
      {rules.map((r) => (
        <li key={r.id} id={`quy-tac-${r.id}`} className={`space-y-2 border-t border-zinc-200 pt-3 ${r.active ? "" : "text-zinc-600"}`}>
          <h3 className="font-semibold">
            {t("list.position", { n: r.position })}: {r.kind ? t(`kinds.${r.kind}`) : any} → {name(r.unit)}
            {r.unit.closed && ` (${t("list.closedUnit")})`}
            {!r.active && <span className="ml-2 rounded border border-zinc-500 px-1 text-sm">{t("list.inactive")}</span>}
          </h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="font-semibold">{t("list.category")}</dt>
            <dd>{name(r.category)}</dd>
            <dt className="font-semibold">{t("list.area")}</dt>
            <dd>{name(r.area)}</dd>
            <dt className="font-semibold">{t("list.subject")}</dt>
            <dd>{name(r.subjectUnit)}</dd>
            <dt className="font-semibold">{t("list.priority")}</dt>
            <dd>{r.priority}</dd>
            {r.note && (
              <>
                <dt className="font-semibold">{t("list.note")}</dt>
                <dd className="break-words">{r.note}</dd>
              </>
            )}
          </dl>
          <p className={r.fired === 0 ? "font-semibold text-amber-900" : undefined}>{r.fired === 0 ? t("list.neverFired") : t("list.fired", { count: r.fired })}</p>
          <div className="flex flex-wrap items-start gap-3">
            <Link href={`?sua=${r.id}#sua`} className="btn-secondary">
              {t("list.edit", { n: r.position })}
            </Link>
            <RuleRowForms id={r.id} position={r.position} active={r.active} canMoveUp={r.canMoveUp} canMoveDown={r.canMoveDown} />
          </div>
        </li>
      ))}
    </ol>
  );
}
