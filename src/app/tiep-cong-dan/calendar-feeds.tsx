import { getTranslations } from "next-intl/server";
import { env } from "@/env";
import { receptionQuery, type ReceptionFilters } from "@/server/reception/calendar/list-reception-days";

/** The .ics feed to subscribe to: the whole calendar, and the one with the chosen filters (a month is not a feed's). */
export async function ReceptionFeeds({ filters }: { filters: ReceptionFilters }) {
  const t = await getTranslations("reception.calendar");
  const base = `${env().APP_URL}/tiep-cong-dan/lich.ics`;
  const scoped = receptionQuery({ unitCode: filters.unitCode, positionId: filters.positionId, areaCode: filters.areaCode });
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
        <li>{link(base, t("feedAll"))}</li>
        {scoped && <li>{link(`${base}${scoped}`, t("feedFiltered"))}</li>}
      </ul>
    </section>
  );
}
