import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { ATTACHMENT_LIMITS } from "@/domain/file-type";
import { templates, texts } from "@/lib/client-copy";
import { FILER_TEXT_MAX, type FieldProblem } from "@/server/filer/filer-access";
import type { FilerFormState } from "./form-state";

const MB = 1024 * 1024;
type FormError = NonNullable<FilerFormState["formError"]>;
const FORM_ERRORS = ["wrong_key", "no_access", "stale_version", "not_allowed", "no_higher_unit", "invalid", "failed"] as const satisfies readonly FormError[];
const FIELD_PROBLEMS = ["required", "invalid", "confirm_required", "text_or_files_required"] as const satisfies readonly FieldProblem[];
const FILE_PROBLEMS = ["attachments_too_many", "attachments_too_large", "attachments_total_too_large", "attachments_type_not_allowed", "attachments_empty"] as const satisfies readonly FieldProblem[];

/** The words of the filer's forms, translated on the server: one object for all the forms of the private view. */
export async function filerFormsCopy() {
  const [locale, errors, fields, form, unlock, addInfo, provideInfo, withdraw, rate, contest] = await Promise.all([
    getLocale(),
    getTranslations("filer.errors"),
    getTranslations("filer.fields"),
    getTranslations("filer.form"),
    getTranslations("filer.unlock"),
    getTranslations("filer.addInfo"),
    getTranslations("filer.provideInfo"),
    getTranslations("filer.withdraw"),
    getTranslations("filer.rate"),
    getTranslations("filer.contest"),
  ]);
  const max = { max: FILER_TEXT_MAX };
  const fileLimits = { files: ATTACHMENT_LIMITS.maxFiles, fileMb: ATTACHMENT_LIMITS.maxFileBytes / MB, totalMb: ATTACHMENT_LIMITS.maxTotalBytes / MB };
  return {
    locale,
    textMax: FILER_TEXT_MAX,
    fileLimits,
    // Templates are filled in the browser: the minutes to wait, the characters typed, a refused file's name.
    errors: { ...texts(errors, [...FORM_ERRORS, "reload"]), templates: templates(errors, ["rate_limited"]) },
    fields: {
      choose: fields("choose"),
      problems: texts(fields, FIELD_PROBLEMS) as Partial<Record<FieldProblem, string>> & { invalid: string },
      templates: templates(fields, ["too_long", ...FILE_PROBLEMS]),
    },
    form: { ...texts(form, ["optional", "filesLabel", "filesAgain"]), filesHint: form("filesHint", fileLimits) },
    unlock: { ...texts(unlock, ["keyLabel", "keyHint", "submit", "wrongKey", "failed"]), templates: templates(unlock, ["rateLimited"]) },
    addInfo: { ...texts(addInfo, ["textLabel", "submit"]), textHint: addInfo("textHint", max) },
    provideInfo: { ...texts(provideInfo, ["textLabel", "submit"]), textHint: provideInfo("textHint", max) },
    withdraw: { ...texts(withdraw, ["title", "intro", "reasonLabel", "confirm", "submit"]), reasonHint: withdraw("reasonHint", max) },
    rate: texts(rate, ["legend", "satisfied", "unsatisfied", "submit"]),
    contest: { ...texts(contest, ["reasonLabel", "submitComplaint", "submitOther"]), reasonHint: contest("reasonHint", max) },
  };
}

export type FilerFormsCopy = Awaited<ReturnType<typeof filerFormsCopy>>;
