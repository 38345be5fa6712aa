import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ATTACHMENT_LIMITS } from "@/domain/file-type";
import { FIELD_LIMITS } from "@/domain/intake-limits";
import { CASE_KINDS, type CaseKind } from "@/domain/types";
import { templates, texts } from "@/lib/client-copy";
import type { AttachmentProblem } from "@/server/attachments/store-attachments";
import { listCategoryHelp } from "@/server/categories/list-category-help";
import { citizenFormTexts } from "@/server/form-texts/citizen-form-texts";
import type { FieldError } from "@/server/intake/submit-case-input";

const MB = 1024 * 1024;
const FIELD_ERRORS = ["required", "tooShort", "tooLong", "invalid", "invalidEmail", "invalidPhone", "invalidIdNumber", "contactRequired", "nameRequired", "addressRequired"] as const;
const ATTACHMENT_PROBLEMS = ["too_many", "too_large", "total_too_large", "type_not_allowed", "empty"] as const;

/**
 * The filing form's words (the citizens' form and the officials' alike), translated on the server. Its
 * explanations (what each kind means, "thụ lý", privacy, consent) and the fields' descriptions are the
 * administrator's wording where there is one (/can-bo/quan-tri/linh-vuc), read once per request.
 */
export async function intakeFormCopy() {
  const [t, tErrors, tProblems, tKinds, tHelp, locale, db] = await Promise.all([
    getTranslations("intake"),
    getTranslations("intake.errors"),
    getTranslations("intake.attachmentProblems"),
    getTranslations("kinds"),
    getTranslations("categories.citizen"),
    getLocale(),
    getDb(),
  ]);
  const lang = locale === "en" ? "en" : "vi";
  const [said, categoryHelp] = await Promise.all([citizenFormTexts(db, lang), listCategoryHelp(db, lang)]);
  const limits = { files: ATTACHMENT_LIMITS.maxFiles, fileMb: ATTACHMENT_LIMITS.maxFileBytes / MB, totalMb: ATTACHMENT_LIMITS.maxTotalBytes / MB };
  // One card per kind: what it is, who must give a name, what happens next.
  const kinds = Object.fromEntries(CASE_KINDS.map((k) => [k, { name: tKinds(`${k}.name`), help: said[`kind_${k}`] }])) as Record<CaseKind, { name: string; help: string }>;
  const errors: Record<FieldError, string> = texts(tErrors, FIELD_ERRORS);
  const attachmentProblems: Record<AttachmentProblem, string> = templates(tProblems, ATTACHMENT_PROBLEMS);
  return {
    locale,
    ...texts(t, [
      "required", "optional", "step1", "step2", "step3", "step4", "kindLegend", "termsTitle", "termAccept", "termWorkingDays",
      "category", "categoryChoose", "area", "areaHint", "areaChoose", "areaFilter", "areaFilterHint", "areaProvinceGroup", "areaCommuneGroup",
      "remote", "address", "addressHint", "titleLabel", "body", "subjectTitle", "subjectHint", "subjectName", "subjectPosition", "subjectUnit",
      "subjectUnitHint", "subjectUnitNone", "attachments", "attachmentsAgain", "identityNote", "anonymous", "anonymousHint", "anonymousNotAllowed",
      "name", "phone", "phoneHint", "email", "emailHint", "filerAddress", "filerAddressHint", "idNumber", "idNumberHint", "consent", "consentHint",
      "honeypot", "submit", "sending", "errorSummary", "serverError",
    ]),
    intro: said.intro,
    termAccept: said.term_accept,
    termWorkingDays: said.term_working_days,
    subjectUnitHint: said.subject_unit,
    identityNote: said.privacy,
    anonymousHint: said.anonymous,
    consent: said.consent,
    consentHint: said.consent_hint,
    /** What each active field covers, by id (only those with a description in this language). */
    categoryHelp,
    categoryHelpTitle: tHelp("helpTitle"),
    titleHint: t("titleHint", FIELD_LIMITS.title),
    bodyHint: t("bodyHint", FIELD_LIMITS.body),
    attachmentsHint: t("attachmentsHint", limits),
    kinds,
    errors,
    /** Filled in the browser: the wait comes back from the action, a file's name from the citizen's choice. */
    templates: { ...templates(t, ["rateLimited"]), attachmentProblems },
    attachmentLimits: limits,
  };
}

export type IntakeFormCopy = Awaited<ReturnType<typeof intakeFormCopy>>;
