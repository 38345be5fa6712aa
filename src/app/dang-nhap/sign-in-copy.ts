import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { templates, texts } from "@/lib/client-copy";

/** The sign-in form's words, translated on the server. */
export async function signInFormCopy() {
  const [t, locale] = await Promise.all([getTranslations("signIn"), getLocale()]);
  return {
    locale,
    ...texts(t, ["emailLabel", "emailHint", "submit", "invalidEmail", "failed", "linkInvalid"]),
    templates: templates(t, ["rateLimited"]),
  };
}

export type SignInCopy = Awaited<ReturnType<typeof signInFormCopy>>;
