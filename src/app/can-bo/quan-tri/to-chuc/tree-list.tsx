import Link from "next/link";
import type { Branch } from "@/domain/organisation/changes";
import { formatDate } from "@/lib/format";
import type { AreaNode, UnitNode } from "@/server/organisation/get-organisation";
import { nodeName, type Locale, type T } from "./field-specs";

type Ctx = { t: T; locale: Locale; today: string; areaNames: Map<string, string>; unitNames: Map<string, string> };

const isUnit = (n: AreaNode | UnitNode): n is UnitNode => "areaId" in n;

/** One node's line: names, code, kind, validity, and what else the admin needs to see at a glance. */
function NodeLine({ node, ctx }: { node: AreaNode | UnitNode; ctx: Ctx }) {
  const { t, locale, today } = ctx;
  const unit = isUnit(node);
  const other = locale === "en" ? node.name : node.nameEn;
  const validity = node.validTo
    ? t("node.validFromTo", { from: formatDate(node.validFrom, locale), to: formatDate(node.validTo, locale) })
    : t("node.validFrom", { from: formatDate(node.validFrom, locale) });
  const anchor = `${unit ? "dv" : "db"}-${node.id}`;
  return (
    <div id={anchor} className="min-w-0 py-1">
      <p className="break-words">
        <span className="font-semibold">{nodeName(node, locale)}</span> <code className="rounded bg-zinc-100 px-1 text-sm">{node.code}</code>
        {other && other !== nodeName(node, locale) && <span className="text-zinc-700"> · {other}</span>}
      </p>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-700">
        <span>{unit ? t(`unitKinds.${node.kind}`) : t(`areaKinds.${node.kind}`)}</span>
        <span>· {validity}</span>
        {node.validFrom > today && <span className="rounded border border-amber-600 px-1 text-amber-900">{t("node.future")}</span>}
        {!unit && node.remote && <span className="rounded border border-amber-600 px-1 text-amber-900">{t("node.remote")}</span>}
        {unit && <span>· {node.areaId ? t("node.area", { area: ctx.areaNames.get(node.areaId) ?? "?" }) : t("node.noArea")}</span>}
        {unit && node.successorId && <span>· {t("node.successor", { unit: ctx.unitNames.get(node.successorId) ?? "?" })}</span>}
        <Link href={`?${unit ? "don-vi" : "dia-ban"}=${node.id}#sua`} className="font-semibold text-blue-800 underline underline-offset-4" aria-label={t("node.editLabel", { name: nodeName(node, locale) })}>
          {t("node.edit")}
        </Link>
      </p>
    </div>
  );
}

function Branches<N extends AreaNode | UnitNode>({ branches, ctx, top = false }: { branches: Branch<N>[]; ctx: Ctx; top?: boolean }) {
  return (
    <ul className={top ? "space-y-1" : "space-y-1 border-l-2 border-zinc-200 pl-3 sm:pl-5"}>
      {branches.map((b) => (
        <li key={b.node.id}>
          <NodeLine node={b.node} ctx={ctx} />
          {b.children.length > 0 && <Branches branches={b.children} ctx={ctx} />}
        </li>
      ))}
    </ul>
  );
}

/** A tree as an indented list (nested lists: screen readers announce each level), the closed nodes apart below. */
export function TreeSection<N extends AreaNode | UnitNode>({ id, title, open, closed, ctx, labels }: { id: string; title: string; open: Branch<N>[]; closed: N[]; ctx: Ctx; labels: { open: string; closed: string; none: string; closedNone: string } }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="card space-y-4">
      <h2 id={`${id}-h`} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="space-y-2">
        <h3 className="font-semibold">{labels.open}</h3>
        {open.length === 0 ? <p>{labels.none}</p> : <Branches branches={open} ctx={ctx} top />}
      </div>
      <details className="space-y-2">
        <summary className="cursor-pointer font-semibold">
          {labels.closed} ({closed.length})
        </summary>
        {closed.length === 0 ? (
          <p>{labels.closedNone}</p>
        ) : (
          <ul className="space-y-1">
            {closed.map((n) => (
              <li key={n.id}>
                <NodeLine node={n} ctx={ctx} />
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}

export type { Ctx as TreeContext };
