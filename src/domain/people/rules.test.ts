import { describe, expect, it } from "vitest";
import { deactivatingLeavesNoAdmin, mayManagePeople, removingLeavesNoAdmin, type AdminSeat } from "./rules";

const seat = (membershipId: string, userId: string, active = true): AdminSeat => ({ membershipId, userId, active });

describe("people rules", () => {
  it("only an administrator manages people", () => {
    expect(mayManagePeople(["admin"])).toBe(true);
    expect(mayManagePeople(["leader", "admin"])).toBe(true);
    for (const role of ["intake", "handler", "leader", "overseer"] as const) expect(mayManagePeople([role])).toBe(false);
    expect(mayManagePeople([])).toBe(false);
  });

  it("refuses to remove the last active admin membership", () => {
    expect(removingLeavesNoAdmin([seat("m1", "a")], "m1")).toBe(true);
    expect(removingLeavesNoAdmin([seat("m1", "a"), seat("m2", "b")], "m1")).toBe(false);
    // The other admin is deactivated: it does not count.
    expect(removingLeavesNoAdmin([seat("m1", "a"), seat("m2", "b", false)], "m1")).toBe(true);
    // The same person holds admin in another unit: still an admin after.
    expect(removingLeavesNoAdmin([seat("m1", "a"), seat("m2", "a")], "m1")).toBe(false);
    // Not an admin membership (not in the list): nothing to protect.
    expect(removingLeavesNoAdmin([seat("m1", "a")], "other")).toBe(false);
  });

  it("refuses to deactivate the last active admin, oneself included", () => {
    expect(deactivatingLeavesNoAdmin([seat("m1", "a")], "a")).toBe(true);
    expect(deactivatingLeavesNoAdmin([seat("m1", "a"), seat("m2", "a")], "a")).toBe(true);
    expect(deactivatingLeavesNoAdmin([seat("m1", "a"), seat("m2", "b")], "a")).toBe(false);
    expect(deactivatingLeavesNoAdmin([seat("m1", "a"), seat("m2", "b", false)], "a")).toBe(true);
    // Someone who is not an admin.
    expect(deactivatingLeavesNoAdmin([seat("m1", "a")], "c")).toBe(false);
  });
});
