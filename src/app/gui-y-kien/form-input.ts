import "server-only";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { env } from "@/env";
import type { SubmitCaseInput } from "@/server/intake/submit-case-input";
import { RECEIPT_COOKIE_PREFIX, TEXT_FIELDS, type IntakeFormState } from "./form-state";

/** The filing form as typed (kept to show it again after a refusal) and as the service takes it. */
export function readIntakeForm(form: FormData, cookieLocale: string | undefined): { values: IntakeFormState["values"]; raw: SubmitCaseInput & { website?: string } } {
  const values: IntakeFormState["values"] = {};
  for (const field of TEXT_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  values.anonymous = form.get("anonymous") === "on";
  values.consentPublish = form.get("consentPublish") === "on";
  const raw: SubmitCaseInput & { website?: string } = {
    kind: values.kind as SubmitCaseInput["kind"],
    categoryId: values.categoryId ?? "",
    areaId: values.areaId ?? "",
    address: values.address,
    title: values.title ?? "",
    body: values.body ?? "",
    anonymous: values.anonymous,
    name: values.name,
    phone: values.phone,
    email: values.email,
    filerAddress: values.filerAddress,
    idNumber: values.idNumber,
    subjectName: values.subjectName,
    subjectPosition: values.subjectPosition,
    subjectUnitId: values.subjectUnitId || undefined,
    consentPublish: values.consentPublish,
    language: isLocale(cookieLocale) ? cookieLocale : DEFAULT_LOCALE,
    // Officials registering a case on a citizen's behalf choose the channel; the service checks they may.
    channel: (values.channel || "web") as SubmitCaseInput["channel"],
    idempotencyKey: values.idempotencyKey ?? "",
    // Opened from a reception day: the service checks the official may record matters on it.
    receptionDayId: values.receptionDayId || undefined,
    website: form.get("website")?.toString(),
  };
  return { values, raw };
}

/** The key is shown once on the receipt page; it travels there in a short-lived cookie, never in the URL. */
export function receiptCookie(code: string, accessKey: string) {
  return {
    name: `${RECEIPT_COOKIE_PREFIX}${code}`,
    value: accessKey,
    httpOnly: true,
    secure: env().APP_URL.startsWith("https:"),
    sameSite: "lax" as const,
    path: "/gui-y-kien/bien-nhan",
    maxAge: 60 * 60,
  };
}
