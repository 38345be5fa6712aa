import "server-only";
import type { Locale } from "@/i18n/config";
import { translator } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import { emailText, type UnitName } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { appUrl } from "./links";
import { renderEmail } from "./render";

/** Counts only: the message holds no citizen's name, contact or matter (they are in the briefing, behind sign-in). */
export type BriefingEmailData = {
  kind: "reception" | "session";
  /** The reception day's or the session's id. */
  id: string;
  recipientName: string | null;
  title: string;
  titleEn: string;
  startsAt: string;
  place: string;
  unit: UnitName;
  areaName: string | null;
  cases: { area: { open: number; overdue: number } | null; unit: { open: number; overdue: number } };
  commitments: { open: number; overdue: number; missed: number };
  questions: number | null;
  booked: number | null;
};

export const briefingPath = (kind: "reception" | "session", id: string) => (kind === "reception" ? `/can-bo/tiep-cong-dan/${id}/ban-tin` : `/can-bo/doi-thoai/${id}/ban-tin`);
export const briefingUrl = (kind: "reception" | "session", id: string) => appUrl(briefingPath(kind, id));

/** The leader is sent, the working day before, the main figures of the briefing and its link. */
export function briefingEmail(locale: Locale, d: BriefingEmailData) {
  const tx = emailText(locale);
  const root = translator(locale);
  // Keys built from the kind are checked by the template tests, not by the compiler.
  const b = (key: string, values?: Record<string, string | number>) => root(`briefing.email.${key}` as "briefing.email.action", values);
  const startsAt = new Date(d.startsAt);
  const title = b(`subject.${d.kind}`, { date: tx.date(startsAt) });
  const unit = tx.unit(d.unit);
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: b("action"), url: briefingUrl(d.kind, d.id) }}>
      <P>{d.recipientName ? b("greeting", { name: d.recipientName }) : b("greetingNoName")}</P>
      <P>{b(`body.${d.kind}`, { title: locale === "en" ? d.titleEn || d.title : d.title })}</P>
      <Facts
        lines={[
          b("when", { when: formatDateTime(startsAt, locale) }),
          b("where", { place: d.place }),
          b("unit", { unit }),
          d.cases.area && d.areaName ? b("areaCases", { ...d.cases.area }) : null,
          b("unitCases", { ...d.cases.unit }),
          b("commitments", { ...d.commitments }),
          d.questions !== null ? b("questions", { count: d.questions }) : null,
          d.booked !== null ? b("booked", { count: d.booked }) : null,
        ]}
      />
      <P>{b("privacy")}</P>
    </EmailLayout>,
  );
}
