import { describe, expect, it } from "vitest";
import type { Role } from "../types";
import { mayManageDuty, mayReceptionAction, RECEPTION_STAFF_ACTIONS } from "./permissions";

const roles = (atUnit: Role[], above: Role[] = []) => ({ atUnit: new Set(atUnit), above: new Set(above) });

describe("who may do what with a reception day", () => {
  it("lets the office's intake officers and leaders plan, see bookings and record", () => {
    for (const action of ["plan", "view_bookings", "record"] as const) {
      expect(mayReceptionAction(action, roles(["intake"]))).toBe(true);
      expect(mayReceptionAction(action, roles(["leader"]))).toBe(true);
      expect(mayReceptionAction(action, roles(["handler"]))).toBe(false);
      expect(mayReceptionAction(action, roles([], ["leader", "overseer", "admin"]))).toBe(false);
    }
  });

  it("keeps the citizens' bookings from everyone above the office, even its overseers", () => {
    expect(mayReceptionAction("view_bookings", roles([], ["overseer"]))).toBe(false);
    expect(mayReceptionAction("view_bookings", roles(["overseer"]))).toBe(false);
  });

  it("leaves the conclusion notice to a leader of the office or the head", () => {
    expect(mayReceptionAction("conclude", roles(["leader"]))).toBe(true);
    expect(mayReceptionAction("conclude", roles(["intake"]))).toBe(false);
    expect(mayReceptionAction("conclude", roles([]), { isHead: true })).toBe(true);
  });

  it("gives the head, the office and those above it the briefing", () => {
    expect(mayReceptionAction("briefing", roles([]), { isHead: true })).toBe(true);
    expect(mayReceptionAction("briefing", roles(["intake"]))).toBe(true);
    expect(mayReceptionAction("briefing", roles([], ["overseer"]))).toBe(true);
    expect(mayReceptionAction("briefing", roles(["handler"]))).toBe(false);
  });

  it("refuses every action to someone with no role at or above the office", () => {
    for (const action of RECEPTION_STAFF_ACTIONS) expect(mayReceptionAction(action, roles([]))).toBe(false);
  });

  it("leaves duty rules, positions and holders to administrators", () => {
    expect(mayManageDuty(["admin"])).toBe(true);
    expect(mayManageDuty(["leader", "intake", "overseer"])).toBe(false);
  });
});
