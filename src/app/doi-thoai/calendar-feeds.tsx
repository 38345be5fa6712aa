import { getTranslations } from "next-intl/server";
import { CalendarFeedsCard, FeedLink } from "@/components/calendar-feeds";
import { env } from "@/env";
import { ALL_FEED } from "@/server/dialogue/session-calendar";

type Area = { code: string; name: string };

const feedUrl = (code: string) => `${env().APP_URL}/doi-thoai/lich/${encodeURIComponent(code)}.ics`;

/** The calendar feeds to subscribe to: the whole province's, the chosen area's, and each area's (folded away). */
export async function CalendarFeeds({ areas, chosen }: { areas: Area[]; chosen: Area | null }) {
  const t = await getTranslations("dialogue.calendar");
  const feeds = [{ href: feedUrl(ALL_FEED), label: t("feedAll") }, ...(chosen ? [{ href: feedUrl(chosen.code), label: t("feedArea", { area: chosen.name }) }] : [])];
  return (
    <CalendarFeedsCard title={t("feedsTitle")} intro={t("feedsIntro")} feeds={feeds}>
      <details>
        <summary className="cursor-pointer font-semibold underline underline-offset-4">{t("feedsMore")}</summary>
        <ul className="mt-2 space-y-2">
          {areas.map((a) => (
            <li key={a.code}>
              <FeedLink feed={{ href: feedUrl(a.code), label: a.name }} />
            </li>
          ))}
        </ul>
      </details>
    </CalendarFeedsCard>
  );
}
