import "server-only";
import { Section, Text } from "@react-email/components";
import type { Locale } from "@/i18n/config";
import { emailText, type EmailText, type UnitName } from "./i18n";
import { EmailLayout, P } from "./layout";
import { staffCaseUrl, staffHomeUrl } from "./links";
import { renderEmail } from "./render";

export type DigestRow = { code: string; kind: string; title: string; unit: UnitName; dueOn: string };
export type DigestData = {
  recipientName: string | null;
  date: string;
  overdue: DigestRow[];
  dueSoon: DigestRow[];
  soonWorkingDays: number;
  /** Working days before this one that had no digest (the worker was down): this one stands for them. */
  missed?: { from: string; to: string; count: number } | null;
  preferencesUrl: string;
};

/** Rows listed per section; the rest are counted. */
export const DIGEST_MAX_ROWS = 25;

function Rows({ tx, title, rows }: { tx: EmailText; title: string; rows: DigestRow[] }) {
  if (rows.length === 0) return null;
  return (
    <Section style={{ margin: "0 0 16px" }}>
      <Text style={{ fontSize: "17px", fontWeight: "bold", margin: "0 0 8px" }}>{title}</Text>
      {rows.slice(0, DIGEST_MAX_ROWS).map((r) => {
        const values = { code: r.code, title: r.title, kind: tx.kindTitle(r.kind), unit: tx.unit(r.unit), date: tx.date(r.dueOn) };
        return (
          <Text key={r.code} style={{ fontSize: "15px", lineHeight: "1.4", margin: "0 0 6px" }}>
            <a href={staffCaseUrl(r.code)}>{r.kind === "denunciation" ? tx.t("staff.digest.rowSealed", values) : tx.t("staff.digest.row", values)}</a>
          </Text>
        );
      })}
      {rows.length > DIGEST_MAX_ROWS && <Text style={{ fontSize: "15px", margin: 0 }}>{tx.t("staff.digest.more", { count: rows.length - DIGEST_MAX_ROWS })}</Text>}
    </Section>
  );
}

/** Each working morning: what is overdue and due soon in the recipient's scope. Non-essential (opt-out). */
export function dailyDigestEmail(locale: Locale, d: DigestData) {
  const tx = emailText(locale);
  const counts = { date: tx.date(d.date), overdue: d.overdue.length, soon: d.dueSoon.length };
  const title = d.missed ? tx.t("staff.digest.subjectCatchUp", { ...counts, count: d.missed.count }) : tx.t("staff.digest.subject", counts);
  const catchUp = !d.missed
    ? null
    : d.missed.count === 1
      ? tx.t("staff.digest.catchUpOne", { date: tx.date(d.missed.from) })
      : tx.t("staff.digest.catchUpMany", { from: tx.date(d.missed.from), to: tx.date(d.missed.to), count: d.missed.count });
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: tx.t("staff.digest.action"), url: staffHomeUrl() }} preferencesUrl={d.preferencesUrl}>
      <P>{d.recipientName ? tx.t("staff.greeting", { name: d.recipientName }) : tx.t("staff.greetingNoName")}</P>
      <P>{tx.t("staff.digest.intro")}</P>
      {catchUp && <P>{catchUp}</P>}
      <Rows tx={tx} title={tx.t("staff.digest.overdueTitle", { count: d.overdue.length })} rows={d.overdue} />
      <Rows tx={tx} title={tx.t("staff.digest.soonTitle", { count: d.dueSoon.length, days: d.soonWorkingDays })} rows={d.dueSoon} />
    </EmailLayout>,
  );
}
