import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { clientIp } from "@/server/net/loopback";
import { lookUpCode } from "@/server/tracking/record-lookup-miss";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("track"))("lookup.title") };
}

type Problem = { kind: "empty" } | { kind: "malformed" } | { kind: "unknown"; code: string } | { kind: "refused"; minutes: number };

type Props = { searchParams: Promise<{ ma?: string | string[] }> };

/** A plain GET form, so it works without JavaScript and from links such as /tra-cuu?ma=CODE. */
export default async function LookupPage({ searchParams }: Props) {
  const { ma } = await searchParams;
  const typed = (Array.isArray(ma) ? ma[0] : ma)?.slice(0, 100);
  const t = await getTranslations("track");

  let problem: Problem | null = null;
  if (typed !== undefined) {
    if (typed.trim() === "") problem = { kind: "empty" };
    else {
      const [db, requestHeaders] = await Promise.all([getDb(), headers()]);
      const outcome = await lookUpCode(db, typed, clientIp(requestHeaders));
      if (outcome.kind === "found") redirect(`/tra-cuu/${outcome.code}`);
      problem = outcome.kind === "refused" ? { kind: "refused", minutes: Math.ceil(outcome.retryAfterSeconds / 60) } : outcome;
    }
  }

  const message =
    problem === null
      ? null
      : problem.kind === "empty"
        ? t("lookup.errorEmpty")
        : problem.kind === "malformed"
          ? t("lookup.errorMalformed")
          : problem.kind === "unknown"
            ? t("lookup.errorUnknown", { code: problem.code })
            : t("lookup.errorRefused", { minutes: problem.minutes });

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("lookup.title")}</h1>
      <p className="text-zinc-700">{t("lookup.intro")}</p>
      <form action="/tra-cuu" method="get" role="search" className="card space-y-2">
        <label htmlFor="ma" className="field-label">
          {t("lookup.label")}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="ma"
            name="ma"
            defaultValue={typed ?? ""}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={100}
            placeholder="ABCD-EFGH-JKM"
            aria-invalid={message !== null || undefined}
            aria-describedby={message !== null ? "ma-error ma-hint" : "ma-hint"}
            className={`field-input font-mono text-lg tracking-wider ${message !== null ? "border-red-700 ring-1 ring-red-700" : ""}`}
          />
          <button type="submit" className="btn-primary shrink-0">
            {t("lookup.submit")}
          </button>
        </div>
        {message !== null && (
          <p id="ma-error" role="alert" className="field-error">
            {message}
          </p>
        )}
        <p id="ma-hint" className="field-hint">
          {t("lookup.hint")}
        </p>
      </form>

      <section aria-labelledby="where-title" className="space-y-2">
        <h2 id="where-title" className="text-lg font-semibold">
          {t("lookup.whereTitle")}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-zinc-800">
          <li>{t("lookup.whereReceipt")}</li>
          <li>{t("lookup.whereScreen")}</li>
          <li>{t("lookup.whereEmail")}</li>
        </ul>
      </section>

      <section className="card space-y-2">
        <p>{t("lookup.mineHint")}</p>
        <Link href="/ho-so-cua-toi" className="btn-secondary">
          {t("lookup.mineLink")}
        </Link>
      </section>

      <p className="text-sm text-zinc-600">{t("lookup.privacy")}</p>
    </div>
  );
}
