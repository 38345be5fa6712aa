// The public figures on cases (DOMAIN.md sections 1 and 7), each defined once here. Pure: the database keeps the
// counters (drizzle/0017, one row's part is a function of that row), this module turns counters into figures.
//
// Which cases, counted where:
// - A case counts in the period in which it was received (local date), whatever happened to it later, and the
//   figures say where it stands now ("as of today").
// - It counts at the unit that holds it now. A case transferred from A to B counts at B for every figure; A's
//   record shows it among its "transferred out", B's among its "transferred in". A scope (a unit with its
//   subtree, or the province) counts each case once, and a transfer inside the scope is neither in nor out.
// - A case reopened after a contested answer starts over: it counts again as received-not-yet-answered (at the
//   unit that took it up) and as contested; when it goes up a level, the unit that answered shows it among its
//   "transferred out" and the one above among its "transferred in", like a transfer. A second-instance complaint is a new case at the level above,
//   received when it was filed; the first-instance case counts as contested.

/** One case's part in the counters (the same rules the database trigger applies). */
export type CaseCounters = {
  received: number;
  /** Refused acceptance (không thụ lý): outside competence or not admissible, with the legal reason and where to go. */
  refused: number;
  /** Withdrawn by the filer before acceptance. */
  withdrawnBeforeAcceptance: number;
  /** Accepted for resolution (thụ lý). */
  accepted: number;
  /** Answered (a result issued). */
  answered: number;
  /** Answered on or before the last day of its deadline (the extended one, if extended). */
  answeredOnTime: number;
  /** The filer rated the (latest) answer. */
  rated: number;
  satisfied: number;
  /** The filer contested an answer (reopened, or a second-instance complaint). */
  contested: number;
  /** Given at least one extension. */
  extended: number;
};

export const COUNTER_KEYS = [
  "received",
  "refused",
  "withdrawnBeforeAcceptance",
  "accepted",
  "answered",
  "answeredOnTime",
  "rated",
  "satisfied",
  "contested",
  "extended",
] as const satisfies readonly (keyof CaseCounters)[];

export function emptyCounters(): CaseCounters {
  return { received: 0, refused: 0, withdrawnBeforeAcceptance: 0, accepted: 0, answered: 0, answeredOnTime: 0, rated: 0, satisfied: 0, contested: 0, extended: 0 };
}

export function addCounters(a: CaseCounters, b: CaseCounters): CaseCounters {
  const out = emptyCounters();
  for (const k of COUNTER_KEYS) out[k] = a[k] + b[k];
  return out;
}

export function sumCounters(list: Iterable<CaseCounters>): CaseCounters {
  let total = emptyCounters();
  for (const c of list) total = addCounters(total, c);
  return total;
}

/** The facts of one case the counters depend on (what the trigger reads from its row). */
export type CaseFacts = {
  status: "received" | "accepted" | "info_requested" | "not_accepted" | "answered" | "closed" | "withdrawn";
  receivedOn: string;
  acceptedOn: string | null;
  answeredOn: string | null;
  acceptanceDueOn: string;
  resolutionDueOn: string | null;
  satisfaction: "satisfied" | "unsatisfied" | null;
  contested: boolean;
  extensionsCount: number;
};

/** One case's counters: the definition the database trigger follows (tests compare the two). */
export function countersOf(c: CaseFacts): CaseCounters {
  const answeredOnTime = c.answeredOn !== null && c.answeredOn <= (c.resolutionDueOn ?? c.acceptanceDueOn);
  return {
    received: 1,
    refused: c.status === "not_accepted" || (c.status === "closed" && c.acceptedOn === null && c.answeredOn === null) ? 1 : 0,
    withdrawnBeforeAcceptance: c.status === "withdrawn" && c.acceptedOn === null ? 1 : 0,
    accepted: c.acceptedOn !== null ? 1 : 0,
    answered: c.answeredOn !== null ? 1 : 0,
    answeredOnTime: answeredOnTime ? 1 : 0,
    rated: c.satisfaction !== null ? 1 : 0,
    satisfied: c.satisfaction === "satisfied" ? 1 : 0,
    contested: c.contested ? 1 : 0,
    extended: c.extensionsCount > 0 ? 1 : 0,
  };
}

/** Calendar days (local dates) to a case's acceptance or answer: how many cases took each number of days. */
export type DurationHistogram = ReadonlyMap<number, number>;

export function addToHistogram(into: Map<number, number>, days: number, cases: number): void {
  const n = (into.get(days) ?? 0) + cases;
  if (n === 0) into.delete(days);
  else into.set(days, n);
}

/**
 * The median of a histogram: the middle value, or the mean of the two middle values when the count is even.
 * Null when there is nothing to measure.
 */
export function medianOf(histogram: DurationHistogram): number | null {
  const entries = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [days, n] of entries) {
      seen += n;
      if (rank < seen) return days;
    }
    return entries[entries.length - 1]![0];
  };
  if (total % 2 === 1) return valueAt((total - 1) / 2);
  return (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

/** A share: `part` of `whole`, with no rate when the whole is zero (never "0%" of nothing). */
export type Share = { part: number; whole: number; rate: number | null };

export function share(part: number, whole: number): Share {
  return { part, whole, rate: whole > 0 ? part / whole : null };
}

export type CaseFigures = CaseCounters & {
  /** Received, less refused and withdrawn before acceptance: the cases the unit has to resolve (thuộc thẩm quyền). */
  withinCompetence: number;
  /** Open cases (clock running) whose deadline has passed today; not tied to the period. */
  overdueNow: number;
  transferredIn: number;
  transferredOut: number;
  medianDaysToAccept: number | null;
  medianDaysToAnswer: number | null;
  /** Answered of those within competence (giải quyết xong x/y vụ, đạt z%). */
  resolution: Share;
  /** Answered on time of those answered. */
  onTime: Share;
  /** Satisfied of those who rated. */
  satisfaction: Share;
};

export type CaseFigureInputs = {
  counters: CaseCounters;
  daysToAccept: DurationHistogram;
  daysToAnswer: DurationHistogram;
  overdueNow: number;
  transferredIn: number;
  transferredOut: number;
};

export function caseFigures(input: CaseFigureInputs): CaseFigures {
  const c = input.counters;
  const withinCompetence = c.received - c.refused - c.withdrawnBeforeAcceptance;
  return {
    ...c,
    withinCompetence,
    overdueNow: input.overdueNow,
    transferredIn: input.transferredIn,
    transferredOut: input.transferredOut,
    medianDaysToAccept: medianOf(input.daysToAccept),
    medianDaysToAnswer: medianOf(input.daysToAnswer),
    resolution: share(c.answered, withinCompetence),
    onTime: share(c.answeredOnTime, c.answered),
    satisfaction: share(c.satisfied, c.rated),
  };
}

/**
 * The figures shown, in order, each with its one-sentence definition (message `statistics.definitions.<key>`).
 * Pages, the report and the open data all list them from here.
 */
export const CASE_FIGURE_KEYS = [
  "received",
  "withinCompetence",
  "accepted",
  "answered",
  "resolution",
  "onTime",
  "overdueNow",
  "medianDaysToAccept",
  "medianDaysToAnswer",
  "transferredIn",
  "transferredOut",
  "refused",
  "withdrawnBeforeAcceptance",
  "extended",
  "satisfaction",
  "contested",
] as const;
export type CaseFigureKey = (typeof CASE_FIGURE_KEYS)[number];
