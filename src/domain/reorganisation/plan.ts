// A reorganisation (sắp xếp, DOMAIN.md section 2): old units merged into, split into or dissolved into one
// successor on a date. Pure: the plan says whether it can be done and what it does to the tree; the service
// counts and moves the work (src/server/reorganisation).
import { addCalendarDays, compareDates, isIsoDate } from "../calendar";
import { findCycles, isValidOn } from "../organisation/tree";
import type { CaseStatus, IsoDate } from "../types";

export type PlanUnit = { id: string; parentId: string | null; validFrom: IsoDate; validTo: IsoDate | null; successorId: string | null };

export type PlanInput = {
  oldUnitIds: readonly string[];
  successorId: string;
  /** As typed: YYYY-MM-DD (or DD/MM/YYYY). */
  effectiveOn: string;
  today: IsoDate;
  units: readonly PlanUnit[];
  /** Units already among the old units of another planned reorganisation. */
  plannedElsewhere?: ReadonlySet<string>;
};

export type PlanField = "oldUnitIds" | "successorId" | "effectiveOn";
export type PlanProblem =
  | "required"
  | "invalid"
  | "unknown"
  | "successor_is_old"
  | "successor_not_valid"
  | "already_closed"
  | "not_started"
  | "already_planned"
  | "successor_loop"
  | "cycle";

export type Reparent = { unitId: string; fromParentId: string; toParentId: string | null };

export type ReorganisationPlan = {
  oldUnitIds: string[];
  successorId: string;
  effectiveOn: IsoDate;
  /** The old units' last day: the day before the successor takes over. */
  lastDay: IsoDate;
  /** The units right below an old unit, moved under the successor. */
  reparented: Reparent[];
  /** The date has come: it may be applied now (otherwise the scheduler applies it on its date). */
  due: boolean;
};

export type PlanResult = { ok: true; plan: ReorganisationPlan } | { ok: false; problems: Partial<Record<PlanField, PlanProblem>>; unitIds?: string[] };

/**
 * Cases that move to the successor: every status from which the case can still go on (waiting for acceptance,
 * in hand, waiting for information, refused or answered but not yet closed). Closed and withdrawn cases keep
 * the unit they had, as the history does.
 */
export const MOVING_CASE_STATUSES = ["received", "accepted", "info_requested", "not_accepted", "answered"] as const satisfies readonly CaseStatus[];
export const STAYING_CASE_STATUSES = ["closed", "withdrawn"] as const satisfies readonly CaseStatus[];

/** Dialogue sessions not yet held (announced, taking questions, or postponed) move; live and past ones stay. */
export const MOVING_SESSION_STATUSES = ["announced", "open", "postponed"] as const;

/** Reads a date typed as YYYY-MM-DD or DD/MM/YYYY; null if it is not a real day. */
export function parsePlanDate(raw: string): IsoDate | null {
  const text = raw.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : text;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isIsoDate(iso) ? iso : null;
}

/** Following the successor's own successors, do we come back to one of the old units? */
function successorLoops(successorId: string, old: ReadonlySet<string>, byId: ReadonlyMap<string, PlanUnit>): boolean {
  const seen = new Set<string>();
  let current: string | null = successorId;
  while (current !== null && !seen.has(current)) {
    if (old.has(current)) return true;
    seen.add(current);
    current = byId.get(current)?.successorId ?? null;
  }
  return current !== null;
}

/**
 * The units right below an old unit go under the successor. A successor that sat below an old unit (at any depth)
 * takes the place of its topmost old ancestor, so that nothing it now holds is above it.
 */
function reparent(units: readonly PlanUnit[], old: ReadonlySet<string>, successorId: string, byId: ReadonlyMap<string, PlanUnit>): Reparent[] {
  const out: Reparent[] = [];
  const successor = byId.get(successorId);
  let topmostOld: string | null = null;
  const seen = new Set<string>();
  for (let up = successor?.parentId ?? null; up !== null && !seen.has(up); up = byId.get(up)?.parentId ?? null) {
    seen.add(up);
    if (old.has(up)) topmostOld = up;
  }
  if (successor && topmostOld !== null) out.push({ unitId: successorId, fromParentId: successor.parentId!, toParentId: byId.get(topmostOld)?.parentId ?? null });
  for (const u of units) {
    if (u.id === successorId || u.parentId === null || !old.has(u.parentId) || old.has(u.id)) continue;
    if (u.validTo !== null && u.successorId !== null) continue; // already merged away: history, left as it was
    out.push({ unitId: u.id, fromParentId: u.parentId, toParentId: successorId });
  }
  return out;
}

export function planReorganisation(input: PlanInput): PlanResult {
  const problems: Partial<Record<PlanField, PlanProblem>> = {};
  const byId = new Map(input.units.map((u) => [u.id, u]));
  const oldUnitIds = [...new Set(input.oldUnitIds.map((id) => id.trim()).filter((id) => id !== ""))];
  const old = new Set(oldUnitIds);
  const successorId = input.successorId.trim();
  const effectiveOn = input.effectiveOn.trim() === "" ? null : parsePlanDate(input.effectiveOn);

  if (input.effectiveOn.trim() === "") problems.effectiveOn = "required";
  else if (effectiveOn === null) problems.effectiveOn = "invalid";

  let unitIds: string[] | undefined;
  if (oldUnitIds.length === 0) problems.oldUnitIds = "required";
  else if (oldUnitIds.some((id) => !byId.has(id))) problems.oldUnitIds = "unknown";
  else {
    const closed = oldUnitIds.filter((id) => byId.get(id)!.validTo !== null || byId.get(id)!.successorId !== null);
    const planned = oldUnitIds.filter((id) => input.plannedElsewhere?.has(id));
    const lastDay = effectiveOn ? addCalendarDays(effectiveOn, -1) : null;
    const notStarted = lastDay ? oldUnitIds.filter((id) => compareDates(byId.get(id)!.validFrom, lastDay) > 0) : [];
    if (closed.length > 0) [problems.oldUnitIds, unitIds] = ["already_closed", closed];
    else if (planned.length > 0) [problems.oldUnitIds, unitIds] = ["already_planned", planned];
    else if (notStarted.length > 0) [problems.oldUnitIds, unitIds] = ["not_started", notStarted];
  }

  const successor = byId.get(successorId);
  if (successorId === "") problems.successorId = "required";
  else if (!successor) problems.successorId = "unknown";
  else if (old.has(successorId)) problems.successorId = "successor_is_old";
  else if (effectiveOn && !isValidOn(successor, effectiveOn)) problems.successorId = "successor_not_valid";
  else if (successor.successorId !== null && successorLoops(successorId, old, byId)) problems.successorId = "successor_loop";

  if (Object.keys(problems).length > 0 || effectiveOn === null || !successor) return { ok: false, problems, ...(unitIds ? { unitIds } : {}) };

  const reparented = reparent(input.units, old, successorId, byId);
  const moved = new Map(reparented.map((r) => [r.unitId, r.toParentId]));
  const after = input.units.filter((u) => !old.has(u.id)).map((u) => ({ id: u.id, parentId: moved.has(u.id) ? moved.get(u.id)! : u.parentId }));
  const cycles = findCycles(after);
  if (cycles.length > 0) return { ok: false, problems: { successorId: "cycle" }, unitIds: cycles[0] };

  return {
    ok: true,
    plan: { oldUnitIds, successorId, effectiveOn, lastDay: addCalendarDays(effectiveOn, -1), reparented, due: compareDates(effectiveOn, input.today) <= 0 },
  };
}

/** What a reorganisation moves and what stays, as the preview and the stored record count them. */
export type MovedCounts = {
  cases: number;
  commitments: number;
  sessions: number;
  memberships: number;
  rules: number;
  childUnits: number;
  /** The old units' reception seats, which end with them. */
  receptionPositions: number;
  /** Their reception days from the date on, cancelled with a public reason (booked citizens told). */
  receptionDays: number;
};
export type StayingCounts = { closedCases: number };
export const MOVED_KEYS = ["cases", "commitments", "sessions", "memberships", "rules", "childUnits", "receptionPositions", "receptionDays"] as const satisfies readonly (keyof MovedCounts)[];

/**
 * A membership at an old unit, as applying treats it: one that started before the date ends on the old units'
 * last day and a new one starts at the successor on the date (none if the person already holds that role there);
 * one that starts on or after the date simply moves.
 */
export type MembershipMove = { membershipId: string; action: "close_and_copy" | "move" | "close_only" | "drop" };

export function membershipMove(
  m: { id: string; userId: string; role: string; validFrom: IsoDate },
  effectiveOn: IsoDate,
  heldAtSuccessor: ReadonlySet<string>,
): MembershipMove {
  const key = `${m.userId}:${m.role}`;
  const startsBefore = compareDates(m.validFrom, effectiveOn) < 0;
  if (heldAtSuccessor.has(key)) return { membershipId: m.id, action: startsBefore ? "close_only" : "drop" };
  return { membershipId: m.id, action: startsBefore ? "close_and_copy" : "move" };
}
