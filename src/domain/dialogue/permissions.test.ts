import { describe, expect, it } from "vitest";
import type { Role } from "../types";
import { COMMITMENT_STAFF_ACTIONS, mayCommitmentAction, maySessionAction, SESSION_STAFF_ACTIONS } from "./permissions";

const roles = (atUnit: Role[], above: Role[] = []) => ({ atUnit: new Set(atUnit), above: new Set(above) });

describe("who may act on a session (roles at its hosting unit)", () => {
  it("lets the leader's office run it and every staff member moderate", () => {
    for (const action of SESSION_STAFF_ACTIONS) {
      expect(maySessionAction(action, roles(["intake"]))).toBe(true);
      expect(maySessionAction(action, roles(["leader"]))).toBe(true);
    }
    expect(maySessionAction("moderate", roles(["handler"]))).toBe(true);
    expect(maySessionAction("record_answer", roles(["handler"]))).toBe(true);
    for (const action of ["schedule", "edit", "change_status", "to_case", "agenda", "commit", "publish_minutes"] as const) {
      expect(maySessionAction(action, roles(["handler"]))).toBe(false);
    }
  });

  it("lets roles above the unit, overseers and admins only read", () => {
    for (const above of [["leader"], ["overseer"], ["admin"], ["intake"], ["handler"]] as Role[][]) {
      for (const action of SESSION_STAFF_ACTIONS) {
        const expected = action === "view_staff" && !above.includes("intake") && !above.includes("handler");
        expect(maySessionAction(action, roles([], above))).toBe(expected);
      }
    }
    for (const action of SESSION_STAFF_ACTIONS.filter((a) => a !== "view_staff")) {
      expect(maySessionAction(action, roles(["overseer"]))).toBe(false);
      expect(maySessionAction(action, roles(["admin"]))).toBe(false);
    }
  });

  it("refuses someone with no role there at all", () => {
    for (const action of SESSION_STAFF_ACTIONS) expect(maySessionAction(action, roles([]))).toBe(false);
  });
});

describe("who may act on a commitment (roles at its owner unit)", () => {
  it("lets the unit's staff report progress and its leader, or one above, close it", () => {
    for (const r of ["intake", "handler", "leader"] as const) expect(mayCommitmentAction("progress", roles([r]))).toBe(true);
    expect(mayCommitmentAction("close", roles(["leader"]))).toBe(true);
    expect(mayCommitmentAction("close", roles([], ["leader"]))).toBe(true);
    expect(mayCommitmentAction("close", roles(["handler", "intake"]))).toBe(false);
    for (const action of COMMITMENT_STAFF_ACTIONS) {
      expect(mayCommitmentAction(action, roles([], ["overseer"]))).toBe(false);
      expect(mayCommitmentAction(action, roles([]))).toBe(false);
    }
    expect(mayCommitmentAction("progress", roles([], ["leader"]))).toBe(false);
  });
});
