import "server-only";
import type { Locale } from "@/i18n/config";
import { emailText, type UnitName } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { privateCaseUrl, publicCaseUrl } from "./links";
import { renderEmail } from "./render";

export const CITIZEN_UPDATES = ["accepted", "not_accepted", "transferred", "info_requested", "resumed", "extended", "answered"] as const;
export type CitizenUpdate = (typeof CITIZEN_UPDATES)[number];

export type CitizenUpdateData = {
  update: CitizenUpdate;
  code: string;
  kind: string;
  /** A complaint's instance: what the filer may do next after an answer depends on it. */
  instance?: number | null;
  unit: UnitName;
  /** Transferred: the unit it left. */
  fromUnit?: UnitName | null;
  reason?: string | null;
  /** Not accepted: where to go instead. */
  redirect?: string | null;
  dueOn?: string | null;
  days?: number | null;
};

/** What a filer is told when their case moves (they gave an email). Written in the case's language. */
export function citizenUpdateEmail(locale: Locale, d: CitizenUpdateData) {
  const tx = emailText(locale);
  const k = `citizen.${d.update}`;
  const unit = tx.unit(d.unit);
  const kind = tx.kind(d.kind);
  const title = tx.t(`${k}.subject`, { code: d.code });
  const body: (string | null)[] = [];
  const facts: (string | null)[] = [tx.t("citizen.code", { code: d.code })];
  // Pages where the filer acts (reply, rate, contest) are private; the others only need the public status.
  let action = { label: tx.t("citizen.action"), url: publicCaseUrl(d.code) };
  switch (d.update) {
    case "accepted":
      body.push(tx.t(`${k}.body`, { unit, kind }), tx.t(`${k}.next`));
      if (d.dueOn) facts.push(tx.t(`${k}.due`, { date: tx.date(d.dueOn) }));
      break;
    case "not_accepted":
      body.push(tx.t(`${k}.body`, { unit, kind }));
      if (d.reason) facts.push(tx.t(`${k}.reason`, { reason: d.reason }));
      facts.push(d.redirect ? tx.t(`${k}.redirect`, { place: d.redirect }) : null);
      body.push(d.redirect ? tx.t(`${k}.rights`, { unit }) : tx.t(`${k}.noRedirect`));
      break;
    case "transferred":
      body.push(tx.t(`${k}.body`, { from: d.fromUnit ? tx.unit(d.fromUnit) : "—", to: unit }), tx.t(`${k}.next`));
      if (d.reason) facts.push(tx.t(`${k}.reason`, { reason: d.reason }));
      break;
    case "info_requested":
      body.push(tx.t(`${k}.body`, { unit, kind }), tx.t(`${k}.how`, { unit }), tx.t("citizen.keyHint"));
      if (d.reason) facts.push(tx.t(`${k}.what`, { reason: d.reason }));
      action = { label: tx.t("citizen.privateAction"), url: privateCaseUrl(d.code) };
      break;
    case "resumed":
      body.push(tx.t(`${k}.body`, { unit, kind }), tx.t(`${k}.late`), tx.t("citizen.keyHint"));
      if (d.reason) facts.push(tx.t(`${k}.reason`, { reason: d.reason }));
      if (d.dueOn) facts.push(tx.t(`${k}.due`, { date: tx.date(d.dueOn) }));
      action = { label: tx.t("citizen.privateAction"), url: privateCaseUrl(d.code) };
      break;
    case "extended":
      body.push(tx.t(`${k}.body`, { unit, kind }));
      if (d.days) facts.push(tx.t(`${k}.days`, { days: d.days }));
      if (d.dueOn) facts.push(tx.t(`${k}.due`, { date: tx.date(d.dueOn) }));
      if (d.reason) facts.push(tx.t(`${k}.reason`, { reason: d.reason }));
      break;
    case "answered":
      // As the private view offers: a second instance after a first-instance complaint decision, the court after a
      // second-instance one (Law on Complaints art. 7), a review for every other kind.
      body.push(
        tx.t(`${k}.body`, { unit, kind }),
        tx.t(d.kind === "complaint" ? (d.instance === 2 ? `${k}.readFinal` : `${k}.readComplaint`) : `${k}.read`),
        tx.t("citizen.keyHint"),
      );
      action = { label: tx.t("citizen.privateAction"), url: privateCaseUrl(d.code) };
      break;
  }
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={action}>
      <P>{tx.t("citizen.greeting")}</P>
      {body.filter(Boolean).slice(0, 1).map((line) => (
        <P key={line}>{line}</P>
      ))}
      <Facts lines={facts} />
      {body.filter(Boolean).slice(1).map((line) => (
        <P key={line}>{line}</P>
      ))}
      <P>{tx.t("citizen.thanks")}</P>
    </EmailLayout>,
  );
}
