import { getTranslations } from "next-intl/server";
import { env } from "@/env";
import { ALL_FEED } from "@/server/dialogue/session-calendar";

type Area = { code: string; name: string };

const feedUrl = (code: string) => `${env().APP_URL}/doi-thoai/lich/${encodeURIComponent(code)}.ics`;

/** The calendar feeds to subscribe to: the whole province's, the chosen area's, and each area's (folded away). */
export async function CalendarFeeds({ areas, chosen }: { areas: Area[]; chosen: Area | null }) {
  const t = await getTranslations("dialogue.calendar");
  const link = (href: string, label: string) => (
    <>
      <span className="font-semibold">{label}</span>
      <br />
      <a href={href} className="break-all text-brand-700 underline underline-offset-4" type="text/calendar">
        {href}
      </a>
    </>
  );
  return (
    <section aria-labelledby="feeds-title" className="card space-y-3">
      <h2 id="feeds-title" className="text-xl font-bold">
        {t("feedsTitle")}
      </h2>
      <p className="text-zinc-700">{t("feedsIntro")}</p>
      <ul className="space-y-2">
        <li>{link(feedUrl(ALL_FEED), t("feedAll"))}</li>
        {chosen && <li>{link(feedUrl(chosen.code), t("feedArea", { area: chosen.name }))}</li>}
      </ul>
      <details>
        <summary className="cursor-pointer font-semibold underline underline-offset-4">{t("feedsMore")}</summary>
        <ul className="mt-2 space-y-2">
          {areas.map((a) => (
            <li key={a.code}>{link(feedUrl(a.code), a.name)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
