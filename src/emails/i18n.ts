import type { Locale } from "@/i18n/config";
import { translator } from "@/i18n/messages";
import { formatDate } from "@/lib/format";

export type EmailLocale = Locale;
export type UnitName = { name: string; nameEn: string };

/** Translations of the `email` namespace and the helpers every template uses. */
export function emailText(locale: Locale) {
  const root = translator(locale);
  // Keys built from event names are checked by tests/unit/emails.test.ts, not by the compiler.
  const t = (key: string, values?: Record<string, string | number>) => root(`email.${key}` as "email.footer", values);
  return {
    locale,
    t,
    appName: root("app.name"),
    kind: (kind: string) => root(`kinds.${kind as "petition"}.name`).toLocaleLowerCase(locale === "en" ? "en-GB" : "vi-VN"),
    kindTitle: (kind: string) => root(`kinds.${kind as "petition"}.name`),
    unit: (unit: UnitName) => (locale === "en" ? unit.nameEn : unit.name),
    date: (date: Date | string) => formatDate(date, locale),
  };
}
export type EmailText = ReturnType<typeof emailText>;
