import "server-only";
import type { Locale } from "@/i18n/config";
import { translator } from "@/i18n/messages";

export type RenderedEmail = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The one layout every message shares. */
function layout(locale: Locale, title: string, paragraphs: string[], action?: { label: string; url: string }): RenderedEmail {
  const t = translator(locale);
  const footer = t("email.footer");
  const html = `<!doctype html><html lang="${locale}"><body style="margin:0;background:#f4f4f5;font-family:Arial,sans-serif;color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="100%" style="max-width:560px;background:#ffffff;border-radius:8px" cellpadding="0" cellspacing="0">
<tr><td style="padding:20px 24px;background:#b91c1c;color:#ffffff;font-size:18px;font-weight:bold;border-radius:8px 8px 0 0">${escapeHtml(t("app.name"))}</td></tr>
<tr><td style="padding:24px"><h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p style="font-size:16px;line-height:1.5;margin:0 0 12px">${escapeHtml(p)}</p>`).join("\n")}
${action ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#b91c1c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(action.label)}</a></p><p style="font-size:13px;color:#52525b;word-break:break-all">${escapeHtml(action.url)}</p>` : ""}
</td></tr><tr><td style="padding:16px 24px;font-size:12px;color:#52525b;border-top:1px solid #e4e4e7">${escapeHtml(footer)}</td></tr>
</table></td></tr></table></body></html>`;
  const text = [title, "", ...paragraphs, ...(action ? ["", `${action.label}: ${action.url}`] : []), "", "--", footer].join("\n");
  return { subject: title, text, html };
}

export function signInEmail(locale: Locale, url: string, host: string): RenderedEmail {
  const t = translator(locale);
  return layout(locale, t("email.signIn.subject", { host }), [t("email.signIn.intro"), t("email.signIn.expiry"), t("email.signIn.ignore")], {
    label: t("email.signIn.action"),
    url,
  });
}

export function receiptEmail(
  locale: Locale,
  receipt: { code: string; accessKey: string; kind: string; unitName: string; unitNameEn: string; acceptanceDueOn: string },
  appUrl: string,
): RenderedEmail {
  const t = translator(locale);
  const kind = t(`kinds.${receipt.kind as "petition"}.name`);
  const due = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(
    new Date(`${receipt.acceptanceDueOn}T12:00:00+07:00`),
  );
  return layout(
    locale,
    t("email.receipt.subject", { code: receipt.code }),
    [
      t("email.receipt.intro", { kind }),
      t("email.receipt.code", { code: receipt.code }),
      t("email.receipt.key", { key: receipt.accessKey }),
      t("email.receipt.unit", { unit: locale === "en" ? receipt.unitNameEn : receipt.unitName }),
      t("email.receipt.due", { date: due }),
      t("email.receipt.keep"),
    ],
    { label: t("email.receipt.action"), url: `${appUrl}/tra-cuu/${receipt.code}` },
  );
}
