import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(leaves);
}

describe("translations", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(keys(MESSAGES.en).sort()).toEqual(keys(MESSAGES.vi).sort());
  });

  it("have no empty strings and Vietnamese in Unicode NFC (precomposed accents)", () => {
    for (const text of [...leaves(MESSAGES.vi), ...leaves(MESSAGES.en)]) expect(text.trim()).not.toBe("");
    for (const text of leaves(MESSAGES.vi)) expect(text).toBe(text.normalize("NFC"));
  });
});
