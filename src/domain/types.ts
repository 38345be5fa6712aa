// Shared vocabulary of the domain (DOMAIN.md sections 2-3). Pure: no Next.js, no database.

export const CASE_KINDS = ["petition", "report", "complaint", "denunciation", "contribution"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = [
  "received",
  "accepted",
  "info_requested",
  "not_accepted",
  "answered",
  "closed",
  "withdrawn",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CHANNELS = ["web", "reception", "dialogue", "voter_meeting", "mail", "hotline", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

export const ROLES = ["intake", "handler", "leader", "overseer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = [
  "party_committee",
  "peoples_council",
  "peoples_committee",
  "department",
  "inspectorate",
  "reception_board",
  "fatherland_front",
  "mass_organisation",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const AREA_KINDS = ["province", "commune", "ward", "special_zone"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Complaints have two instances; other kinds have one. */
export type Instance = 1 | 2;

/** A calendar date in Asia/Ho_Chi_Minh, as "YYYY-MM-DD". */
export type IsoDate = string;
