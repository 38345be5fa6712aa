import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { EMAIL_PREVIEWS } from "@/emails/previews";
import { LOCALES } from "@/i18n/config";
import { getViewer } from "@/server/auth/viewer";
import { canReadLocalOutbox } from "@/server/email/outbox-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("email.preview"))("title"), robots: { index: false } };
}

/** Developers: every template with sample data, in both languages. Where the local outbox is allowed, only. */
export default async function EmailPreviewPage() {
  if (!canReadLocalOutbox(await headers(), await getViewer())) notFound();
  const t = await getTranslations("email.preview");
  const rendered = await Promise.all(
    EMAIL_PREVIEWS.flatMap((preview) => LOCALES.map(async (locale) => ({ name: preview.name, locale, email: await preview.render(locale) }))),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="max-w-3xl text-zinc-700">{t("intro")}</p>
      <p>
        <Link className="underline" href="/hop-thu">
          {t("back")}
        </Link>
      </p>
      <nav aria-label={t("title")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {EMAIL_PREVIEWS.map((p) => (
            <li key={p.name}>
              <a className="font-mono underline" href={`#${p.name}-vi`}>
                {p.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rendered.map(({ name, locale, email }) => (
        <section key={`${name}-${locale}`} id={`${name}-${locale}`} className="card space-y-3" data-testid="email-preview">
          <h2 className="font-mono text-lg font-semibold">
            {name} · {locale}
          </h2>
          <p>
            <span className="font-semibold">{t("subject")}:</span> {email.subject}
          </p>
          <iframe title={`${name} ${locale}`} srcDoc={email.html} sandbox="" className="h-[28rem] w-full rounded border border-zinc-300 bg-white" />
          <details>
            <summary className="cursor-pointer text-sm">{t("text")}</summary>
            <pre className="mt-2 text-sm whitespace-pre-wrap">{email.text}</pre>
          </details>
        </section>
      ))}
    </div>
  );
}
