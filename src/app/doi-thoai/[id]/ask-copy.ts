import "server-only";
import { getTranslations } from "next-intl/server";
import { QUESTION_MAX_LENGTH, QUESTION_MIN_LENGTH } from "@/domain/dialogue/vocabulary";
import { FIELD_LIMITS } from "@/domain/intake-limits";
import { templates, texts } from "@/lib/client-copy";

const limits = { min: QUESTION_MIN_LENGTH, max: QUESTION_MAX_LENGTH };

/** The ask form's words, translated on the server (the citizen's page carries no translation library). */
export async function askCopy(locale: "vi" | "en") {
  const [t, tErrors, tResults] = await Promise.all([getTranslations("questions.ask"), getTranslations("questions.errors"), getTranslations("questions.supportResult")]);
  return {
    locale,
    ...texts(t, [
      "bodyLabel", "contactLegend", "contactHint", "optional", "nameLabel", "emailLabel", "phoneLabel", "consentLabel", "honeypot",
      "submit", "sending", "submitAnyway", "similarTitle", "similarIntro", "similarConfirm", "support", "supporting", "supportFailed",
      "errorSummary", "serverError", "notFound",
    ]),
    bodyHint: t("bodyHint", limits),
    refused: { cancelled: t("refused.cancelled"), closed: t("refused.closed"), not_open: t("refused.not_open") },
    errors: {
      ...texts(tErrors, ["required", "invalid", "invalidEmail", "invalidPhone", "contactRequired"]),
      tooShort: tErrors("tooShort", limits),
      tooLong: tErrors("tooLong", { max: QUESTION_MAX_LENGTH }),
      tooLongContact: tErrors("tooLong", { max: FIELD_LIMITS.name.max }),
    },
    limits: { ...limits, name: FIELD_LIMITS.name.max, email: FIELD_LIMITS.email.max, phone: FIELD_LIMITS.phone.max },
    /** Filled in the browser: numbers known only after an action or a fetch. */
    templates: {
      ...templates(t, ["rateLimited", "questionNumber", "supports"]),
      results: templates(tResults, ["supported", "already_supported", "not_supportable", "address_cap", "not_found"]),
    },
  };
}

export type AskCopy = Awaited<ReturnType<typeof askCopy>>;
