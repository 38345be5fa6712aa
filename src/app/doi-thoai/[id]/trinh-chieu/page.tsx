import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/lib/format";
import { decodeParam } from "@/lib/route-param";
import { getPublicSession } from "@/server/dialogue/get-public-session";
import { liveCopy } from "@/server/dialogue/live/live-copy";
import { loadSessionSnapshot } from "@/server/dialogue/live/session-snapshot";
import { ProjectorView } from "./projector-view";

// The same for every visitor: the custom server replays it while nothing it shows has changed (cached-pages.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [session, t] = await Promise.all([getPublicSession(await getDb(), decodeParam((await params).id)), getTranslations("live")]);
  return { title: session ? t("projectorTitle", { title: session.title }) : "" };
}

/** The session for a hall's screen: the question being answered, big; the queue; the title and time. */
export default async function ProjectorPage({ params }: Props) {
  const [db, { id }, locale, t, copy] = await Promise.all([getDb(), params, getLocale(), getTranslations("live"), liveCopy()]);
  const session = await getPublicSession(db, decodeParam(id));
  if (!session) notFound();
  const snapshot = await loadSessionSnapshot(db, session.id);
  if (!snapshot) notFound();
  const follow = ["announced", "open", "live"].includes(session.status);
  const time = `${formatDateTime(session.startsAt, locale)} – ${new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit" }).format(session.endsAt)}`;
  return (
    <>
      {follow ? (
        <noscript>
          <meta httpEquiv="refresh" content="15" />
        </noscript>
      ) : null}
      <ProjectorView
        sessionId={session.id}
        initial={snapshot}
        follow={follow}
        title={session.title}
        time={time}
        place={session.location}
        copy={{
          ...copy,
          fullscreen: t("projectorFullscreen"),
          exitFullscreen: t("projectorExitFullscreen"),
          keys: t("projectorKeys"),
          back: t("projectorBack"),
          noscript: follow ? t("projectorNoscript") : "",
          statuses: Object.fromEntries(
            (["announced", "open", "live", "ended", "minutes_published", "postponed", "cancelled"] as const).map((s) => [s, t(`status_${s}`)]),
          ) as Record<string, string>,
        }}
      />
    </>
  );
}
