import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { ScrollRegion } from "@/components/scroll-region";
import { getDb } from "@/db/client";
import { formatDateTime, formatNumber } from "@/lib/format";
import { requireStaffPage } from "@/server/auth/require-staff";
import { hasRole } from "@/server/auth/roles";
import { listApiKeys } from "@/server/open311/api-keys";
import { revokeKeyAction } from "./actions";
import { IssueKeyForm, type IssueKeyTexts } from "./issue-key-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("open311.admin"))("title"), robots: { index: false } };
}

/** Admins: the keys Open311 clients post with — issue (shown once), see when each was last used, revoke. */
export default async function Open311KeysPage({ searchParams }: { searchParams: Promise<{ "da-thu-hoi"?: string }> }) {
  const viewer = await requireStaffPage("/can-bo/open311");
  if (!hasRole(viewer, "admin")) forbidden();
  const [t, locale, db, params] = await Promise.all([getTranslations("open311.admin"), getLocale(), getDb(), searchParams]);
  const keys = await listApiKeys(db, viewer);
  const texts: IssueKeyTexts = {
    heading: t("issue.heading"),
    name: t("issue.name"),
    nameHint: t("issue.nameHint"),
    contact: t("issue.contact"),
    contactHint: t("issue.contactHint"),
    hourlyLimit: t("issue.hourlyLimit"),
    hourlyLimitHint: t("issue.hourlyLimitHint"),
    submit: t("issue.submit"),
    issuedHeading: t("issue.issuedHeading", { name: "{name}" }),
    issuedNote: t("issue.issuedNote"),
    errors: { required: t("errors.required"), tooLong: t("errors.tooLong"), invalid: t("errors.invalid"), no_access: t("errors.no_access"), failed: t("errors.failed") },
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="max-w-3xl text-zinc-700">
        {t("intro")}{" "}
        <a href="/du-lieu-mo/open311" className="underline underline-offset-4">
          {t("docsLink")}
        </a>
      </p>
      {params["da-thu-hoi"] === "1" && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("revoked")}
        </p>
      )}
      <IssueKeyForm texts={texts} />
      <section aria-labelledby="open311-keys" className="space-y-3">
        <h2 id="open311-keys" className="text-xl font-semibold">
          {t("list.heading")}
        </h2>
        {keys.length === 0 ? (
          <p>{t("list.empty")}</p>
        ) : (
          <ScrollRegion label={t("list.region")}>
            <table className="w-full min-w-[44rem] text-left text-sm">
              <caption className="sr-only">{t("list.caption")}</caption>
              <thead>
                <tr className="border-b border-zinc-300">
                  <th scope="col" className="p-2">{t("list.name")}</th>
                  <th scope="col" className="p-2">{t("list.prefix")}</th>
                  <th scope="col" className="p-2">{t("list.limit")}</th>
                  <th scope="col" className="p-2">{t("list.created")}</th>
                  <th scope="col" className="p-2">{t("list.lastUsed")}</th>
                  <th scope="col" className="p-2">{t("list.requests")}</th>
                  <th scope="col" className="p-2">{t("list.state")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id} className="border-b border-zinc-200 align-top" data-testid="open311-key">
                    <th scope="row" className="p-2 font-semibold">
                      {k.name}
                      {k.contact && <span className="block font-normal break-words text-zinc-700">{k.contact}</span>}
                    </th>
                    <td className="p-2 font-mono">{k.prefix}…</td>
                    <td className="p-2">{t("list.perHour", { count: formatNumber(k.hourlyLimit, locale) })}</td>
                    <td className="p-2">
                      {formatDateTime(k.createdAt, locale)}
                      {k.createdByName && <span className="block text-zinc-700">{k.createdByName}</span>}
                    </td>
                    <td className="p-2">{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t("list.never")}</td>
                    <td className="p-2">{formatNumber(k.requests, locale)}</td>
                    <td className="p-2">
                      {k.revokedAt ? (
                        t("list.revokedAt", { time: formatDateTime(k.revokedAt, locale) })
                      ) : (
                        <form action={revokeKeyAction}>
                          <input type="hidden" name="id" value={k.id} />
                          <button type="submit" className="btn-secondary" aria-label={t("list.revokeNamed", { name: k.name, prefix: k.prefix })}>
                            {t("list.revoke")}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
