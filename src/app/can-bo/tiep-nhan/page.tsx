import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CHANNELS } from "@/domain/types";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listIntakeOptions } from "@/server/intake/list-intake-options";
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
export default async function RegisterOnBehalfPage() {
  const viewer = await requireStaffPage("/can-bo/tiep-nhan");
  if (!hasRole(viewer, "intake") && !hasRole(viewer, "leader")) forbidden();
  const [t, tChannels, copy, options] = await Promise.all([
    getTranslations("intake.onBehalf"),
    getTranslations("workspace.channels"),
    intakeFormCopy(),
    getDb().then(listIntakeOptions),
  ]);
  const onBehalf = {
    label: t("channel"),
    hint: t("channelHint"),
    notAllowed: t("notAllowed"),
    channels: CHANNELS.filter((c) => c !== "web").map((c) => ({ value: c, label: tChannels(c) })),
  };
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link href="/can-bo" className="underline underline-offset-4">
          {(await getTranslations("workspace.case"))("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="text-zinc-700">{t("intro")}</p>
      <IntakeForm copy={copy} options={options} idempotencyKey={randomUUID()} onBehalf={onBehalf} />
    </div>
  );
}
