import Link from "next/link";
import { nodeState } from "@/domain/organisation/changes";
import type { AreaNode, OrganisationView, UnitNode } from "@/server/organisation/get-organisation";
import { closeFields, moveFields, nodeName, remoteFields, renameFields, unitAreaFields, type Locale, type T } from "./field-specs";
import { OrgForm } from "./forms";

type Props = { entity: "area" | "unit"; node: AreaNode | UnitNode; view: OrganisationView; t: T; locale: Locale };

/** The changes one node can take, each its own small form: rename, move, area or remote flag, close. */
export function NodeEditor({ entity, node, view, t, locale }: Props) {
  const hidden = { entity, id: node.id };
  const closed = nodeState(node, view.today) === "closed";
  const name = nodeName(node, locale);
  return (
    <section id="sua" aria-labelledby="sua-h" className="card space-y-6">
      <header className="space-y-1">
        <h2 id="sua-h" className="text-xl font-semibold break-words">
          {t(entity === "area" ? "editor.titleArea" : "editor.titleUnit", { name })} <code className="rounded bg-zinc-100 px-1 text-base">{node.code}</code>
        </h2>
        {closed && <p className="text-zinc-700">{t("editor.closedNote")}</p>}
        <p>
          <Link href={`/can-bo/quan-tri/to-chuc#${entity === "area" ? "db" : "dv"}-${node.id}`} className="underline underline-offset-4">
            {t("editor.back")}
          </Link>
        </p>
      </header>

      <div className="space-y-2">
        <h3 className="text-lg font-semibold">{t("editor.rename")}</h3>
        <OrgForm op="rename" hidden={hidden} fields={renameFields(t, entity)} defaults={{ name: node.name, nameEn: node.nameEn ?? "" }} submit={t("editor.renameSubmit")} />
      </div>

      <div className="space-y-2">
        <h3 className="text-lg font-semibold">{t("editor.move")}</h3>
        <OrgForm op="move" hidden={hidden} fields={moveFields(t, view, locale, entity)} defaults={{ parentId: node.parentId ?? "" }} submit={t("editor.moveSubmit")} note={t("editor.moveNote")} />
      </div>

      {"areaId" in node ? (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("editor.area")}</h3>
          <OrgForm op="unit_area" hidden={hidden} fields={unitAreaFields(t, view, locale)} defaults={{ areaId: node.areaId ?? "" }} submit={t("editor.areaSubmit")} />
        </div>
      ) : (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("editor.remote")}</h3>
          <OrgForm op="area_remote" hidden={hidden} fields={remoteFields(t)} defaults={{ remote: node.remote ? "on" : "" }} submit={t("editor.remoteSubmit")} note={t("editor.remoteNote")} />
        </div>
      )}

      {!closed && (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("editor.close")}</h3>
          <OrgForm op="close" hidden={hidden} fields={closeFields(t)} defaults={{ validTo: node.validTo ?? "" }} submit={t("editor.closeSubmit")} note={t(entity === "unit" ? "editor.closeUnitNote" : "editor.closeAreaNote")} secondary />
        </div>
      )}
    </section>
  );
}
