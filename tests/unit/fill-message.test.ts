import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import { fillMessage, type Values } from "@/lib/fill-message";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

/** Values for each argument a message names: a count for plural ones, a word or a number for plain ones. */
function valuesFor(message: string, count: number, plain: "word" | "number"): Values {
  const values: Values = {};
  for (const [, name, kind] of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) {
    if (kind) values[name!] = count;
    else if (!(name! in values)) values[name!] = plain === "word" ? `«${name}» ảnh.png` : count;
  }
  return values;
}

describe("fillMessage, the browser's template filler", () => {
  for (const locale of ["vi", "en"] as const) {
    it(`fills every message as next-intl does (${locale})`, () => {
      const t = createTranslator({ locale, messages: MESSAGES[locale] as never });
      let checked = 0;
      for (const [key, message] of leaves(MESSAGES[locale] as unknown as Tree)) {
        if (!message.includes("{")) continue;
        for (const count of [0, 1, 2, 3, 11, 22, 10_000]) {
          for (const plain of ["word", "number"] as const) {
            const values = valuesFor(message, count, plain);
            expect(fillMessage(message, values, locale), `${key} ${JSON.stringify(values)}`).toBe(t(key as never, values as never));
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  }

  it("refuses a template it cannot fill rather than showing it half done", () => {
    expect(() => fillMessage("Còn {minutes} phút", {}, "vi")).toThrow(/minutes/);
    expect(() => fillMessage("{kind, select, a {A} other {B}}", { kind: 1 }, "vi")).toThrow(/unsupported/);
  });
});
