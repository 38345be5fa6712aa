import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getPublicSession } from "@/server/dialogue/get-public-session";
import { loadSessionForStaff } from "@/server/dialogue/session-access";
import { AppError } from "@/server/errors";
import { BriefingLinkCard } from "../../ban-tin/briefing-link";
import { AgendaManager } from "./agenda-manager";
import { CommitmentsManager } from "./commitments-manager";
import { SessionControls } from "./controls-section";
import { MinutesEditor } from "./minutes-editor";
import { ModerationSection } from "./moderation-section";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { robots: { index: false } };

export default async function StaffSessionPage({ params, searchParams }: Props) {
  const [{ id: rawId }, rawQuery, locale] = await Promise.all([params, searchParams, getLocale()]);
  const id = decodeParam(rawId);
  // Who is asking comes first: anonymous visitors sign in, citizens get 403.
  const viewer = await requireStaffPage(`/can-bo/doi-thoai/${encodeURIComponent(id)}`);
  const db = await getDb();
  let roles;
  try {
    ({ roles } = await loadSessionForStaff(db, viewer, id, "view_staff"));
  } catch (error) {
    // Another unit's session and a missing one look the same.
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  const session = await getPublicSession(db, id);
  if (!session) notFound();
  const query = Object.fromEntries(Object.entries(rawQuery).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const props = { session, roles, viewer, locale: locale === "en" ? ("en" as const) : ("vi" as const), query };
  return (
    <div className="space-y-8">
      <SessionControls {...props} />
      <BriefingLinkCard kind="session" href={`/can-bo/doi-thoai/${session.id}/ban-tin`} />
      <ModerationSection {...props} />
      <AgendaManager {...props} />
      <CommitmentsManager {...props} />
      <MinutesEditor {...props} />
    </div>
  );
}
