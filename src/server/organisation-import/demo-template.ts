import "server-only";
import { communeUnits, DEMO_AREAS, DEMO_PROVINCE, DEMO_PROVINCE_UNITS } from "@/db/seed/demo-organisation";
import { organisationCsv, type TemplateRow } from "@/domain/organisation/csv-template";

// The dates the demo seed leaves to the columns' defaults.
const REFORM_DAY = "2025-07-01";

/**
 * The template offered for download: the bundled demo sample (codes "demo-…") as example rows, exactly as the demo
 * seed stores it, so importing it into the demo database changes nothing.
 */
export function demoTemplateRows(): TemplateRow[] {
  const areaCode = (slug: string | null) => (slug === null ? null : slug === "province" ? DEMO_PROVINCE.code : DEMO_AREAS.find((a) => a.slug === slug)!.code);
  const englishName = (a: object) => ("nameEn" in a && typeof a.nameEn === "string" ? a.nameEn : null);
  return [
    { entity: "area", code: DEMO_PROVINCE.code, name: DEMO_PROVINCE.name, nameEn: englishName(DEMO_PROVINCE), kind: DEMO_PROVINCE.kind, parentCode: null, remote: false, validFrom: REFORM_DAY },
    ...DEMO_AREAS.map((a): TemplateRow => ({ entity: "area", code: a.code, name: a.name, nameEn: englishName(a), kind: a.kind, parentCode: DEMO_PROVINCE.code, remote: a.remote, validFrom: REFORM_DAY })),
    ...[...DEMO_PROVINCE_UNITS, ...DEMO_AREAS.flatMap(communeUnits)].map(
      (u): TemplateRow => ({ entity: "unit", code: u.code, name: u.name, nameEn: u.nameEn, kind: u.kind, parentCode: u.parent, areaCode: areaCode(u.area), validFrom: REFORM_DAY }),
    ),
  ];
}

export const demoTemplateCsv = () => organisationCsv(demoTemplateRows());
