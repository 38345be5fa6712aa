import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CASE_KINDS } from "@/domain/types";
import { listIntakeOptions } from "@/server/intake/list-intake-options";
import { IntakeForm } from "./intake-form";
import { intakeFormCopy } from "./intake-form-copy";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("intake"))("title") };
}

type Props = { searchParams: Promise<{ loai?: string }> };

export default async function FileFeedbackPage({ searchParams }: Props) {
  const { loai } = await searchParams;
  const [t, copy, options] = await Promise.all([getTranslations("intake"), intakeFormCopy(), getDb().then(listIntakeOptions)]);
  const initialKind = (CASE_KINDS as readonly string[]).includes(loai ?? "") ? loai : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="text-zinc-700">{copy.intro}</p>
      {/* A fresh key per form: a resent form (double click, retry on a weak network) files one case, not two. */}
      <IntakeForm copy={copy} options={options} idempotencyKey={randomUUID()} initialKind={initialKind} />
    </div>
  );
}
