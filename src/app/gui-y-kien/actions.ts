"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { LOCALE_COOKIE } from "@/i18n/config";
import { logger } from "@/lib/logger";
import { filesFromForm } from "@/server/attachments/store-attachments";
import { submitCase } from "@/server/intake/submit-case";
import { clientIp } from "@/server/net/loopback";
import type { IntakeFormState } from "./form-state";
import { readIntakeForm, receiptCookie } from "./form-input";

export async function submitCaseAction(_prev: IntakeFormState, form: FormData): Promise<IntakeFormState> {
  const jar = await cookies();
  const { values, raw } = readIntakeForm(form, jar.get(LOCALE_COOKIE)?.value);

  let code: string;
  let accessKey: string;
  try {
    const [db, session, requestHeaders] = await Promise.all([getDb(), auth(), headers()]);
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
  jar.set(receiptCookie(code, accessKey));
  redirect(`/gui-y-kien/bien-nhan/${code}`);
}
