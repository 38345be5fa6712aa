import "server-only";
import type { DbOrTx } from "@/db/client";
import { calendarFilterOptions } from "@/server/dialogue/list-sessions";
import { leaderCandidates } from "@/server/dialogue/session-details";

/** The choices a session form offers: the areas in force and the officials who can take part as leaders. */
export async function sessionFormOptions(db: DbOrTx) {
  const [{ areas }, leaders] = await Promise.all([calendarFilterOptions(db), leaderCandidates(db)]);
  return {
    areas: areas.map((a) => ({ value: a.id, label: a.name })),
    leaders: leaders.map((l) => ({ value: l.userId, label: l.name === l.email ? l.email : `${l.name} (${l.email})` })),
  };
}
