import type { ReactNode } from "react";

export type Feed = { href: string; label: string };

/** One .ics address to subscribe to, written out in full so it can be copied into a calendar app. */
export function FeedLink({ feed }: { feed: Feed }) {
  return (
    <>
      <span className="font-semibold">{feed.label}</span>
      <br />
      <a href={feed.href} className="break-all text-brand-700 underline underline-offset-4" type="text/calendar">
        {feed.href}
      </a>
    </>
  );
}

/** The box of calendar feeds a public calendar offers (sessions, receptions); `children` may add more below. */
export function CalendarFeedsCard({ title, intro, feeds, children }: { title: string; intro: string; feeds: Feed[]; children?: ReactNode }) {
  return (
    <section aria-labelledby="feeds-title" className="card space-y-3">
      <h2 id="feeds-title" className="text-xl font-bold">
        {title}
      </h2>
      <p className="text-zinc-700">{intro}</p>
      <ul className="space-y-2">
        {feeds.map((f) => (
          <li key={f.href}>
            <FeedLink feed={f} />
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
