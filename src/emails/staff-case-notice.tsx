import "server-only";
import type { Locale } from "@/i18n/config";
import { ESCALATE_AGAIN_EVERY_WORKING_DAYS } from "@/server/scheduler/settings";
import { emailText, type UnitName } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { staffCaseUrl } from "./links";
import { renderEmail } from "./render";

export const STAFF_NOTICES = ["received", "transferred_in", "assigned", "flagged", "draft_submitted", "draft_returned", "overdue", "escalated"] as const;
export type StaffNotice = (typeof STAFF_NOTICES)[number];

export type StaffNoticeData = {
  notice: StaffNotice;
  recipientName: string | null;
  code: string;
  kind: string;
  title: string;
  unit: UnitName;
  dueOn?: string | null;
  /** Transferred in, escalated: where it came from. */
  fromUnit?: UnitName | null;
  /** Escalated: the unit above it went to. */
  toUnit?: UnitName | null;
  reason?: string | null;
  /** Overdue (calendar days) or escalated (working days). */
  days?: number | null;
  /** Escalated: the how-manyth time for this deadline (absent before rounds were recorded: the first). */
  round?: number | null;
};

/** What an official is told about one case. Denunciations never show their title (the denouncer's secrecy). */
export function staffNoticeEmail(locale: Locale, d: StaffNoticeData) {
  const tx = emailText(locale);
  const k = `staff.${d.notice}`;
  const unit = tx.unit(d.unit);
  const from = d.fromUnit ? tx.unit(d.fromUnit) : unit;
  const to = d.toUnit ? tx.unit(d.toUnit) : "";
  const days = d.days ?? 0;
  const subjectUnit = d.notice === "received" || d.notice === "transferred_in" || d.notice === "overdue" ? unit : "";
  const round = d.notice === "escalated" ? (d.round ?? 1) : 1;
  const title = tx.t(round > 1 ? `${k}.subjectAgain` : `${k}.subject`, { code: d.code, unit: subjectUnit, to: to || unit, round });
  let body: string;
  if (d.notice === "escalated") body = tx.t(d.toUnit ? `${k}.body` : `${k}.bodyNoUnit`, { from, to, days });
  else body = tx.t(`${k}.body`, { from, days });
  const again = round > 1 ? tx.t(`${k}.again`, { round, every: ESCALATE_AGAIN_EVERY_WORKING_DAYS }) : null;
  const sealed = d.kind === "denunciation";
  const reason =
    d.notice === "draft_returned" && d.reason ? tx.t(`${k}.comment`, { comment: d.reason }) : d.reason && !sealed ? tx.t("staff.reason", { reason: d.reason }) : null;
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: tx.t("staff.action"), url: staffCaseUrl(d.code) }}>
      <P>{d.recipientName ? tx.t("staff.greeting", { name: d.recipientName }) : tx.t("staff.greetingNoName")}</P>
      <P>{body}</P>
      {again && <P>{again}</P>}
      <Facts
        lines={[
          sealed ? tx.t("staff.caseSealed", { code: d.code, kind: tx.kind(d.kind) }) : tx.t("staff.case", { code: d.code, title: d.title }),
          tx.t("staff.kind", { kind: tx.kindTitle(d.kind) }),
          tx.t("staff.unit", { unit }),
          d.dueOn ? tx.t("staff.due", { date: tx.date(d.dueOn) }) : null,
          reason,
        ]}
      />
    </EmailLayout>,
  );
}
