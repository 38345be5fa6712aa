import { describe, expect, it } from "vitest";
import { MESSAGES, translator } from "@/i18n/messages";
import { bundledFormTexts, effectiveFormTexts, FORM_TEXT_KEYS, FORM_TEXT_SPECS, isFormTextKey } from "./form-texts";

// The periods a kind's "what happens next" names come from the policy in force (src/server/form-texts).
const PERIODS = { acceptance: "10 ngày làm việc", resolution: "30 ngày" };
const bundled = (locale: "vi" | "en") => {
  const t = translator(locale);
  return bundledFormTexts((path) => t(path as never, PERIODS as never));
};

describe("citizen-form texts", () => {
  it("every key's default is made of messages that exist in both languages, within its limit", () => {
    for (const locale of ["vi", "en"] as const) {
      const texts = bundled(locale);
      for (const key of FORM_TEXT_KEYS) {
        expect(texts[key].length).toBeGreaterThan(10);
        expect(texts[key].length).toBeLessThanOrEqual(FORM_TEXT_SPECS[key].max);
        expect(texts[key]).not.toContain(locale === "vi" ? "intake." : "kinds.");
      }
    }
    expect(bundled("vi").kind_complaint).toContain(MESSAGES.vi.kinds.complaint.help);
    expect(bundled("vi").kind_complaint).toContain(MESSAGES.vi.intake.kindNext.complaint.replace("{acceptance}", PERIODS.acceptance));
    expect(bundled("en").term_accept).toBe(MESSAGES.en.intake.termAccept);
  });

  it("keys are message-safe (no dots) and known", () => {
    for (const key of FORM_TEXT_KEYS) expect(key).toMatch(/^[a-z_]+$/);
    expect(isFormTextKey("intro")).toBe(true);
    expect(isFormTextKey("kind.petition")).toBe(false);
    expect(isFormTextKey(undefined)).toBe(false);
  });

  it("a stored row replaces the bundled text in its language; unknown keys and blank texts are ignored", () => {
    const base = bundled("vi");
    const stored = [
      { key: "term_accept", textVi: "Thụ lý là nhận giải quyết.", textEn: "Accepted means taken up." },
      { key: "privacy", textVi: " ", textEn: "Private." },
      { key: "gone_key", textVi: "x", textEn: "y" },
    ];
    const vi = effectiveFormTexts(base, stored, "vi");
    expect(vi.term_accept).toBe("Thụ lý là nhận giải quyết.");
    expect(vi.privacy).toBe(base.privacy);
    expect(Object.keys(vi).sort()).toEqual([...FORM_TEXT_KEYS].sort());
    expect(effectiveFormTexts(bundled("en"), stored, "en")).toMatchObject({ term_accept: "Accepted means taken up.", privacy: "Private." });
    expect(base.term_accept).toBe(MESSAGES.vi.intake.termAccept);
  });
});
