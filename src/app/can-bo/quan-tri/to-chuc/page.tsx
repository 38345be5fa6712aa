import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getOrganisation } from "@/server/organisation/get-organisation";
import { createAreaFields, createUnitFields, nodeName } from "./field-specs";
import { isOrgDone } from "./form-state";
import { OrgForm } from "./forms";
import { NodeEditor } from "./node-editor";
import { TreeSection, type TreeContext } from "./tree-list";

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function OrganisationPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/quan-tri/to-chuc");
  if (!hasRole(viewer, "admin")) forbidden();
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("organisation")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const view = await getOrganisation(db, viewer);
  const done = first(raw.xong);
  const areaId = first(raw["dia-ban"]);
  const unitId = first(raw["don-vi"]);
  const editedArea = areaId ? view.areas.all.find((a) => a.id === areaId) : undefined;
  const editedUnit = !editedArea && unitId ? view.units.all.find((u) => u.id === unitId) : undefined;
  const ctx: TreeContext = {
    t,
    locale,
    today: view.today,
    areaNames: new Map(view.areas.all.map((a) => [a.id, nodeName(a, locale)])),
    unitNames: new Map(view.units.all.map((u) => [u.id, nodeName(u, locale)])),
  };
  const treeLabels = (which: "areas" | "units") => ({ open: t(`${which}.open`), closed: t(`${which}.closed`), none: t(`${which}.none`), closedNone: t(`${which}.closedNone`) });

  // Its forms are client components (pending state, errors by field): they get this namespace's words.
  return (
    <ClientMessages namespaces={["organisation"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="max-w-prose text-zinc-700">{t("intro")}</p>
        </header>
        {isOrgDone(done) && (
          <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`done.${done}`, { count: Number(first(raw.so) ?? 0) || 0 })}
          </p>
        )}

        {editedArea && <NodeEditor entity="area" node={editedArea} view={view} t={t} locale={locale} />}
        {editedUnit && <NodeEditor entity="unit" node={editedUnit} view={view} t={t} locale={locale} />}

        <TreeSection id="dia-ban" title={t("areas.title")} open={view.areas.open} closed={view.areas.closed} ctx={ctx} labels={treeLabels("areas")} />
        <TreeSection id="don-vi" title={t("units.title")} open={view.units.open} closed={view.units.closed} ctx={ctx} labels={treeLabels("units")} />

        <section id="them-dia-ban" aria-labelledby="them-dia-ban-h" className="card space-y-4">
          <h2 id="them-dia-ban-h" className="text-xl font-semibold">
            {t("create.areaTitle")}
          </h2>
          <OrgForm op="create_area" fields={createAreaFields(t, view, locale)} defaults={{ validFrom: view.today }} submit={t("create.areaSubmit")} />
        </section>
        <section id="them-don-vi" aria-labelledby="them-don-vi-h" className="card space-y-4">
          <h2 id="them-don-vi-h" className="text-xl font-semibold">
            {t("create.unitTitle")}
          </h2>
          <OrgForm op="create_unit" fields={createUnitFields(t, view, locale)} defaults={{ validFrom: view.today }} submit={t("create.unitSubmit")} />
        </section>
      </div>
    </ClientMessages>
  );
}
