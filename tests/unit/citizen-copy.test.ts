import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINE_POLICIES, RECEPTION_ANSWER_POLICY } from "@/domain/deadline-policies-data";
import { CASE_KINDS } from "@/domain/types";
import { MESSAGES } from "@/i18n/messages";

type Tree = { [key: string]: string | Tree };
const at = (tree: unknown, path: string): string => path.split(".").reduce<unknown>((node, key) => (node as Tree)[key], tree) as string;

/** Sentences, compared without case, punctuation or the words that only introduce them. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "").trim())
    .filter(Boolean);
}

describe("the kind cards of the filing form", () => {
  for (const locale of ["vi", "en"] as const) {
    it(`say each thing once (${locale})`, () => {
      for (const kind of CASE_KINDS) {
        const card = [at(MESSAGES[locale], `kinds.${kind}.help`), at(MESSAGES[locale], `intake.kindIdentity.${kind}`), at(MESSAGES[locale], `intake.kindNext.${kind}`)];
        const all = card.flatMap(sentences);
        expect(new Set(all).size, `${kind}: ${card.join(" ")}`).toBe(all.length);
        // Who must give a name is said in one place: the identity sentence, never in the description too.
        expect(at(MESSAGES[locale], `kinds.${kind}.help`), kind).not.toMatch(/họ tên|danh tính|không ghi tên|name|identity|anonymous/i);
      }
    });
  }
});

describe("legal bases shown to citizens", () => {
  it("carry no internal note and name each document by its number, as a citizen looks it up", () => {
    for (const basis of [...DEFAULT_DEADLINE_POLICIES.map((p) => p.legalBasis), RECEPTION_ANSWER_POLICY.legalBasis]) {
      expect(basis).not.toMatch(/cần kiểm tra|verify|\?/i);
      // "Luật Khiếu nại 2011" is not findable; "Luật Khiếu nại số 02/2011/QH13" is.
      for (const law of basis.match(/Luật [^,;(]+/g) ?? []) expect(law, basis).toMatch(/số \d+\/\d{4}\/QH\d+/);
    }
  });
});
