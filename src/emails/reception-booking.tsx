import "server-only";
import type { Locale } from "@/i18n/config";
import { translator } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import { emailText } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { appUrl } from "./links";
import { renderEmail } from "./render";

/** A reception day as a booking's messages show it (public facts only: no citizen's name or matter). */
export type BookedDayData = { dayId: string; title: string; titleEn: string; startsAt: string; place: string; mode: "in_person" | "online"; onlineUrl: string | null };

export const receptionDayUrl = (dayId: string) => appUrl(`/tiep-cong-dan/${dayId}`);
export const cancelBookingUrl = () => appUrl("/tiep-cong-dan/huy-dat-lich");

/** The booking namespace's email texts (messages/booking: email.*). */
export function bookingEmailText(locale: Locale) {
  const root = translator(locale);
  return (key: string, values?: Record<string, string | number>) => root(`booking.email.${key}` as "booking.email.bookedSubject", values);
}

export function dayFacts(locale: Locale, d: BookedDayData): string[] {
  const t = bookingEmailText(locale);
  return [
    t("day", { title: locale === "en" ? d.titleEn : d.title }),
    t("when", { time: formatDateTime(new Date(d.startsAt), locale) }),
    d.mode === "online" ? t("online", { url: d.onlineUrl ?? receptionDayUrl(d.dayId) }) : t("where", { place: d.place }),
  ];
}

/**
 * The citizen's confirmation of a booked place: the only message that carries the booking code. The code is not
 * kept in the outbox once the message is delivered (null): the message then says where it was shown.
 */
export function receptionBookingEmail(locale: Locale, d: BookedDayData, code: string | null) {
  const tx = emailText(locale);
  const t = bookingEmailText(locale);
  const title = t("bookedSubject", { title: locale === "en" ? d.titleEn : d.title });
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: t("bookedAction"), url: receptionDayUrl(d.dayId) }}>
      <P>{tx.t("citizen.greeting")}</P>
      <P>{t("bookedIntro")}</P>
      <Facts lines={[code === null ? t("codeNotKept") : t("code", { code }), ...dayFacts(locale, d)]} />
      <P strong>{t("keepCode")}</P>
      <P>{t("cancelHow", { url: cancelBookingUrl() })}</P>
      <P>{t("reminderNote")}</P>
    </EmailLayout>,
  );
}
