import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { SessionStatus } from "@/domain/dialogue/vocabulary";
import { decodeParam } from "@/lib/route-param";
import { getPublicSession } from "@/server/dialogue/get-public-session";
import { AgendaSection } from "./agenda-section";
import { AskSection } from "./ask-section";
import { CommitmentsSection } from "./commitments-section";
import { DeclinedSection } from "./declined-section";
import { SessionHeader } from "./header-section";
import { LiveSection } from "./live-section";

// The same for every visitor (no personal state on it): the custom server replays it while nothing it shows
// has changed (src/server/http/cached-pages.ts). A form's result comes back in the query string, never cached.
export const dynamic = "force-dynamic";

const BEFORE: readonly SessionStatus[] = ["announced", "open", "postponed"];

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const session = await getPublicSession(await getDb(), decodeParam((await params).id));
  return { title: session?.title ?? "" };
}

export default async function SessionPage({ params, searchParams }: Props) {
  const [db, { id }, rawQuery, locale] = await Promise.all([getDb(), params, searchParams, getLocale()]);
  const session = await getPublicSession(db, decodeParam(id));
  if (!session) notFound();
  const query = Object.fromEntries(Object.entries(rawQuery).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const props = { session, locale: locale === "en" ? ("en" as const) : ("vi" as const), query };
  return (
    <div className="space-y-8">
      <SessionHeader {...props} />
      {/* Before the session, sending a question is what a visitor comes for; during and after it, the answers. */}
      {!BEFORE.includes(session.status) ? (
        <>
          <LiveSection {...props} />
          <AskSection {...props} />
        </>
      ) : (
        <>
          <AskSection {...props} />
          <LiveSection {...props} />
        </>
      )}
      <AgendaSection {...props} />
      <CommitmentsSection {...props} />
      <DeclinedSection {...props} />
    </div>
  );
}
