import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailPreferences } from "@/db/schema";
import { AppError } from "@/server/errors";
import { emailLookupHash } from "@/server/privacy/personal-data";
import { verifyPreferenceToken, type EmailTopic } from "./preference-token";

/** Whether an address has stopped a topic (checked by sendEmail for non-essential mail). */
export async function hasOptedOut(db: DbOrTx, email: string, topic: EmailTopic): Promise<boolean> {
  const [row] = await db
    .select({ optOut: emailPreferences.optOut })
    .from(emailPreferences)
    .where(eq(emailPreferences.emailHash, emailLookupHash(email)))
    .limit(1);
  return !!row?.optOut.includes(topic);
}

/** The state a preference link shows: which topic, and whether the address receives it. */
export async function readPreferenceLink(db: DbOrTx, token: string): Promise<{ topic: EmailTopic; optedOut: boolean } | null> {
  const verified = verifyPreferenceToken(token);
  if (!verified) return null;
  const [row] = await db
    .select({ optOut: emailPreferences.optOut })
    .from(emailPreferences)
    .where(eq(emailPreferences.emailHash, verified.emailHash))
    .limit(1);
  return { topic: verified.topic, optedOut: !!row?.optOut.includes(verified.topic) };
}

/** Stops or restarts one topic for the address a signed link names. One statement, safe under concurrency. */
export async function setEmailPreference(db: DbOrTx, token: string, optOut: boolean): Promise<{ topic: EmailTopic; optedOut: boolean }> {
  const verified = verifyPreferenceToken(token);
  if (!verified) throw new AppError("invalid_input", "bad preference token");
  const { emailHash, topic } = verified;
  const initial = optOut ? [topic] : [];
  await db
    .insert(emailPreferences)
    .values({ emailHash, optOut: initial })
    .onConflictDoUpdate({
      target: emailPreferences.emailHash,
      set: {
        optOut: optOut
          ? sql`(select coalesce(jsonb_agg(distinct v), '[]'::jsonb) from jsonb_array_elements_text(${emailPreferences.optOut} || ${JSON.stringify([topic])}::jsonb) v)`
          : sql`(select coalesce(jsonb_agg(v), '[]'::jsonb) from jsonb_array_elements_text(${emailPreferences.optOut}) v where v <> ${topic})`,
        updatedAt: sql`now()`,
      },
    });
  return { topic, optedOut: optOut };
}
