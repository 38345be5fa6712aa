import "server-only";
import type { Locale } from "@/i18n/config";
import { emailText } from "./i18n";
import { EmailLayout, Facts, P } from "./layout";
import { renderEmail } from "./render";

export type ReceiptEmailData = { code: string; kind: string; unitName: string; unitNameEn: string; acceptanceDueOn: string };

/**
 * The filer's receipt: the only message that carries the private access key. The key is not kept in the outbox
 * once the message is delivered (null): the message then says where it was shown instead.
 */
export function receiptEmail(locale: Locale, receipt: ReceiptEmailData, appUrl: string, accessKey: string | null) {
  const tx = emailText(locale);
  const title = tx.t("receipt.subject", { code: receipt.code });
  return renderEmail(
    title,
    <EmailLayout tx={tx} title={title} action={{ label: tx.t("receipt.action"), url: `${appUrl}/tra-cuu/${receipt.code}` }}>
      <P>{tx.t("citizen.greeting")}</P>
      <P>{tx.t("receipt.intro", { kind: tx.kind(receipt.kind) })}</P>
      <Facts
        lines={[
          tx.t("receipt.code", { code: receipt.code }),
          accessKey === null ? tx.t("receipt.keyNotKept") : tx.t("receipt.key", { key: accessKey }),
          tx.t("receipt.unit", { unit: tx.unit({ name: receipt.unitName, nameEn: receipt.unitNameEn }) }),
          tx.t("receipt.due", { date: tx.date(receipt.acceptanceDueOn) }),
        ]}
      />
      <P strong>{tx.t(accessKey === null ? "receipt.keepCode" : "receipt.keep")}</P>
    </EmailLayout>,
  );
}
