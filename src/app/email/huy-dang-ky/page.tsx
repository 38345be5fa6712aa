import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { readPreferenceLink } from "@/server/email/email-preferences";
import { setPreferenceAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("email.unsubscribe"))("title"), robots: { index: false, follow: false } };
}

type Props = { searchParams: Promise<{ t?: string; done?: string }> };

/**
 * The preference link of non-essential mail. Opening it changes nothing (mail scanners open links); the
 * button does, as a plain form post.
 */
export default async function EmailPreferencePage({ searchParams }: Props) {
  const { t: token = "", done } = await searchParams;
  const [t, tTopics, db] = await Promise.all([getTranslations("email.unsubscribe"), getTranslations("email.topics"), getDb()]);
  const link = await readPreferenceLink(db, token);
  if (!link) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="alert">{t("invalid")}</p>
      </div>
    );
  }
  const topic = tTopics(link.topic);
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {done === "out" && link.optedOut && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("doneOut", { topic })}
        </p>
      )}
      {done === "in" && !link.optedOut && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("doneIn", { topic })}
        </p>
      )}
      <p>{link.optedOut ? t("currentOut", { topic }) : t("intro", { topic })}</p>
      <form action={setPreferenceAction}>
        <input type="hidden" name="t" value={token} />
        <input type="hidden" name="optOut" value={link.optedOut ? "0" : "1"} />
        <button type="submit" className={link.optedOut ? "btn-secondary" : "btn-primary"}>
          {link.optedOut ? t("optIn") : t("optOut")}
        </button>
      </form>
    </div>
  );
}
