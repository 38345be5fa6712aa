// What a case's timeline event is, shared by the module that writes events (record-event.ts) and the one that
// turns them into mail (src/server/notifications), so that neither imports the other for it.
import type { CaseStatus } from "@/domain/types";

/**
 * Timeline event types (`case.verb`). Public ones appear on the case's public status page, so their
 * `reason` and `data` must never hold personal data.
 */
export type CaseEventType =
  | "case.received"
  | "case.routed"
  | "case.transferred"
  | "case.accepted"
  | "case.not_accepted"
  | "case.assigned"
  | "case.info_requested"
  | "case.info_provided"
  | "case.resumed"
  | "case.info_added"
  | "case.extended"
  | "case.answered"
  | "case.rated"
  | "case.contested"
  | "case.reopened"
  | "case.closed"
  | "case.withdrawn"
  | "case.note"
  | "case.draft_saved"
  | "case.draft_submitted"
  | "case.draft_returned"
  | "case.flagged"
  | "case.flag_cleared"
  | "case.escalated"
  // Dialogue sessions (src/server/dialogue): registered from a session's question, put on a session's agenda
  // or taken off it, answered in a session. Public, with the session's title and date and the leader's name.
  | "case.from_dialogue"
  | "case.dialogue_agenda"
  | "case.dialogue_agenda_removed"
  | "case.dialogue_answer"
  // A reorganisation moved the open case to the successor of its unit (src/server/reorganisation). Public.
  | "case.reorganised";

export type CaseEventInput = {
  caseId: string;
  type: CaseEventType;
  visibility: "public" | "internal";
  actorUserId?: string | null;
  /** "filer", "system" or a staff role: who acted, without naming a citizen. */
  actorRole?: string | null;
  fromUnitId?: string | null;
  toUnitId?: string | null;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  reason?: string | null;
  data?: Record<string, unknown>;
  /** When it happened: the acting service's `now` (the database's clock if not given). Statistics date transfers by it. */
  at?: Date;
};
