import type { getTranslations } from "next-intl/server";
import type { FieldSpec } from "@/components/forms/spec-field";
import { DUTY_PERIODS, POSITION_KINDS } from "@/domain/reception/vocabulary";
import type { DutyAdminView } from "@/server/reception/duty-admin/get-duty-admin";

type T = Awaited<ReturnType<typeof getTranslations<"duty">>>;
type Locale = "vi" | "en";

const kindOptions = (t: T) => POSITION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));

export function ruleFields(t: T): FieldSpec[] {
  return [
    { name: "positionKind", label: t("admin.fields.positionKind"), type: "select", options: kindOptions(t), choose: t("admin.fields.choose") },
    { name: "times", label: t("admin.fields.times"), type: "number", min: 1, max: 31 },
    { name: "per", label: t("admin.fields.per"), type: "select", options: DUTY_PERIODS.map((p) => ({ value: p, label: t(p === "week" ? "admin.fields.perWeek" : "admin.fields.perMonth") })) },
    { name: "effectiveFrom", label: t("admin.fields.effectiveFrom"), type: "date" },
    { name: "legalBasis", label: t("admin.fields.legalBasis"), type: "textarea", rows: 2 },
    { name: "confirmed", label: t("admin.fields.confirmed"), type: "checkbox", hint: t("admin.fields.confirmedHint") },
  ];
}

export function positionFields(t: T, view: DutyAdminView, locale: Locale): FieldSpec[] {
  const unitOptions = view.units.map((u) => ({ value: u.id, label: locale === "en" ? u.nameEn : u.name }));
  return [
    { name: "unitId", label: t("admin.fields.unitId"), type: "select", options: unitOptions, choose: t("admin.fields.choose") },
    { name: "officeUnitId", label: t("admin.fields.officeUnitId"), type: "select", options: unitOptions, choose: t("admin.fields.choose") },
    { name: "kind", label: t("admin.fields.kind"), type: "select", options: kindOptions(t), choose: t("admin.fields.choose") },
    { name: "title", label: t("admin.fields.title"), type: "text" },
    { name: "titleEn", label: t("admin.fields.titleEn"), type: "text" },
    { name: "place", label: t("admin.fields.place"), type: "text" },
    { name: "daysOfMonth", label: t("admin.fields.daysOfMonth"), type: "text", hint: t("admin.fields.daysOfMonthHint") },
    {
      name: "weekday",
      label: t("admin.fields.weekday"),
      type: "select",
      hint: t("admin.fields.weekdayHint"),
      options: (["1", "2", "3", "4", "5"] as const).map((d) => ({ value: d, label: t(`admin.fields.weekdays.${d}`) })),
    },
    { name: "startTime", label: t("admin.fields.startTime"), type: "time" },
    { name: "endTime", label: t("admin.fields.endTime"), type: "time" },
    { name: "active", label: t("admin.fields.active"), type: "checkbox" },
  ];
}

export function holderFields(t: T, view: DutyAdminView): FieldSpec[] {
  return [
    { name: "userId", label: t("admin.fields.userId"), type: "select", options: view.officials.map((o) => ({ value: o.id, label: o.label })), choose: t("admin.fields.choose") },
    { name: "fromDate", label: t("admin.fields.fromDate"), type: "date", hint: t("admin.positions.assignHint") },
  ];
}

export function positionDefaults(row: DutyAdminView["positions"][number]["row"]): Record<string, string> {
  return {
    unitId: row.unitId,
    officeUnitId: row.officeUnitId,
    kind: row.kind,
    title: row.title,
    titleEn: row.titleEn,
    place: row.place,
    daysOfMonth: row.daysOfMonth.join(", "),
    weekday: String(row.weekday),
    startTime: row.startTime,
    endTime: row.endTime,
    active: row.active ? "on" : "",
  };
}
