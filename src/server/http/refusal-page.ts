import "server-only";
import { ATTACHMENT_LIMITS } from "@/domain/file-type";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/i18n/config";
import { translator } from "@/i18n/messages";
import { parseCookies } from "@/lib/cookies";
import type { BodyLimitName } from "./body-limits";

export type Refusal =
  | { kind: "too_large"; limit: { name: BodyLimitName; bytes: number } }
  | { kind: "length_required" }
  | { kind: "wrong_host" }
  | { kind: "foreign_origin" };

const STATUS: Record<Refusal["kind"], number> = { too_large: 413, length_required: 411, wrong_host: 421, foreign_origin: 403 };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function localeOfCookieHeader(header: string | undefined): Locale {
  const value = parseCookies(header).get(LOCALE_COOKIE);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * What the custom server answers when it refuses a request before Next sees it: a small page in the visitor's
 * language that says what happened and what to do, with no script (it must render under any policy).
 */
export function refusalPage(refusal: Refusal, locale: Locale, site: string): { status: number; html: string } {
  const t = translator(locale);
  const MB = 1024 * 1024;
  let title: string;
  let lines: string[];
  switch (refusal.kind) {
    case "too_large":
      title = t("http.tooLarge.title");
      lines =
        refusal.limit.name === "upload"
          ? [
              t("http.tooLarge.upload", { total: ATTACHMENT_LIMITS.maxTotalBytes / MB, perFile: ATTACHMENT_LIMITS.maxFileBytes / MB, files: ATTACHMENT_LIMITS.maxFiles }),
              t("http.tooLarge.keep"),
            ]
          : [t("http.tooLarge.other", { limit: Math.round(refusal.limit.bytes / 1024) }), t("http.tooLarge.keep")];
      break;
    case "length_required":
      title = t("http.lengthRequired.title");
      lines = [t("http.lengthRequired.body")];
      break;
    case "wrong_host":
      title = t("http.wrongHost.title");
      lines = [t("http.wrongHost.body", { site }), t("http.wrongHost.admin")];
      break;
    case "foreign_origin":
      title = t("http.foreignOrigin.title");
      lines = [t("http.foreignOrigin.body", { site })];
      break;
  }
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)} · Đối thoại</title>
<style>body{font:1.0625rem/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#18181b}h1{font-size:1.5rem}a{color:#1d4ed8}</style>
</head><body><main><h1>${escape(title)}</h1>${lines.map((l) => `<p>${escape(l)}</p>`).join("")}
<p><a href="${escape(site)}/">${escape(t("http.home"))}</a></p></main></body></html>
`;
  return { status: STATUS[refusal.kind], html };
}
