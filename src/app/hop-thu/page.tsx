import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/lib/format";
import { listDemoAccounts } from "@/server/auth/list-demo-accounts";
import { getViewer } from "@/server/auth/viewer";
import { canReadLocalOutbox } from "@/server/email/outbox-access";
import { listLocalOutbox } from "@/server/email/list-local-outbox";
import { hasDemoData } from "@/server/meta/demo-data";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title"), robots: { index: false } };
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

export default async function LocalOutboxPage() {
  // Exists only without an email service, and only for this machine or admins: it holds sign-in links.
  if (!canReadLocalOutbox(await headers(), await getViewer())) notFound();
  const db = await getDb();
  const [t, tEmail, tStaff, locale, messages, demo] = await Promise.all([
    getTranslations("outbox"),
    getTranslations("email.preview"),
    getTranslations("staff"),
    getLocale(),
    listLocalOutbox(db),
    hasDemoData(db),
  ]);
  const accounts = demo ? await listDemoAccounts(db) : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="max-w-3xl text-zinc-700">{t("intro")}</p>
      <p>
        <Link className="underline" href="/hop-thu/mau">
          {tEmail("title")}
        </Link>
      </p>
      <section aria-labelledby="messages-title" className="space-y-3">
        <h2 id="messages-title" className="sr-only">
          {t("title")}
        </h2>
        {messages.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className="space-y-3">
            {messages.map((message) => (
              <li key={message.id} className="card space-y-2" data-testid="outbox-message">
                <p className="text-sm text-zinc-600">
                  {formatDateTime(message.createdAt, locale)} · {t("to")}: <span className="font-mono">{message.to}</span>
                </p>
                <h3 className="font-semibold">{message.subject}</h3>
                <div>
                  <p className="text-sm font-semibold">{t("links")}</p>
                  <ul className="list-inside list-disc break-all">
                    {[...new Set(message.text.match(URL_PATTERN) ?? [])].map((url) => (
                      <li key={url}>
                        <a className="text-blue-800 underline" href={url}>
                          {url}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
                <details>
                  <summary className="cursor-pointer text-sm">{message.subject}</summary>
                  <pre className="mt-2 whitespace-pre-wrap text-sm">{message.text}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      {accounts.length > 0 && (
        <section aria-labelledby="accounts-title" className="card space-y-2">
          <h2 id="accounts-title" className="text-lg font-semibold">
            {t("demoUsersTitle")}
          </h2>
          <p className="text-sm text-zinc-700">{t("demoUsersIntro")}</p>
          <ul className="space-y-1 text-sm">
            {accounts.map((a) => (
              <li key={`${a.email}-${a.role}-${a.unitName}`}>
                <span className="font-mono">{a.email}</span>: {tStaff(`roles.${a.role}`)}, {locale === "en" ? a.unitNameEn : a.unitName}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
