import "server-only";
import type { DbOrTx } from "@/db/client";
import { AppError } from "@/server/errors";
import { setEmailPreference } from "./email-preferences";
import type { EmailTopic } from "./preference-token";

/**
 * RFC 8058 one-click unsubscribe: the provider posts the fixed field "List-Unsubscribe=One-Click" to the address
 * in the header, whose signed token names the recipient and topic; the topic stops with no further step. Anything
 * else posted there changes nothing.
 */
export async function unsubscribeOneClick(db: DbOrTx, input: { token: string; listUnsubscribe: unknown }): Promise<{ topic: EmailTopic }> {
  if (input.listUnsubscribe !== "One-Click") throw new AppError("invalid_input", "not a one-click unsubscribe request");
  const { topic } = await setEmailPreference(db, input.token, true);
  return { topic };
}
