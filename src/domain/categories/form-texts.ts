// The explanations a citizen meets on the filing form, which an administrator may reword in both languages. Each
// key names one text the form really shows; its bundled default is made of message keys (messages/intake, kinds),
// and a stored row, when there is one, replaces it. Deleting the row restores the default.

export const FORM_TEXT_KEYS = [
  "intro",
  "kind_petition",
  "kind_report",
  "kind_complaint",
  "kind_denunciation",
  "kind_contribution",
  "term_accept",
  "term_working_days",
  "subject_unit",
  "privacy",
  "anonymous",
  "consent",
  "consent_hint",
] as const;
export type FormTextKey = (typeof FORM_TEXT_KEYS)[number];

export function isFormTextKey(value: unknown): value is FormTextKey {
  return typeof value === "string" && (FORM_TEXT_KEYS as readonly string[]).includes(value);
}

const kind = (k: string) => ({ max: 600, sources: [`kinds.${k}.help`, `intake.kindIdentity.${k}`, `intake.kindNext.${k}`] });

/**
 * Where each default comes from (message paths, joined by a space, as the form has always shown them) and the
 * longest text allowed: a kind's card holds what it is, who must give a name and what happens next.
 */
export const FORM_TEXT_SPECS: Record<FormTextKey, { max: number; sources: readonly string[] }> = {
  intro: { max: 400, sources: ["intake.intro"] },
  kind_petition: kind("petition"),
  kind_report: kind("report"),
  kind_complaint: kind("complaint"),
  kind_denunciation: kind("denunciation"),
  kind_contribution: kind("contribution"),
  term_accept: { max: 300, sources: ["intake.termAccept"] },
  term_working_days: { max: 300, sources: ["intake.termWorkingDays"] },
  subject_unit: { max: 300, sources: ["intake.subjectUnitHint"] },
  privacy: { max: 400, sources: ["intake.identityNote"] },
  anonymous: { max: 300, sources: ["intake.anonymousHint"] },
  consent: { max: 300, sources: ["intake.consent"] },
  consent_hint: { max: 300, sources: ["intake.consentHint"] },
};

export type FormTexts = Record<FormTextKey, string>;
export type StoredFormText = { key: string; textVi: string; textEn: string };

/** The bundled texts of one language, from a lookup of message paths. */
export function bundledFormTexts(message: (path: string) => string): FormTexts {
  return Object.fromEntries(FORM_TEXT_KEYS.map((key) => [key, FORM_TEXT_SPECS[key].sources.map(message).join(" ")])) as FormTexts;
}

/** What the form shows: the administrator's text where a row exists (and is not blank), else the bundled one. */
export function effectiveFormTexts(bundled: FormTexts, stored: readonly StoredFormText[], locale: "vi" | "en"): FormTexts {
  const texts = { ...bundled };
  for (const row of stored) {
    if (!isFormTextKey(row.key)) continue;
    const text = locale === "en" ? row.textEn : row.textVi;
    if (text.trim() !== "") texts[row.key] = text;
  }
  return texts;
}
