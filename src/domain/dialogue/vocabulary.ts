// The vocabulary of dialogue sessions (DOMAIN.md section 6; Decisions 553 and 554). Pure: no Next.js, no database.

/** A dialogue session, or the commune's yearly dialogue conference (Law 10/2022 art. 32). */
export const SESSION_KINDS = ["dialogue", "conference"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_STATUSES = ["announced", "open", "live", "ended", "minutes_published", "postponed", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const QUESTION_STATUSES = ["pending", "approved", "declined", "merged", "answered", "case"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** The short list of public reasons a moderator may decline a question for. */
export const DECLINE_REASONS = ["off_topic", "abusive", "personal_data", "already_answered", "other_body"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Declined for these, the question's text is not shown on the public page (only the reason is). */
export const HIDDEN_WHEN_DECLINED: readonly DeclineReason[] = ["abusive", "personal_data"];

export const COMMITMENT_STATUSES = ["open", "kept", "missed"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Every moderation action, as written to the public moderation log. */
export const MODERATION_ACTIONS = ["approve", "decline", "merge", "priority", "answer_now", "answer", "to_case"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Priorities a moderator may set: higher comes first in the queue. */
export const PRIORITIES = [0, 1, 2] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * Supports from one network address to one session at most (a household or a hall's wifi shares an address; a
 * script does too). Enforced by a check constraint on dialogue_support_addresses: keep the two equal.
 */
export const SUPPORTS_PER_ADDRESS_PER_SESSION = 50;

/** Questions from one network address to one session at most per hour (checked with the rate limits). */
export const QUESTIONS_PER_ADDRESS_PER_HOUR = 20;

export const QUESTION_MAX_LENGTH = 2000;
export const QUESTION_MIN_LENGTH = 10;
