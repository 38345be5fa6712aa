import type { getTranslations } from "next-intl/server";
import type { FieldSpec } from "@/components/forms/spec-field";
import type { Branch } from "@/domain/organisation/changes";
import { AREA_KINDS, UNIT_KINDS } from "@/domain/types";
import type { AreaNode, OrganisationView, UnitNode } from "@/server/organisation/get-organisation";

export type T = Awaited<ReturnType<typeof getTranslations<"organisation">>>;
export type Locale = "vi" | "en";

export const nodeName = (n: { name: string; nameEn: string | null }, locale: Locale) => (locale === "en" && n.nameEn ? n.nameEn : n.name);

/** The open nodes in tree order, indented, for a select (the tree's shape stays visible in a plain list). */
function treeOptions<N extends AreaNode | UnitNode>(branches: Branch<N>[], locale: Locale, depth = 0): { value: string; label: string }[] {
  return branches.flatMap((b) => [{ value: b.node.id, label: `${"— ".repeat(depth)}${nodeName(b.node, locale)} (${b.node.code})` }, ...treeOptions(b.children, locale, depth + 1)]);
}

const parentArea = (t: T, view: OrganisationView, locale: Locale): FieldSpec => ({ name: "parentId", label: t("fields.parentArea"), type: "select", options: [{ value: "", label: t("fields.top") }, ...treeOptions(view.areas.open, locale)], wide: true });
const parentUnit = (t: T, view: OrganisationView, locale: Locale): FieldSpec => ({ name: "parentId", label: t("fields.parentUnit"), type: "select", options: [{ value: "", label: t("fields.top") }, ...treeOptions(view.units.open, locale)], wide: true });
const areaOf = (t: T, view: OrganisationView, locale: Locale): FieldSpec => ({ name: "areaId", label: t("fields.areaId"), type: "select", hint: t("fields.areaIdHint"), options: [{ value: "", label: t("fields.noArea") }, ...treeOptions(view.areas.open, locale)], wide: true });
const names = (t: T, unit: boolean): FieldSpec[] => [
  { name: "name", label: t("fields.name"), type: "text" },
  { name: "nameEn", label: t("fields.nameEn"), type: "text", hint: unit ? undefined : t("fields.nameEnAreaHint") },
];
const remote = (t: T): FieldSpec => ({ name: "remote", label: t("fields.remote"), type: "checkbox", hint: t("fields.remoteHint"), wide: true });

export function createAreaFields(t: T, view: OrganisationView, locale: Locale): FieldSpec[] {
  return [
    { name: "code", label: t("fields.code"), type: "text", hint: t("fields.codeHint") },
    { name: "kind", label: t("fields.kind"), type: "select", options: [{ value: "", label: t("fields.choose") }, ...AREA_KINDS.map((k) => ({ value: k, label: t(`areaKinds.${k}`) }))] },
    ...names(t, false),
    parentArea(t, view, locale),
    { name: "validFrom", label: t("fields.validFrom"), type: "date", hint: t("fields.dateHint") },
    remote(t),
  ];
}

export function createUnitFields(t: T, view: OrganisationView, locale: Locale): FieldSpec[] {
  return [
    { name: "code", label: t("fields.code"), type: "text", hint: t("fields.codeHint") },
    { name: "kind", label: t("fields.kind"), type: "select", options: [{ value: "", label: t("fields.choose") }, ...UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))] },
    ...names(t, true),
    parentUnit(t, view, locale),
    areaOf(t, view, locale),
    { name: "email", label: t("fields.email"), type: "email", hint: t("fields.emailHint") },
    { name: "validFrom", label: t("fields.validFrom"), type: "date", hint: t("fields.dateHint") },
  ];
}

export const renameFields = (t: T, entity: "area" | "unit") => names(t, entity === "unit");
export const moveFields = (t: T, view: OrganisationView, locale: Locale, entity: "area" | "unit") => [entity === "area" ? parentArea(t, view, locale) : parentUnit(t, view, locale)];
export const unitAreaFields = (t: T, view: OrganisationView, locale: Locale) => [areaOf(t, view, locale)];
export const remoteFields = (t: T) => [remote(t)];
export const closeFields = (t: T): FieldSpec[] => [{ name: "validTo", label: t("fields.validTo"), type: "date", hint: t("fields.validToHint") }];
