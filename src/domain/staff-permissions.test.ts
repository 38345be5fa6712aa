import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CASE_KINDS, CASE_STATUSES, ROLES, type Role } from "./types";
import { availableActions, canSee, mayDo, roleMayEver, STAFF_ACTIONS, type CaseRoles, type StaffAction, type StaffCaseFacts } from "./staff-permissions";

const ME = "user-me";
const OTHER = "user-other";

const roles = (atUnit: Role[] = [], above: Role[] = []): CaseRoles => ({ atUnit: new Set(atUnit), above: new Set(above) });
const facts = (over: Partial<StaffCaseFacts> = {}): StaffCaseFacts => ({
  status: "received",
  kind: "report",
  assigneeId: null,
  draftStatus: null,
  flagged: false,
  ...over,
});

const arbRoles = fc.record({
  atUnit: fc.uniqueArray(fc.constantFrom(...ROLES)).map((r) => new Set(r)),
  above: fc.uniqueArray(fc.constantFrom(...ROLES)).map((r) => new Set(r)),
});
const arbFacts = fc.record({
  status: fc.constantFrom(...CASE_STATUSES),
  kind: fc.constantFrom(...CASE_KINDS),
  assigneeId: fc.constantFrom(null, ME, OTHER),
  draftStatus: fc.constantFrom(null, "draft" as const, "submitted" as const, "returned" as const),
  flagged: fc.boolean(),
});

describe("who sees a case", () => {
  it("lets everyone with a role at the unit see it, and only leaders, overseers and admins from above", () => {
    for (const role of ROLES) expect(canSee(roles([role]))).toBe(true);
    expect(canSee(roles([], ["leader"]))).toBe(true);
    expect(canSee(roles([], ["overseer"]))).toBe(true);
    expect(canSee(roles([], ["admin"]))).toBe(true);
    expect(canSee(roles([], ["intake", "handler"]))).toBe(false);
    expect(canSee(roles())).toBe(false);
  });
});

describe("who may do what", () => {
  // Written out from DOMAIN.md section 2: the roles at the case's own unit that may ever do each action.
  const BY_ROLE: Record<StaffAction, Role[]> = {
    accept: ["intake", "leader"],
    refuse: ["intake", "leader"],
    transfer: ["intake", "leader"],
    assign: ["intake", "leader"],
    note: ["intake", "handler", "leader"],
    request_info: ["handler", "leader"],
    resume: ["handler", "leader"],
    save_draft: ["handler", "leader"],
    submit_draft: ["handler", "leader"],
    return_draft: ["leader"],
    approve: ["leader"],
    extend: ["leader"],
    flag: ["overseer"],
    clear_flag: ["leader"],
    view_identity: ["intake", "handler", "leader"],
  };

  it.each(STAFF_ACTIONS.flatMap((a) => ROLES.map((r) => [a, r] as const)))("%s by a lone %s at the unit", (action, role) => {
    expect(roleMayEver(action, roles([role]))).toBe(BY_ROLE[action].includes(role));
  });

  it("gives a role held only above the unit no power but flagging (leaders and overseers)", () => {
    for (const action of STAFF_ACTIONS) {
      for (const role of ROLES) {
        expect(roleMayEver(action, roles([], [role]))).toBe(action === "flag" && (role === "leader" || role === "overseer"));
      }
    }
  });

  it("never allows what the role cannot ever do, and never lets a viewer with no access do anything (property)", () => {
    fc.assert(
      fc.property(arbRoles, arbFacts, fc.constantFrom(...STAFF_ACTIONS), (r, f, action) => {
        if (mayDo(action, r, f, ME)) {
          expect(roleMayEver(action, r)).toBe(true);
          expect(canSee(r)).toBe(true);
        }
      }),
    );
  });

  it("allows acceptance decisions only on a received case, and the answer only on an accepted one with a submitted draft (property)", () => {
    fc.assert(
      fc.property(arbRoles, arbFacts, (r, f) => {
        const acts = availableActions(r, f, ME);
        for (const a of ["accept", "refuse", "transfer"] as const) if (acts.includes(a)) expect(f.status).toBe("received");
        if (acts.includes("approve") || acts.includes("return_draft")) {
          expect(f.status).toBe("accepted");
          expect(f.draftStatus).toBe("submitted");
        }
        if (acts.includes("extend") || acts.includes("request_info")) expect(f.status).toBe("accepted");
        if (acts.includes("save_draft")) expect(f.draftStatus).not.toBe("submitted");
        if (acts.includes("assign") || acts.includes("flag")) expect(["received", "accepted", "info_requested"]).toContain(f.status);
      }),
    );
  });

  it("lets a handler work only on the cases assigned to them; a leader on any of the unit's", () => {
    const accepted = facts({ status: "accepted" });
    expect(mayDo("request_info", roles(["handler"]), accepted, ME)).toBe(false);
    expect(mayDo("request_info", roles(["handler"]), { ...accepted, assigneeId: OTHER }, ME)).toBe(false);
    expect(mayDo("request_info", roles(["handler"]), { ...accepted, assigneeId: ME }, ME)).toBe(true);
    expect(mayDo("save_draft", roles(["handler"]), { ...accepted, assigneeId: ME }, ME)).toBe(true);
    expect(mayDo("save_draft", roles(["leader"]), accepted, ME)).toBe(true);
    expect(mayDo("save_draft", roles(["handler"]), { ...accepted, assigneeId: ME, draftStatus: "submitted" }, ME)).toBe(false);
  });

  it("shows a denouncer's identity to the named handler only, whatever else the viewer holds (property)", () => {
    fc.assert(
      fc.property(arbRoles, arbFacts, (r, f) => {
        const denunciation = { ...f, kind: "denunciation" as const };
        if (mayDo("view_identity", r, denunciation, ME)) expect(denunciation.assigneeId).toBe(ME);
      }),
    );
    expect(mayDo("view_identity", roles(["leader"]), facts({ kind: "denunciation", assigneeId: OTHER }), ME)).toBe(false);
    expect(mayDo("view_identity", roles(["handler"]), facts({ kind: "denunciation", assigneeId: ME }), ME)).toBe(true);
    expect(mayDo("view_identity", roles(["intake"]), facts({ kind: "complaint" }), ME)).toBe(true);
    expect(mayDo("view_identity", roles(["overseer"]), facts({ kind: "complaint" }), ME)).toBe(false);
  });

  it("flags only an unflagged open case, and clears only a flagged one", () => {
    expect(mayDo("flag", roles(["overseer"]), facts(), ME)).toBe(true);
    expect(mayDo("flag", roles(["overseer"]), facts({ flagged: true }), ME)).toBe(false);
    expect(mayDo("flag", roles(["overseer"]), facts({ status: "closed" }), ME)).toBe(false);
    expect(mayDo("clear_flag", roles(["leader"]), facts({ flagged: true }), ME)).toBe(true);
    expect(mayDo("clear_flag", roles(["leader"]), facts(), ME)).toBe(false);
  });
});
