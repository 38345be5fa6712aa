import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CASE_STATUSES, type CaseStatus } from "./types";
import {
  CASE_ACTIONS,
  STATUS_LABELS,
  allowedActions,
  clockState,
  isCaseAction,
  isCaseStatus,
  isTerminal,
  transition,
  type CaseAction,
} from "./case-status";

const REFUSAL = { reason: "Điều 11 Luật Khiếu nại 2011", redirect: "Tòa án nhân dân khu vực 1 - Gia Lai" };

// Written out by hand from DOMAIN.md section 3; every pair not listed must be refused.
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  received: { accept: "accepted", refuse: "not_accepted", transfer: "received", withdraw: "withdrawn" },
  accepted: { request_info: "info_requested", extend: "accepted", answer: "answered", withdraw: "withdrawn" },
  info_requested: { provide_info: "accepted", info_timeout: "accepted", withdraw: "withdrawn" },
  not_accepted: { close: "closed" },
  answered: { close: "closed", reopen: "received" },
  closed: { reopen: "received" },
  withdrawn: {},
};

const pairs = CASE_STATUSES.flatMap((s) => CASE_ACTIONS.map((a) => [s, a, EXPECTED[s][a] ?? null] as const));

describe("transition: every (status, action) pair", () => {
  it("covers all 7 x 11 pairs", () => {
    expect(pairs).toHaveLength(77);
  });

  it.each(pairs)("%s + %s -> %s", (status, action, expected) => {
    const result = transition(status, action, REFUSAL);
    if (expected === null) expect(result).toEqual({ ok: false, error: "invalid_transition" });
    else expect(result).toEqual({ ok: true, status: expected });
  });
});

describe("refuse needs a legal reason and a redirect", () => {
  it("refuses a bare refusal", () => {
    expect(transition("received", "refuse")).toEqual({ ok: false, error: "reason_required" });
    expect(transition("received", "refuse", {})).toEqual({ ok: false, error: "reason_required" });
  });

  it("refuses blank or whitespace-only text", () => {
    expect(transition("received", "refuse", { reason: "  \n", redirect: "x" })).toEqual({
      ok: false,
      error: "reason_required",
    });
    expect(transition("received", "refuse", { reason: null, redirect: "x" })).toEqual({
      ok: false,
      error: "reason_required",
    });
    expect(transition("received", "refuse", { reason: "r", redirect: " " })).toEqual({
      ok: false,
      error: "redirect_required",
    });
    expect(transition("received", "refuse", { reason: "r", redirect: null })).toEqual({
      ok: false,
      error: "redirect_required",
    });
  });

  it("reports invalid_transition before missing input", () => {
    expect(transition("accepted", "refuse")).toEqual({ ok: false, error: "invalid_transition" });
  });

  it("does not demand a reason for other actions", () => {
    expect(transition("received", "accept")).toEqual({ ok: true, status: "accepted" });
    expect(transition("answered", "close")).toEqual({ ok: true, status: "closed" });
  });
});

describe("allowedActions", () => {
  it.each(CASE_STATUSES)("%s lists exactly the expected actions", (status) => {
    expect(new Set(allowedActions(status))).toEqual(new Set(Object.keys(EXPECTED[status])));
  });

  it("withdrawn allows nothing, closed only reopen", () => {
    expect(allowedActions("withdrawn")).toEqual([]);
    expect(allowedActions("closed")).toEqual(["reopen"]);
  });
});

describe("isTerminal and clockState", () => {
  it("marks closed and withdrawn as terminal", () => {
    expect(CASE_STATUSES.filter(isTerminal)).toEqual(["closed", "withdrawn"]);
  });

  it.each([
    ["received", "acceptance"],
    ["accepted", "resolution"],
    ["info_requested", "paused"],
    ["not_accepted", "stopped"],
    ["answered", "stopped"],
    ["closed", "stopped"],
    ["withdrawn", "stopped"],
  ] as const)("%s -> %s", (status, clock) => {
    expect(clockState(status)).toBe(clock);
  });
});

describe("STATUS_LABELS", () => {
  it("has the public labels from DOMAIN.md", () => {
    expect(STATUS_LABELS.received.vi).toBe("Đã tiếp nhận");
    expect(STATUS_LABELS.accepted.vi).toBe("Đã thụ lý / Đang giải quyết");
    expect(STATUS_LABELS.info_requested.vi).toBe("Chờ bổ sung thông tin");
    expect(STATUS_LABELS.not_accepted.vi).toBe("Không thụ lý");
    expect(STATUS_LABELS.answered.vi).toBe("Đã trả lời / Đã có kết quả");
    expect(STATUS_LABELS.closed.vi).toBe("Đã đóng");
    expect(STATUS_LABELS.withdrawn.vi).toBe("Đã rút");
  });

  it("labels are non-empty and in NFC, so search and comparison work", () => {
    for (const s of CASE_STATUSES) {
      const { vi, en } = STATUS_LABELS[s];
      expect(vi.length).toBeGreaterThan(0);
      expect(en.length).toBeGreaterThan(0);
      expect(vi).toBe(vi.normalize("NFC"));
    }
  });
});

describe("guards", () => {
  it("recognise statuses and actions", () => {
    expect(isCaseStatus("answered")).toBe(true);
    expect(isCaseStatus("overdue")).toBe(false);
    expect(isCaseAction("reopen")).toBe(true);
    expect(isCaseAction("escalate")).toBe(false);
  });
});

describe("properties", () => {
  const action = fc.constantFrom(...CASE_ACTIONS);
  const status = fc.constantFrom(...CASE_STATUSES);
  const input = fc.record({
    reason: fc.option(fc.string(), { nil: undefined }),
    redirect: fc.option(fc.string(), { nil: undefined }),
  });

  it("random action sequences from received stay inside CASE_STATUSES and follow the table", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(action, input), { maxLength: 60 }), (steps) => {
        let current: CaseStatus = "received";
        for (const [a, i] of steps) {
          const r = transition(current, a, i);
          if (r.ok) {
            expect(EXPECTED[current][a]).toBe(r.status);
            current = r.status;
          }
          expect(CASE_STATUSES).toContain(current);
        }
      }),
    );
  });

  it("withdrawn refuses every action; closed accepts only reopen", () => {
    fc.assert(
      fc.property(action, input, (a, i) => {
        expect(transition("withdrawn", a, i).ok).toBe(false);
        const fromClosed = transition("closed", a, i);
        expect(fromClosed.ok).toBe(a === "reopen");
      }),
    );
  });

  it("allowedActions agrees with transition given complete input", () => {
    fc.assert(
      fc.property(status, action, (s, a) => {
        expect(allowedActions(s).includes(a)).toBe(transition(s, a, REFUSAL).ok);
      }),
    );
  });

  it("a failed transition never names a status and a successful one never an error", () => {
    fc.assert(
      fc.property(status, action, input, (s, a, i) => {
        const r = transition(s, a, i);
        if (r.ok) expect(r).not.toHaveProperty("error");
        else expect(r).not.toHaveProperty("status");
      }),
    );
  });

  it("every status is reachable from received", () => {
    const seen = new Set<CaseStatus>(["received"]);
    const queue: CaseStatus[] = ["received"];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const a of allowedActions(s)) {
        const r = transition(s, a, REFUSAL);
        if (r.ok && !seen.has(r.status)) {
          seen.add(r.status);
          queue.push(r.status);
        }
      }
    }
    expect([...seen].sort()).toEqual([...CASE_STATUSES].sort());
  });
});
