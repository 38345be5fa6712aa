import type { getTranslations } from "next-intl/server";
import type { FieldSpec } from "@/components/forms/spec-field";
import { ROLES } from "@/domain/types";
import type { PeopleView } from "@/server/people/list-people";

type T = Awaited<ReturnType<typeof getTranslations<"people">>>;
type Locale = "vi" | "en";

function unitAndRole(t: T, view: PeopleView, locale: Locale): FieldSpec[] {
  return [
    { name: "unitId", label: t("fields.unitId"), type: "select", choose: t("fields.choose"), options: view.units.map((u) => ({ value: u.id, label: locale === "en" ? u.nameEn : u.name })) },
    { name: "role", label: t("fields.role"), type: "select", choose: t("fields.choose"), options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
  ];
}

export function inviteFields(t: T, view: PeopleView, locale: Locale): FieldSpec[] {
  return [
    { name: "email", label: t("fields.email"), type: "email", autoComplete: "off" },
    { name: "name", label: t("fields.name"), type: "text", hint: t("fields.nameHint") },
    ...unitAndRole(t, view, locale),
  ];
}

export const giveFields = unitAndRole;
