import "server-only";
import type { Locale } from "@/i18n/config";
import { REMIND_AFTER_EVERY_WORKING_DAYS } from "@/domain/dialogue/commitment-status";
import { emailText, type UnitName } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { appUrl } from "./links";
import { renderEmail } from "./render";

export type CommitmentReminderData = {
  commitmentId: string;
  recipientName: string | null;
  /** What was promised (public text). */
  body: string;
  leaderName: string;
  sessionTitle: string | null;
  unit: UnitName;
  dueOn: string;
  reminder: { kind: "before"; workingDaysLeft: number } | { kind: "after"; round: number; workingDaysLate: number };
};

/** The staff page of a commitment (progress, kept, missed), and its public page. */
export const staffCommitmentUrl = (id: string) => appUrl(`/can-bo/cam-ket/${id}`);
export const publicCommitmentUrl = (id: string) => appUrl(`/cam-ket/${id}`);

/** The owner unit is told that a commitment's deadline is near, or passed while it is still open. */
export function commitmentReminderEmail(locale: Locale, d: CommitmentReminderData) {
  const tx = emailText(locale);
  const unit = tx.unit(d.unit);
  const date = tx.date(d.dueOn);
  const r = d.reminder;
  const title =
    r.kind === "before"
      ? tx.t("commitment.subjectBefore", { unit, date })
      : r.round > 1
        ? tx.t("commitment.subjectAgain", { unit, date, round: r.round })
        : tx.t("commitment.subjectAfter", { unit, date });
  const body =
    r.kind === "before"
      ? tx.t("commitment.bodyBefore", { days: r.workingDaysLeft, date })
      : tx.t("commitment.bodyAfter", { days: r.workingDaysLate, date });
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: tx.t("commitment.action"), url: staffCommitmentUrl(d.commitmentId) }}>
      <P>{d.recipientName ? tx.t("staff.greeting", { name: d.recipientName }) : tx.t("staff.greetingNoName")}</P>
      <P>{body}</P>
      <Facts
        lines={[
          tx.t("commitment.what", { body: d.body }),
          tx.t("commitment.leader", { leader: d.leaderName }),
          d.sessionTitle ? tx.t("commitment.session", { session: d.sessionTitle }) : null,
          tx.t("commitment.unit", { unit }),
          tx.t("staff.due", { date }),
        ]}
      />
      <P>{r.kind === "before" ? tx.t("commitment.howBefore") : tx.t("commitment.howAfter", { every: REMIND_AFTER_EVERY_WORKING_DAYS })}</P>
      <P>{tx.t("commitment.public", { url: publicCommitmentUrl(d.commitmentId) })}</P>
    </EmailLayout>,
  );
}
