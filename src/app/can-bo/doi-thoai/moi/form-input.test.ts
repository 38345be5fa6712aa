import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { detailsFromForm, refusedForm } from "./form-input";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe("the session form's fields", () => {
  it("drops empty leader rows and maps a leader's problem back to its row in the form", () => {
    const { input, slotOf } = detailsFromForm(
      form({ title: "T", "leaders.1.userId": "u1", "leaders.1.position": "", "leaders.1.positionEn": "Chair", "leaders.3.userId": "u2", "leaders.3.position": "P", "leaders.3.positionEn": "P" }),
    );
    expect(input.leaders).toEqual([
      { userId: "u1", position: "", positionEn: "Chair" },
      { userId: "u2", position: "P", positionEn: "P" },
    ]);
    expect(slotOf).toEqual([1, 3]);
    expect(input.questionsInAdvance).toBe(false);
    const refused = refusedForm(new AppError("invalid_input", "invalid_input", { fields: { "leaders.0.position": "required", "leaders.1.userId": "not_leader", title: "too_long" } }), {}, slotOf);
    expect(refused.fieldErrors).toEqual({ "leaders.1.position": "required", "leaders.3.userId": "not_leader", title: "too_long" });
    expect(refused.formError).toBe("invalid");
  });

  it("turns refusals into the form's messages, never showing an unexpected error's text", () => {
    expect(refusedForm(new AppError("conflict", "stale_version"), { title: "x" })).toEqual({ values: { title: "x" }, fieldErrors: {}, formError: "stale_version" });
    expect(refusedForm(new AppError("conflict", "invalid_transition"), {}).formError).toBe("invalid_transition");
    expect(refusedForm(new AppError("forbidden", "not_allowed"), {}).formError).toBe("not_allowed");
    expect(refusedForm(new AppError("unauthenticated"), {}).formError).toBe("not_allowed");
    expect(refusedForm(new AppError("not_found", "not_found"), {}).formError).toBe("not_found");
    expect(refusedForm(new Error("database down"), {}).formError).toBe("failed");
  });
});
