import "server-only";
import type { Locale } from "@/i18n/config";
import { translator } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import { emailText } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { appUrl } from "./links";
import { renderEmail } from "./render";

/** What changed about a reception day a citizen booked a place at. No citizen's name: the message is rendered at once. */
export type ReceptionDayChangeData = {
  dayId: string;
  change: "moved" | "cancelled" | "online" | "in_person";
  title: string;
  oldStartsAt: string;
  startsAt: string;
  place: string;
  onlineUrl: string | null;
  reason: string | null;
};

/** A booked citizen is told that the reception moved, was cancelled, or will be held online (or in person again). */
export function receptionDayChangeEmail(locale: Locale, d: ReceptionDayChangeData) {
  const tx = emailText(locale);
  const t = translator(locale);
  const when = formatDateTime(new Date(d.startsAt), locale);
  const oldWhen = formatDateTime(new Date(d.oldStartsAt), locale);
  const subject = t(`reception.email.subject.${d.change}`, { title: d.title, when: oldWhen });
  return renderEmail(
    subject,
    <EmailLayout tx={tx} title={subject} action={{ label: t("reception.email.action"), url: appUrl(`/tiep-cong-dan/${d.dayId}`) }}>
      <P>{t("reception.email.greeting")}</P>
      <P>{t(`reception.email.body.${d.change}`, { title: d.title, when: oldWhen })}</P>
      <Facts
        lines={[
          d.change === "cancelled" ? null : t("reception.email.when", { when }),
          d.change === "cancelled" ? null : d.change === "online" && d.onlineUrl ? t("reception.email.link", { url: d.onlineUrl }) : t("reception.email.place", { place: d.place }),
          d.reason ? t("reception.email.reason", { reason: d.reason }) : null,
        ]}
      />
      <P>{d.change === "cancelled" ? t("reception.email.afterCancel") : t("reception.email.keep")}</P>
    </EmailLayout>,
  );
}
