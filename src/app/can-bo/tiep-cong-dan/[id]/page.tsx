import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { requireStaffPage } from "@/server/auth/require-staff";
import { AppError } from "@/server/errors";
import { loadReceptionDayForStaff } from "@/server/reception/reception-access";
import { getReceptionDayView } from "@/server/reception/reception-day-view";
import { BookingsSection } from "./bookings-section";
import { BriefingLink } from "./briefing-link";
import { PlanSection } from "./plan-section";
import { RecordSection } from "./record-section";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { robots: { index: false } };

export default async function StaffReceptionDayPage({ params, searchParams }: Props) {
  const [{ id: rawId }, rawQuery, locale] = await Promise.all([params, searchParams, getLocale()]);
  const id = decodeParam(rawId);
  // Who is asking comes first: anonymous visitors sign in, citizens get 403.
  const viewer = await requireStaffPage(`/can-bo/tiep-cong-dan/${encodeURIComponent(id)}`);
  const db = await getDb();
  let access;
  try {
    access = await loadReceptionDayForStaff(db, viewer, id, "view_staff");
  } catch (error) {
    // Another office's day and a missing one look the same.
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  const day = await getReceptionDayView(db, id);
  if (!day) notFound();
  const query = Object.fromEntries(Object.entries(rawQuery).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const props = { day, roles: access.roles, viewer, isHead: access.isHead, locale: locale === "en" ? ("en" as const) : ("vi" as const), query };
  return (
    <div className="space-y-8">
      <PlanSection {...props} />
      <BriefingLink {...props} />
      <BookingsSection {...props} />
      <RecordSection {...props} />
    </div>
  );
}
