import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getReceptionBriefing } from "@/server/briefing/get-reception-briefing";
import { BriefingView } from "../../../ban-tin/briefing-view";
import { loadBriefingOr404, wantsPrintView } from "../../../ban-tin/load-briefing-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("briefing");
  return { title: t("eyebrow.reception"), robots: { index: false } };
}

/** The head's briefing before a reception day: /can-bo/tiep-cong-dan/<dayId>/ban-tin (?in=1: the print version). */
export default async function ReceptionBriefingPage({ params, searchParams }: Props) {
  const [{ id: rawId }, query, locale] = await Promise.all([params, searchParams, getLocale()]);
  const id = decodeParam(rawId);
  const path = `/can-bo/tiep-cong-dan/${encodeURIComponent(id)}`;
  const viewer = await requireStaffPage(`${path}/ban-tin`);
  const briefing = await loadBriefingOr404(async () => getReceptionBriefing(await getDb(), viewer, id));
  return (
    <BriefingView
      briefing={briefing}
      locale={locale === "en" ? "en" : "vi"}
      backHref={path}
      printHref={`${path}/ban-tin?in=1`}
      printView={wantsPrintView(query)}
    />
  );
}
