import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getSessionBriefing } from "@/server/briefing/get-session-briefing";
import { BriefingView } from "../../../ban-tin/briefing-view";
import { loadBriefingOr404, wantsPrintView } from "../../../ban-tin/load-briefing-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("briefing");
  return { title: t("eyebrow.session"), robots: { index: false } };
}

/** The leaders' briefing before a dialogue session: /can-bo/doi-thoai/<sessionId>/ban-tin (?in=1: the print version). */
export default async function SessionBriefingPage({ params, searchParams }: Props) {
  const [{ id: rawId }, query, locale] = await Promise.all([params, searchParams, getLocale()]);
  const id = decodeParam(rawId);
  const path = `/can-bo/doi-thoai/${encodeURIComponent(id)}`;
  const viewer = await requireStaffPage(`${path}/ban-tin`);
  const briefing = await loadBriefingOr404(async () => getSessionBriefing(await getDb(), viewer, id));
  return (
    <BriefingView
      briefing={briefing}
      locale={locale === "en" ? "en" : "vi"}
      backHref={`/doi-thoai/${encodeURIComponent(id)}`}
      printHref={`${path}/ban-tin?in=1`}
      printView={wantsPrintView(query)}
    />
  );
}
