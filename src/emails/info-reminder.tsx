import "server-only";
import type { Locale } from "@/i18n/config";
import { emailText, type UnitName } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { privateCaseUrl } from "./links";
import { renderEmail } from "./render";

export type InfoReminderData = { code: string; unit: UnitName; requestedOn: Date | string; reason: string | null; preferencesUrl: string };

/** Non-essential: the filer can opt out of reminders. */
export function infoReminderEmail(locale: Locale, d: InfoReminderData) {
  const tx = emailText(locale);
  const title = tx.t("citizen.infoReminder.subject", { code: d.code });
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: tx.t("citizen.privateAction"), url: privateCaseUrl(d.code) }} preferencesUrl={d.preferencesUrl}>
      <P>{tx.t("citizen.greeting")}</P>
      <P>{tx.t("citizen.infoReminder.body", { date: tx.date(d.requestedOn), unit: tx.unit(d.unit) })}</P>
      <Facts lines={[tx.t("citizen.code", { code: d.code }), d.reason ? tx.t("citizen.infoReminder.what", { reason: d.reason }) : null]} />
      <P>{tx.t("citizen.infoReminder.how")}</P>
      <P>{tx.t("citizen.keyHint")}</P>
      <P>{tx.t("citizen.thanks")}</P>
    </EmailLayout>,
  );
}
