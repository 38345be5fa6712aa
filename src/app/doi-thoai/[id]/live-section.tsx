import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { liveCopy } from "@/server/dialogue/live/live-copy";
import { loadSessionSnapshot } from "@/server/dialogue/live/session-snapshot";
import { LiveView } from "./live-view";
import type { PublicSectionProps } from "./section-props";

/** Statuses in which the page follows the session live (and reloads itself without JavaScript while it is live). */
const FOLLOWED = new Set(["announced", "open", "live"]);

/**
 * The live part of the session page (the header links to the projector view): rendered with the current state (so a reload shows it without JavaScript),
 * then kept current in the browser by the event stream (./live-view.tsx).
 */
export async function LiveSection({ session }: PublicSectionProps) {
  const [db, t, copy] = await Promise.all([getDb(), getTranslations("live"), liveCopy()]);
  const snapshot = await loadSessionSnapshot(db, session.id);
  if (!snapshot || session.status === "cancelled" || session.status === "postponed") return null;
  const follow = FOLLOWED.has(session.status);
  return (
    <section aria-labelledby="live-title" className="space-y-4">
      {session.status === "live" ? (
        <noscript>
          <meta httpEquiv="refresh" content="30" />
          <p className="text-sm text-zinc-600">{t("noscriptLive")}</p>
        </noscript>
      ) : null}
      <h2 id="live-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      <LiveView sessionId={session.id} initial={snapshot} follow={follow} supportable={follow} copy={copy} />
    </section>
  );
}
