import "server-only";
import type { Locale } from "@/i18n/config";
import { emailText } from "./i18n";
import { EmailLayout, P } from "./layout";
import { renderEmail } from "./render";

/**
 * The sign-in link. The outbox keeps the link sealed only until it is used, delivered or expired (null): the
 * message then says so and points to the sign-in page for a new one.
 */
export function signInEmail(locale: Locale, appUrl: string, url: string | null) {
  const tx = emailText(locale);
  const title = tx.t("signIn.subject", { host: new URL(appUrl).host });
  if (url === null) {
    return renderEmail(
      title,
      <EmailLayout tx={tx} title={title} action={{ label: tx.t("signIn.again"), url: `${appUrl.replace(/\/$/, "")}/dang-nhap` }}>
        <P>{tx.t("signIn.gone")}</P>
        <P>{tx.t("signIn.ignore")}</P>
      </EmailLayout>,
    );
  }
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: tx.t("signIn.action"), url }}>
      <P>{tx.t("signIn.intro")}</P>
      <P>{tx.t("signIn.expiry")}</P>
      <P>{tx.t("signIn.ignore")}</P>
    </EmailLayout>,
  );
}
