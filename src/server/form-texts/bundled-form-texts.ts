import "server-only";
import { bundledFormTexts, type FormTexts } from "@/domain/categories/form-texts";
import { translator } from "@/i18n/messages";

const cache = new Map<"vi" | "en", FormTexts>();

/** The texts shipped with the platform (messages/intake, kinds), as the form shows them when no row replaces them. */
export function bundledTexts(locale: "vi" | "en"): FormTexts {
  let texts = cache.get(locale);
  if (!texts) {
    const t = translator(locale);
    texts = bundledFormTexts((path) => t(path as never));
    cache.set(locale, texts);
  }
  return texts;
}
