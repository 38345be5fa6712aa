import { getTranslations } from "next-intl/server";
import { CalendarFeedsCard } from "@/components/calendar-feeds";
import { env } from "@/env";
import { receptionQuery, type ReceptionFilters } from "@/server/reception/calendar/list-reception-days";

/** The .ics feed to subscribe to: the whole calendar, and the one with the chosen filters (a month is not a feed's). */
export async function ReceptionFeeds({ filters }: { filters: ReceptionFilters }) {
  const t = await getTranslations("reception.calendar");
  const base = `${env().APP_URL}/tiep-cong-dan/lich.ics`;
  const scoped = receptionQuery({ unitCode: filters.unitCode, positionId: filters.positionId, areaCode: filters.areaCode });
  const feeds = [{ href: base, label: t("feedAll") }, ...(scoped ? [{ href: `${base}${scoped}`, label: t("feedFiltered") }] : [])];
  return <CalendarFeedsCard title={t("feedsTitle")} intro={t("feedsIntro")} feeds={feeds} />;
}
