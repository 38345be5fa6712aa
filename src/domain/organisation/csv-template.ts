// The import file written out: the template offered for download (the demo sample as example rows). Pure.
import { csvDocument } from "@/lib/csv";
import type { IsoDate } from "../types";
import { fileValueOfKind, IMPORT_COLUMNS } from "./csv-format";

export type TemplateRow = {
  entity: "area" | "unit";
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  parentCode: string | null;
  areaCode?: string | null;
  remote?: boolean;
  validFrom: IsoDate | null;
  validTo?: IsoDate | null;
  email?: string | null;
};

/** UTF-8 with a byte order mark and commas, as Excel's "CSV UTF-8" writes it; areas first, parents before children. */
export function organisationCsv(rows: readonly TemplateRow[]): string {
  return csvDocument([
    [...IMPORT_COLUMNS],
    ...rows.map((r) => [
      r.entity === "area" ? "dia_ban" : "don_vi",
      r.code,
      r.name,
      r.nameEn ?? "",
      fileValueOfKind(r.kind),
      r.parentCode ?? "",
      r.entity === "unit" ? (r.areaCode ?? "") : "",
      r.entity === "area" ? (r.remote ? "co" : "khong") : "",
      r.validFrom ?? "",
      r.validTo ?? "",
      r.entity === "unit" ? (r.email ?? "") : "",
    ]),
  ]);
}
