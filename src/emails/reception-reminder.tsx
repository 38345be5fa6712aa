import "server-only";
import type { Locale } from "@/i18n/config";
import { emailText } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { bookingEmailText, cancelBookingUrl, dayFacts, receptionDayUrl, type BookedDayData } from "./reception-booking";
import { renderEmail } from "./render";

export type ReceptionReminderData = BookedDayData;

/** The working day before a reception: a reminder to each citizen who booked a place with an email. */
export function receptionReminderEmail(locale: Locale, d: ReceptionReminderData) {
  const tx = emailText(locale);
  const t = bookingEmailText(locale);
  const title = t("reminderSubject", { title: locale === "en" ? d.titleEn : d.title });
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: t("bookedAction"), url: receptionDayUrl(d.dayId) }}>
      <P>{tx.t("citizen.greeting")}</P>
      <P>{t("reminderIntro")}</P>
      <Facts lines={dayFacts(locale, d)} />
      <P>{t("reminderBring")}</P>
      <P>{t("cancelHow", { url: cancelBookingUrl() })}</P>
    </EmailLayout>,
  );
}
