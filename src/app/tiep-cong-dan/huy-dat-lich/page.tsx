import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { templates, texts } from "@/lib/client-copy";
import { CancelForm, type CancelCopy } from "./cancel-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("booking.cancel");
  return { title: t("title"), robots: { index: false } };
}

/** Cancelling a reception booking with its code: the code, then the day it is for, then a confirmation. */
export default async function CancelBookingPage() {
  const [t, locale] = await Promise.all([getTranslations("booking.cancel"), getLocale()]);
  const copy: CancelCopy = {
    locale: locale === "en" ? "en" : "vi",
    ...texts(t, ["codeLabel", "codeHint", "find", "finding", "confirmTitle", "confirmIntro", "when", "place", "confirm", "cancelling", "keep", "done", "dayLink"]),
    errors: {
      invalid: t("errors.invalid"),
      not_found: t("errors.not_found"),
      server: t("errors.server"),
      cancelled: t("errors.cancelled"),
      attended: t("errors.attended"),
      absent: t("errors.absent"),
      started: t("errors.started"),
      // Filled in the browser: the minutes are known only after the post.
      rate_limited: templates(t, ["errors.rate_limited"])["errors.rate_limited"],
    },
  };
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <CancelForm copy={copy} />
    </div>
  );
}
