import "server-only";
import type { Locale } from "@/i18n/config";
import { emailText } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { renderEmail } from "./render";

export type ReceiptEmailData = { code: string; accessKey: string; kind: string; unitName: string; unitNameEn: string; acceptanceDueOn: string };

/** The filer's receipt: the only message that carries the private access key. */
export function receiptEmail(locale: Locale, receipt: ReceiptEmailData, appUrl: string) {
  const tx = emailText(locale);
  const title = tx.t("receipt.subject", { code: receipt.code });
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: tx.t("receipt.action"), url: `${appUrl}/tra-cuu/${receipt.code}` }}>
      <P>{tx.t("receipt.intro", { kind: tx.kind(receipt.kind) })}</P>
      <Facts
        lines={[
          tx.t("receipt.code", { code: receipt.code }),
          tx.t("receipt.key", { key: receipt.accessKey }),
          tx.t("receipt.unit", { unit: tx.unit({ name: receipt.unitName, nameEn: receipt.unitNameEn }) }),
          tx.t("receipt.due", { date: tx.date(receipt.acceptanceDueOn) }),
        ]}
      />
      <P strong>{tx.t("receipt.keep")}</P>
    </EmailLayout>,
  );
}
