import "server-only";
import type { Locale } from "@/i18n/config";
import { emailText } from "./i18n";
import { EmailLayout, P } from "./layout";
import { renderEmail } from "./render";

export function signInEmail(locale: Locale, url: string, host: string) {
  const tx = emailText(locale);
  const title = tx.t("signIn.subject", { host });
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: tx.t("signIn.action"), url }}>
      <P>{tx.t("signIn.intro")}</P>
      <P>{tx.t("signIn.expiry")}</P>
      <P>{tx.t("signIn.ignore")}</P>
    </EmailLayout>,
  );
}
