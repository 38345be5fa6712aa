import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptsQuestions, allowedSessionActions, HELD_STATUSES, questionRefusal, SESSION_ACTIONS, sessionTransition, UPCOMING_STATUSES, type SessionAction } from "./session-status";
import { SESSION_STATUSES, type SessionStatus } from "./vocabulary";

// Written out by hand from the issue; every pair not listed must be refused.
const EXPECTED: Record<SessionStatus, Partial<Record<SessionAction, SessionStatus>>> = {
  announced: { open_questions: "open", start: "live", postpone: "postponed", cancel: "cancelled" },
  open: { start: "live", postpone: "postponed", cancel: "cancelled" },
  live: { end: "ended" },
  ended: { publish_minutes: "minutes_published" },
  minutes_published: { publish_minutes: "minutes_published" },
  postponed: { reschedule: "announced", cancel: "cancelled" },
  cancelled: {},
};

describe("the session state machine", () => {
  const pairs = SESSION_STATUSES.flatMap((s) => SESSION_ACTIONS.map((a) => [s, a, EXPECTED[s][a] ?? null] as const));

  it.each(pairs)("%s + %s -> %s", (status, action, expected) => {
    const result = sessionTransition(status, action, { reason: "Trùng lịch họp HĐND tỉnh" });
    expect(result).toEqual(expected === null ? { ok: false, error: "invalid_transition" } : { ok: true, status: expected });
  });

  it("wants a public reason to postpone or cancel", () => {
    for (const reason of [undefined, null, "", "   "]) {
      expect(sessionTransition("announced", "postpone", { reason })).toEqual({ ok: false, error: "reason_required" });
      expect(sessionTransition("open", "cancel", { reason })).toEqual({ ok: false, error: "reason_required" });
    }
    expect(sessionTransition("live", "end")).toEqual({ ok: true, status: "ended" });
  });

  it("lists exactly the actions that succeed", () => {
    for (const status of SESSION_STATUSES) {
      const succeed = SESSION_ACTIONS.filter((a) => sessionTransition(status, a, { reason: "x" }).ok);
      expect(allowedSessionActions(status)).toEqual(succeed);
    }
  });

  it("never leaves a cancelled session, and every walk stays among the statuses", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SESSION_ACTIONS), { maxLength: 30 }), (actions) => {
        let status: SessionStatus = "announced";
        let cancelled = false;
        for (const action of actions) {
          const next = sessionTransition(status, action, { reason: "lý do" });
          if (cancelled) expect(next.ok).toBe(false);
          if (next.ok) status = next.status;
          cancelled ||= status === "cancelled";
          expect(SESSION_STATUSES).toContain(status);
        }
      }),
    );
  });

  it("counts a session as upcoming or held, never both", () => {
    for (const s of SESSION_STATUSES) expect(UPCOMING_STATUSES.includes(s) && HELD_STATUSES.includes(s)).toBe(false);
  });
});

describe("taking questions", () => {
  const now = new Date("2026-12-10T03:00:00Z");
  const later = new Date("2026-12-10T05:00:00Z");
  const earlier = new Date("2026-12-10T01:00:00Z");

  it("takes them while open (until they close) and all through the live session", () => {
    expect(acceptsQuestions({ status: "open", questionsCloseAt: null }, now)).toBe(true);
    expect(acceptsQuestions({ status: "open", questionsCloseAt: later }, now)).toBe(true);
    expect(acceptsQuestions({ status: "open", questionsCloseAt: earlier }, now)).toBe(false);
    expect(acceptsQuestions({ status: "live", questionsCloseAt: earlier }, now)).toBe(true);
  });

  it("says why not", () => {
    expect(questionRefusal({ status: "cancelled", questionsCloseAt: null }, now)).toBe("cancelled");
    expect(questionRefusal({ status: "announced", questionsCloseAt: null }, now)).toBe("not_open");
    expect(questionRefusal({ status: "postponed", questionsCloseAt: null }, now)).toBe("not_open");
    expect(questionRefusal({ status: "open", questionsCloseAt: earlier }, now)).toBe("closed");
    expect(questionRefusal({ status: "ended", questionsCloseAt: null }, now)).toBe("closed");
    expect(questionRefusal({ status: "minutes_published", questionsCloseAt: null }, now)).toBe("closed");
    expect(questionRefusal({ status: "live", questionsCloseAt: null }, now)).toBeNull();
  });
});
