import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedQuestionActions, mergedSupportCount, QUESTION_ACTIONS, questionTransition, queueOrder, type QuestionAction } from "./question-status";
import { QUESTION_STATUSES, type QuestionStatus } from "./vocabulary";

const EXPECTED: Record<QuestionStatus, Partial<Record<QuestionAction, QuestionStatus>>> = {
  pending: { approve: "approved", decline: "declined", merge: "merged", to_case: "case" },
  approved: { decline: "declined", merge: "merged", answer: "answered", to_case: "case" },
  declined: {},
  merged: {},
  answered: { to_case: "case" },
  case: {},
};

const self = { id: "q1", sessionId: "s1" };
const target = { id: "q2", sessionId: "s1", status: "approved" as const };
const full = { reason: "off_topic" as const, answer: "Sẽ sửa đường trong quý I", target, self };

describe("the question state machine", () => {
  const pairs = QUESTION_STATUSES.flatMap((s) => QUESTION_ACTIONS.map((a) => [s, a, EXPECTED[s][a] ?? null] as const));

  it.each(pairs)("%s + %s -> %s", (status, action, expected) => {
    expect(questionTransition(status, action, full)).toEqual(expected === null ? { ok: false, error: "invalid_transition" } : { ok: true, status: expected });
  });

  it("lists exactly the actions that succeed", () => {
    for (const s of QUESTION_STATUSES) expect(allowedQuestionActions(s)).toEqual(QUESTION_ACTIONS.filter((a) => questionTransition(s, a, full).ok));
  });

  it("wants a reason to decline and an answer to answer", () => {
    expect(questionTransition("pending", "decline", {})).toEqual({ ok: false, error: "reason_required" });
    expect(questionTransition("approved", "answer", { answer: "  " })).toEqual({ ok: false, error: "answer_required" });
  });

  it("merges only into another live question of the same session", () => {
    expect(questionTransition("pending", "merge", { self, target: { ...target, id: "q1" } }).ok).toBe(false);
    expect(questionTransition("pending", "merge", { self, target: { ...target, sessionId: "s2" } }).ok).toBe(false);
    for (const status of ["declined", "merged", "answered", "case"] as const) {
      expect(questionTransition("pending", "merge", { self, target: { ...target, status } })).toEqual({ ok: false, error: "merge_target_invalid" });
    }
    expect(questionTransition("pending", "merge", { self, target })).toEqual({ ok: true, status: "merged" });
  });
});

describe("the queue", () => {
  it("puts priority first, then support, then who asked first", () => {
    const q = (number: number, priority: number, supportCount: number) => ({ number, priority, supportCount });
    expect(queueOrder([q(1, 0, 5), q(2, 1, 0), q(3, 0, 9), q(4, 0, 5)]).map((x) => x.number)).toEqual([2, 3, 1, 4]);
  });

  it("is a total order: any shuffle of the same questions queues the same way", () => {
    const question = fc.record({ priority: fc.integer({ min: 0, max: 2 }), supportCount: fc.nat(50) });
    fc.assert(
      fc.property(fc.array(question, { maxLength: 40 }), fc.integer(), (raw, seed) => {
        const questions = raw.map((q, i) => ({ ...q, number: i + 1 }));
        const shuffled = [...questions].sort((a, b) => ((a.number * 7919 + seed) % 101) - ((b.number * 7919 + seed) % 101));
        expect(queueOrder(shuffled)).toEqual(queueOrder(questions));
        const ordered = queueOrder(questions);
        for (let i = 1; i < ordered.length; i++) {
          const [a, b] = [ordered[i - 1]!, ordered[i]!];
          expect(a.priority > b.priority || (a.priority === b.priority && a.supportCount >= b.supportCount)).toBe(true);
        }
      }),
    );
  });
});

describe("merging supports", () => {
  it("counts a person who supported both once", () => {
    expect(mergedSupportCount(["user:a", "browser:x"], ["user:a", "user:b"])).toBe(3);
  });

  it("is never less than either side nor more than both", () => {
    const keys = fc.array(fc.constantFrom("user:a", "user:b", "user:c", "browser:x", "browser:y", "browser:z"), { maxLength: 6 });
    fc.assert(
      fc.property(keys, keys, (a, b) => {
        const [sa, sb] = [new Set(a), new Set(b)];
        const merged = mergedSupportCount(sa, sb);
        expect(merged).toBeGreaterThanOrEqual(Math.max(sa.size, sb.size));
        expect(merged).toBeLessThanOrEqual(sa.size + sb.size);
        expect(merged).toBe(mergedSupportCount(sb, sa));
        expect(merged).toBe(sa.size + sb.size - [...sa].filter((k) => sb.has(k)).length);
      }),
    );
  });
});
