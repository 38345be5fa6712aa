// Versions of a deadline policy over time (DOMAIN.md section 4): what a version may hold, where a new one sits
// among the others of its kind, and which one is in force on a day. A case keeps the version it was received
// under, so nothing here ever touches a case; the plan only says which versions' end dates change.
import { addCalendarDays, compareDates, isIsoDate } from "../calendar";
import type { DeadlinePolicy, Period, PeriodUnit } from "../deadlines";
import type { CaseKind, Instance, IsoDate } from "../types";

/** A kind, and for complaints the instance: the line of versions a policy belongs to. */
export type PolicyTrack = { kind: CaseKind; instance: Instance | null };

/** The tracks the page always shows, in this order (complaints by instance). */
export const POLICY_TRACKS: readonly PolicyTrack[] = [
  { kind: "complaint", instance: 1 },
  { kind: "complaint", instance: 2 },
  { kind: "denunciation", instance: null },
  { kind: "petition", instance: null },
  { kind: "report", instance: null },
  { kind: "contribution", instance: null },
];

export const trackKey = (t: PolicyTrack): string => (t.instance === null ? t.kind : `${t.kind}-${t.instance}`);
export const sameTrack = (a: PolicyTrack, b: PolicyTrack): boolean => a.kind === b.kind && a.instance === b.instance;

/** Bounds an admin may enter (generous: the statutes use 5 to 90 days). */
export const VERSION_LIMITS = {
  period: { min: 1, max: 365 },
  extensionCount: { min: 0, max: 5 },
  extensionDays: { min: 1, max: 120 },
  progressEvery: { min: 1, max: 90 },
  legalBasis: { min: 5, max: 500 },
  note: { max: 1000 },
} as const;

export const PERIOD_UNITS: readonly PeriodUnit[] = ["working_days", "days"];

/** The numbers and texts of a version, as the form gives them (already parsed as numbers and dates). */
export type VersionDraft = {
  kind: CaseKind;
  instance: Instance | null;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  acceptance: Period;
  resolution: Period | null;
  remoteResolution: Period | null;
  extension: { maxCount: number; maxDaysEach: number } | null;
  progressUpdateEveryDays: number | null;
  pausesOnInfoRequest: boolean;
  legalBasis: string;
  note: string | null;
};

export type VersionProblem =
  | "out_of_range"
  | "invalid"
  | "required"
  | "too_short"
  | "too_long"
  | "from_past"
  | "to_before_from"
  | "remote_without_resolution"
  | "remote_shorter"
  | "instance_mismatch";

const inRange = (n: number, r: { min: number; max: number }) => Number.isSafeInteger(n) && n >= r.min && n <= r.max;

/**
 * Field problems of a draft (empty when it is valid). `earliestFrom` is today for a new or moved start date; an
 * unchanged start date of a version not yet applied is checked with null (it may be in the past while unconfirmed).
 */
export function checkVersion(d: VersionDraft, earliestFrom: IsoDate | null): Partial<Record<string, VersionProblem>> {
  const p: Partial<Record<string, VersionProblem>> = {};
  const period = (field: string, v: Period | null) => {
    if (v === null) return;
    if (!inRange(v.amount, VERSION_LIMITS.period)) p[`${field}Amount`] = "out_of_range";
    if (!PERIOD_UNITS.includes(v.unit)) p[`${field}Unit`] = "invalid";
  };
  if ((d.kind === "complaint") !== (d.instance !== null)) p.instance = "instance_mismatch";
  period("acceptance", d.acceptance);
  period("resolution", d.resolution);
  period("remoteResolution", d.remoteResolution);
  if (d.remoteResolution !== null) {
    if (d.resolution === null) p.remoteResolutionAmount ??= "remote_without_resolution";
    // A remote area lengthens the period, never shortens it (compared only in the same unit).
    else if (d.remoteResolution.unit === d.resolution.unit && d.remoteResolution.amount < d.resolution.amount) p.remoteResolutionAmount ??= "remote_shorter";
  }
  if (d.extension !== null) {
    if (!inRange(d.extension.maxCount, VERSION_LIMITS.extensionCount)) p.extensionMaxCount = "out_of_range";
    if (!inRange(d.extension.maxDaysEach, VERSION_LIMITS.extensionDays)) p.extensionMaxDays = "out_of_range";
  }
  if (d.progressUpdateEveryDays !== null && !inRange(d.progressUpdateEveryDays, VERSION_LIMITS.progressEvery)) p.progressUpdateEveryDays = "out_of_range";
  const basis = d.legalBasis.trim();
  if (basis.length === 0) p.legalBasis = "required";
  else if (basis.length < VERSION_LIMITS.legalBasis.min) p.legalBasis = "too_short";
  else if (basis.length > VERSION_LIMITS.legalBasis.max) p.legalBasis = "too_long";
  if (d.note !== null && d.note.length > VERSION_LIMITS.note.max) p.note = "too_long";
  if (!isIsoDate(d.effectiveFrom)) p.effectiveFrom = "invalid";
  else if (earliestFrom !== null && compareDates(d.effectiveFrom, earliestFrom) < 0) p.effectiveFrom = "from_past";
  if (d.effectiveTo !== null) {
    if (!isIsoDate(d.effectiveTo)) p.effectiveTo = "invalid";
    else if (isIsoDate(d.effectiveFrom) && compareDates(d.effectiveTo, d.effectiveFrom) < 0) p.effectiveTo = "to_before_from";
  }
  return p;
}

/** What the timeline needs of a stored version. */
export type TimelineVersion = PolicyTrack & { id: string; effectiveFrom: IsoDate; effectiveTo: IsoDate | null; confirmed: boolean };

export type VersionStatus = "in_force" | "past" | "future" | "unconfirmed";

/** Unconfirmed first: such a version applies to no case whatever its dates. */
export function versionStatus(v: Pick<TimelineVersion, "effectiveFrom" | "effectiveTo" | "confirmed">, today: IsoDate): VersionStatus {
  if (!v.confirmed) return "unconfirmed";
  if (compareDates(today, v.effectiveFrom) < 0) return "future";
  if (v.effectiveTo !== null && compareDates(v.effectiveTo, today) < 0) return "past";
  return "in_force";
}

/**
 * The confirmed version of a track in force on a day (the latest start wins should two overlap, as
 * `selectPolicy` does); null if none. Unlike `selectPolicy`, an any-instance policy does not stand in for one
 * instance: the page shows each track's own line.
 */
export function versionInForce<V extends TimelineVersion>(versions: readonly V[], track: PolicyTrack, on: IsoDate): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (!sameTrack(v, track) || versionStatus(v, on) !== "in_force") continue;
    if (best === null || compareDates(v.effectiveFrom, best.effectiveFrom) > 0) best = v;
  }
  return best;
}

/** The end dates a change sets (only versions whose end date actually changes). */
export type EndChange = { id: string; effectiveTo: IsoDate | null };

export type PlacementRefusal = { problem: "same_start" | "overlap"; with: string };
export type Placement = { ok: true; effectiveTo: IsoDate | null; ends: EndChange[] } | ({ ok: false } & PlacementRefusal);

type Candidate = { id?: string; effectiveFrom: IsoDate; effectiveTo: IsoDate | null; confirmed: boolean } & PolicyTrack;

const dayBefore = (d: IsoDate) => addCalendarDays(d, -1);

function confirmedLine(versions: readonly TimelineVersion[], track: PolicyTrack, except?: string): TimelineVersion[] {
  return versions
    .filter((v) => v.confirmed && sameTrack(v, track) && v.id !== except)
    .sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
}

/**
 * What taking a confirmed version out of its line gives back: the version before it, if it ended the day before
 * this one started, runs on to this one's end (an open end stays open).
 */
export function planRemoval(versions: readonly TimelineVersion[], removed: TimelineVersion): EndChange[] {
  if (!removed.confirmed) return [];
  const line = confirmedLine(versions, removed, removed.id);
  const prev = line.filter((v) => compareDates(v.effectiveFrom, removed.effectiveFrom) < 0).at(-1);
  if (!prev || prev.effectiveTo !== dayBefore(removed.effectiveFrom)) return [];
  return [{ id: prev.id, effectiveTo: removed.effectiveTo }];
}

/**
 * Where a version goes in its line. An unconfirmed one changes nothing (it applies to no case, so the version in
 * force stays in force until it is confirmed); it only may not share a start date with another version of its
 * line. A confirmed one ends the version before it on the day before it starts, and if it has no end of its own
 * it ends the day before the next confirmed version starts. It may not start on the day another starts, nor run
 * into a later version it would not end, nor sit inside an earlier version's closed range.
 */
export function planPlacement(versions: readonly TimelineVersion[], v: Candidate): Placement {
  const sameStart = versions.find((o) => o.id !== v.id && sameTrack(o, v) && o.effectiveFrom === v.effectiveFrom);
  if (sameStart) return { ok: false, problem: "same_start", with: sameStart.id };
  if (!v.confirmed) return { ok: true, effectiveTo: v.effectiveTo, ends: [] };

  const line = confirmedLine(versions, v, v.id);
  const prev = line.filter((o) => compareDates(o.effectiveFrom, v.effectiveFrom) < 0).at(-1);
  const next = line.find((o) => compareDates(o.effectiveFrom, v.effectiveFrom) > 0);
  let effectiveTo = v.effectiveTo;
  if (next) {
    if (effectiveTo === null) effectiveTo = dayBefore(next.effectiveFrom);
    else if (compareDates(effectiveTo, next.effectiveFrom) >= 0) return { ok: false, problem: "overlap", with: next.id };
  }
  const ends: EndChange[] = [];
  if (prev && (prev.effectiveTo === null || compareDates(prev.effectiveTo, v.effectiveFrom) >= 0)) {
    // Ending the earlier version early would drop the days it still had after this one ends.
    if (prev.effectiveTo !== null && (effectiveTo === null ? false : compareDates(prev.effectiveTo, effectiveTo) > 0)) {
      return { ok: false, problem: "overlap", with: prev.id };
    }
    ends.push({ id: prev.id, effectiveTo: dayBefore(v.effectiveFrom) });
  }
  return { ok: true, effectiveTo, ends };
}

/**
 * Moving or reshaping a version: first as if it were taken out, then placed again with its new dates. Only end
 * dates that differ from the stored ones are returned.
 */
export function planReplacement(versions: readonly TimelineVersion[], before: TimelineVersion, after: Candidate & { id: string }): Placement {
  const freed = planRemoval(versions, before);
  const freedById = new Map(freed.map((e) => [e.id, e.effectiveTo]));
  const others = versions.filter((o) => o.id !== before.id).map((o) => (freedById.has(o.id) ? { ...o, effectiveTo: freedById.get(o.id)! } : o));
  const placed = planPlacement(others, after);
  if (!placed.ok) return placed;
  const finalEnds = new Map(freedById);
  for (const e of placed.ends) finalEnds.set(e.id, e.effectiveTo);
  const stored = new Map(versions.map((o) => [o.id, o.effectiveTo]));
  const ends = [...finalEnds].filter(([id, to]) => stored.get(id) !== to).map(([id, effectiveTo]) => ({ id, effectiveTo }));
  return { ok: true, effectiveTo: placed.effectiveTo, ends };
}

/** Whether an admin may still edit or delete a version: no case uses it and it has not come into force. */
export function isChangeable(v: Pick<TimelineVersion, "effectiveFrom" | "effectiveTo" | "confirmed">, caseCount: number, today: IsoDate): "ok" | "in_use" | "in_force" {
  if (caseCount > 0) return "in_use";
  const status = versionStatus(v, today);
  return status === "unconfirmed" || status === "future" ? "ok" : "in_force";
}

/** A draft pre-filled from a stored version (the form for a new version starts from the one in force). */
export function draftFrom(p: DeadlinePolicy): VersionDraft {
  return {
    kind: p.kind,
    instance: p.instance,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
    acceptance: p.acceptance,
    resolution: p.resolution,
    remoteResolution: p.remoteResolution,
    extension: p.extension,
    progressUpdateEveryDays: p.progressUpdateEveryDays,
    pausesOnInfoRequest: p.pausesOnInfoRequest,
    legalBasis: p.legalBasis,
    note: p.note ?? null,
  };
}
