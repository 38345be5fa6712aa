import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { getDb } from "@/db/client";
import { formatDateTime, formatNumber } from "@/lib/format";
import { requireStaffPage } from "@/server/auth/require-staff";
import { hasRole } from "@/server/auth/roles";
import { listFailedEmails } from "@/server/email/failed-emails";
import { retryEmailAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("email.failed"))("title"), robots: { index: false } };
}

/** Admins: mail that could not be delivered, why, and a way to send it again (works without JavaScript). */
export default async function FailedEmailPage({ searchParams }: { searchParams: Promise<{ retried?: string }> }) {
  const viewer = await requireStaffPage("/can-bo/thu-loi");
  if (!hasRole(viewer, "admin")) forbidden();
  const [t, locale, db, params] = await Promise.all([getTranslations("email.failed"), getLocale(), getDb(), searchParams]);
  const { failed, pending } = await listFailedEmails(db, viewer);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="max-w-3xl text-zinc-700">{t("intro")}</p>
      {params.retried === "1" && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("retried")}
        </p>
      )}
      <p>{t("pending", { count: formatNumber(pending, locale) })}</p>
      {failed.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {failed.map((m) => (
            <li key={m.id} className="card space-y-2" data-testid="failed-email">
              <h2 className="font-semibold break-words">{m.subject}</h2>
              <p className="text-sm">
                {t("to")}: <span className="font-mono">{m.to}</span> · {t("template")}: <span className="font-mono">{m.template}</span>
              </p>
              <p className="text-sm text-zinc-700">
                {t("created", { time: formatDateTime(m.createdAt, locale) })} · {t("attempts", { count: m.attempts })}
              </p>
              {m.lastError && <p className="text-sm break-words text-red-800">{t("lastError", { error: m.lastError })}</p>}
              {m.history.length > 0 && (
                <ol className="list-inside list-decimal text-xs text-zinc-600">
                  {m.history.map((a) => (
                    <li key={`${a.at.toISOString()}-${a.worker}`} className="break-words">
                      {formatDateTime(a.at, locale)}: {a.error ?? "ok"}
                    </li>
                  ))}
                </ol>
              )}
              <form action={retryEmailAction}>
                <input type="hidden" name="id" value={m.id} />
                <button type="submit" className="btn-secondary">
                  {t("retry")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
