import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CHANNELS } from "@/domain/types";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listIntakeOptions } from "@/server/intake/list-intake-options";
import { formatDate } from "@/lib/format";
import { decodeParam } from "@/lib/route-param";
import { receptionForCaseForm } from "@/server/reception/record/reception-for-case-form";
import { IntakeForm } from "@/app/gui-y-kien/intake-form";
import { intakeFormCopy } from "@/app/gui-y-kien/intake-form-copy";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("intake.onBehalf"))("title"), robots: { index: false } };
}

/**
 * An official registers feedback received at a reception, a dialogue, a voter meeting, by post, hotline or email:
 * the citizen's form with the channel added, posting to the same server action (the service checks the role).
 */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegisterOnBehalfPage({ searchParams }: Props) {
  const rawDay = (await searchParams)["tiep-cong-dan"];
  const dayParam = typeof rawDay === "string" && rawDay !== "" ? decodeParam(rawDay) : null;
  const viewer = await requireStaffPage(dayParam ? `/can-bo/tiep-nhan?tiep-cong-dan=${encodeURIComponent(dayParam)}` : "/can-bo/tiep-nhan");
  if (!hasRole(viewer, "intake") && !hasRole(viewer, "leader")) forbidden();
  const db = await getDb();
  const [t, tChannels, tReception, copy, options, locale, reception] = await Promise.all([
    getTranslations("intake.onBehalf"),
    getTranslations("workspace.channels"),
    getTranslations("receptionRecord.onBehalf"),
    intakeFormCopy(),
    listIntakeOptions(db),
    getLocale(),
    dayParam ? receptionForCaseForm(db, viewer, dayParam) : null,
  ]);
  // From a reception day: the channel is "reception" and the case is written with the day's matter.
  const onBehalf = {
    label: t("channel"),
    hint: t("channelHint"),
    notAllowed: t("notAllowed"),
    channels: CHANNELS.filter((c) => (reception ? c === "reception" : c !== "web")).map((c) => ({ value: c, label: tChannels(c) })),
    reception: reception
      ? {
          dayId: reception.id,
          label: tReception("forReception", { title: locale === "en" ? reception.titleEn : reception.title, date: formatDate(reception.startsAt, locale) }),
          hint: tReception("receptionHint"),
          notAllowed: tReception("notAllowed"),
        }
      : undefined,
  };
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link href="/can-bo" className="underline underline-offset-4">
          {(await getTranslations("workspace.case"))("back")}
        </Link>
      </p>
      {dayParam && (
        <p>
          <Link href={`/can-bo/tiep-cong-dan/${encodeURIComponent(dayParam)}#ghi-nhan`} className="underline underline-offset-4">
            {tReception("backToReception")}
          </Link>
        </p>
      )}
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      {dayParam && !reception && (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          {tReception("unknownReception")}
        </p>
      )}
      <p className="text-zinc-700">{t("intro")}</p>
      <IntakeForm copy={copy} options={options} idempotencyKey={randomUUID()} onBehalf={onBehalf} />
    </div>
  );
}
