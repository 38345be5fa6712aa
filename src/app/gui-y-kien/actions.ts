"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "@/i18n/config";
import { logger } from "@/lib/logger";
import { filesFromForm } from "@/server/attachments/store-attachments";
import { submitCase } from "@/server/intake/submit-case";
import type { SubmitCaseInput } from "@/server/intake/submit-case-input";
import { clientIp } from "@/server/net/loopback";
import { env } from "@/env";
import { RECEIPT_COOKIE_PREFIX, TEXT_FIELDS, type IntakeFormState } from "./form-state";

export async function submitCaseAction(_prev: IntakeFormState, form: FormData): Promise<IntakeFormState> {
  const values: IntakeFormState["values"] = {};
  for (const field of TEXT_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  values.anonymous = form.get("anonymous") === "on";
  values.consentPublish = form.get("consentPublish") === "on";
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;

  let code: string;
  let accessKey: string;
  try {
    const [db, session, requestHeaders] = await Promise.all([getDb(), auth(), headers()]);
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
      channel: "web",
      idempotencyKey: values.idempotencyKey ?? "",
      website: form.get("website")?.toString(),
    };
    const result = await submitCase({ db, ip: clientIp(requestHeaders), userId: session?.user?.id ?? null }, raw, await filesFromForm(form, "attachments"));
    if (!result.ok) {
      switch (result.reason) {
        case "invalid":
          return { values, errors: result.fields };
        case "attachments":
          return { values, errors: { attachments: "invalid" }, formError: "attachments", attachmentProblem: result.problem, attachmentName: result.fileName };
        case "rate_limited":
          return { values, errors: {}, formError: "rate_limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) };
        case "honeypot":
          // Answer a bot as if nothing happened; a person never fills the hidden field.
          redirect("/");
      }
    }
    code = result.receipt.code;
    accessKey = result.receipt.accessKey;
  } catch (error) {
    if (error instanceof Error && error.message === "NEXT_REDIRECT") throw error;
    if ((error as { digest?: string })?.digest?.startsWith("NEXT_REDIRECT")) throw error;
    logger.error("case submission failed", { error });
    return { values, errors: {}, formError: "server" };
  }
  // The key is shown once on the receipt page; it travels there in a short-lived cookie, never in the URL.
  (await cookies()).set(`${RECEIPT_COOKIE_PREFIX}${code}`, accessKey, {
    httpOnly: true,
    secure: env().APP_URL.startsWith("https:"),
    sameSite: "lax",
    path: "/gui-y-kien/bien-nhan",
    maxAge: 60 * 60,
  });
  redirect(`/gui-y-kien/bien-nhan/${code}`);
}
