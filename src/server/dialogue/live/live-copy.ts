import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { LiveCopy } from "@/app/doi-thoai/[id]/live-view";
import { templates, texts } from "@/lib/client-copy";

/** The live views' words, translated on the server (client components get their words as props). */
export async function liveCopy(): Promise<LiveCopy> {
  const [t, locale] = await Promise.all([getTranslations("live"), getLocale()]);
  return {
    locale,
    ...texts(t, [
      "current", "currentNone", "queue", "queueHint", "queueEmpty", "support", "supporting", "supportFailed",
      "answered", "answeredEmpty", "answerPending", "connectionLive", "connectionPolling", "connectionOffline",
    ]),
    ...templates(t, ["questionNumber", "queueMore", "supports", "answeredBy", "countsLine"]),
    supportResults: {
      supported: t("supportResult_supported"),
      already_supported: t("supportResult_already_supported"),
      not_supportable: t("supportResult_not_supportable"),
      address_cap: t("supportResult_address_cap"),
    },
  };
}
