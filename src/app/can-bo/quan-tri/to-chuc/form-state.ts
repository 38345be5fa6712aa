/** What an organisation form keeps between a refused submission and the re-rendered page (with or without JavaScript). */
export type OrgFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, string>>;
  /** Words a field's problem names (the path of a loop). */
  fieldParams?: Record<string, Record<string, string | number>>;
  formError?: "invalid" | "not_found" | "no_access" | "needs_successor" | "has_open_children" | "area_has_units" | "failed";
  formParams?: Record<string, string | number>;
};

export const EMPTY_ORG_FORM: OrgFormState = { values: {}, fieldErrors: {} };

export const ORG_OPS = ["create_area", "create_unit", "rename", "move", "unit_area", "area_remote", "close"] as const;
export type OrgOp = (typeof ORG_OPS)[number];

/** Results shown once after a successful change (the page is reloaded with ?xong=…). */
export const ORG_DONE = ["area_created", "unit_created", "renamed", "moved", "area_set", "remote_on", "remote_off", "closed"] as const;
export type OrgDone = (typeof ORG_DONE)[number];
export const isOrgDone = (v: string | undefined): v is OrgDone => (ORG_DONE as readonly string[]).includes(v ?? "");

/** The fields each form posts (what is kept after a refusal). */
export const OP_FIELDS: Record<OrgOp, readonly string[]> = {
  create_area: ["code", "name", "nameEn", "kind", "parentId", "remote", "validFrom"],
  create_unit: ["code", "name", "nameEn", "kind", "parentId", "areaId", "email", "validFrom"],
  rename: ["name", "nameEn"],
  move: ["parentId"],
  unit_area: ["areaId"],
  area_remote: ["remote"],
  close: ["validTo"],
};
