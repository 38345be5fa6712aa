import "server-only";
import type { DbOrTx } from "@/db/client";
import { deferRenderWithSecret } from "@/emails/registry";
import type { Locale } from "@/i18n/config";
import { SIGN_IN_TEMPLATE } from "./purge-outbox";
import { sendEmail } from "./send-email";

/**
 * Auth.js's sign-in link, through the outbox: the link is the message's secret (sealed, wiped once the link is used,
 * delivered or expired), so neither the outbox nor a backup of it holds a working link in clear.
 */
export async function queueSignInEmail(db: DbOrTx, request: { identifier: string; url: string; locale: Locale; appUrl: string }): Promise<void> {
  await sendEmail(db, {
    ...deferRenderWithSecret("sign-in", { appUrl: request.appUrl }, { url: request.url }),
    to: request.identifier,
    template: SIGN_IN_TEMPLATE,
    locale: request.locale,
  });
}
