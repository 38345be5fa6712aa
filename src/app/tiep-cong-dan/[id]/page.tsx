import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { getReceptionDayView } from "@/server/reception/reception-day-view";
import { BookingSection } from "./booking-section";
import { DayHeader } from "./header-section";
import { OutcomeSection } from "./outcome-section";

// The same for every visitor: no citizen's name is on it (bookings show only the places left). A form's result
// comes back in the query string, never cached.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const day = await getReceptionDayView(await getDb(), decodeParam((await params).id));
  return { title: day ? day.title : "" };
}

export default async function ReceptionDayPage({ params, searchParams }: Props) {
  const [db, { id }, rawQuery, locale] = await Promise.all([getDb(), params, searchParams, getLocale()]);
  const day = await getReceptionDayView(db, decodeParam(id));
  if (!day) notFound();
  const query = Object.fromEntries(Object.entries(rawQuery).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const props = { day, locale: locale === "en" ? ("en" as const) : ("vi" as const), query };
  return (
    <div className="space-y-8">
      <DayHeader {...props} />
      {day.status === "held" ? <OutcomeSection {...props} /> : <BookingSection {...props} />}
    </div>
  );
}
