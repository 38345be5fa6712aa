"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/i18n/config";
import { logger } from "@/lib/logger";
import { askQuestion } from "@/server/dialogue/questions/ask-question";
import { clientIp } from "@/server/net/loopback";
import { ASK_ANCHOR, ASK_FIELDS, type AskFormState } from "./ask-form-state";

function isRedirect(error: unknown): boolean {
  return (error as { digest?: string })?.digest?.startsWith("NEXT_REDIRECT") ?? false;
}

/**
 * The ask form's action, with or without JavaScript. Unless the citizen confirmed, a question like one already
 * public comes back with those questions to support instead; a sent one goes back to the page with its number.
 */
export async function askQuestionAction(_prev: AskFormState, form: FormData): Promise<AskFormState> {
  const values: AskFormState["values"] = {};
  for (const field of ASK_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  values.consentContact = form.get("consentContact") === "on";
  const sessionId = String(form.get("sessionId") ?? "");
  let target: string;
  try {
    const [db, jar, requestHeaders, session] = await Promise.all([getDb(), cookies(), headers(), auth()]);
    const cookieLocale = jar.get(LOCALE_COOKIE)?.value;
    const result = await askQuestion(
      { db, ip: clientIp(requestHeaders), userId: session?.user?.id ?? null },
      {
        sessionId,
        body: values.body ?? "",
        name: values.name,
        email: values.email,
        phone: values.phone,
        consentContact: values.consentContact,
        language: isLocale(cookieLocale) ? cookieLocale : DEFAULT_LOCALE,
        idempotencyKey: values.idempotencyKey ?? "",
        website: form.get("website")?.toString(),
      },
      { checkSimilar: form.get("confirm") !== "1" },
    );
    if (!result.ok) {
      switch (result.reason) {
        case "invalid":
          return { values, errors: result.fields, formError: "invalid" };
        case "similar":
          return { values, errors: {}, suggestions: result.suggestions.map(({ id, number, body, supportCount }) => ({ id, number, body, supportCount })) };
        case "refused":
          return { values, errors: {}, formError: "refused", refusal: result.refusal };
        case "rate_limited":
          return { values, errors: {}, formError: "rate_limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) };
        case "not_found":
          return { values, errors: {}, formError: "not_found" };
        case "honeypot":
          // Answer a bot as if nothing happened; a person never fills the hidden field.
          redirect("/");
      }
    }
    target = `/doi-thoai/${encodeURIComponent(result.question.sessionId)}?cau-hoi=da-gui&so=${result.question.number}#${ASK_ANCHOR}`;
  } catch (error) {
    if (isRedirect(error)) throw error;
    logger.error("question failed", { error });
    return { values, errors: {}, formError: "server" };
  }
  redirect(target);
}
