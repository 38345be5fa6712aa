import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { getDb } from "@/db/client";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import { env } from "@/env";
import { formatDate, formatDateTime } from "@/lib/format";
import { decodeParam } from "@/lib/route-param";
import { getReceipt } from "@/server/intake/get-receipt";
import { receptionOfCase } from "@/server/reception/record/reception-for-case-form";
import { RECEIPT_COOKIE_PREFIX } from "../../form-state";
import { PrintButton } from "./print-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("intake"))("receipt.title"), robots: { index: false } };
}

type Props = { params: Promise<{ code: string }> };

export default async function ReceiptPage({ params }: Props) {
  const code = normalizeTrackingCode(decodeParam((await params).code));
  if (!code) notFound();
  const db = await getDb();
  const receipt = await getReceipt(db, code);
  if (!receipt) notFound();
  const [t, tKinds, tReception, locale, jar, receptionDayId] = await Promise.all([
    getTranslations("intake.receipt"),
    getTranslations("kinds"),
    getTranslations("receptionRecord.onBehalf"),
    getLocale(),
    cookies(),
    receptionOfCase(db, code),
  ]);
  const accessKey = jar.get(`${RECEIPT_COOKIE_PREFIX}${code}`)?.value;
  const statusUrl = `${env().APP_URL}/tra-cuu/${code}`;
  const qr = await QRCode.toString(statusUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 text-green-950">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p>{t("thanks", { time: formatDateTime(receipt.receivedAt, locale) })}</p>
      </div>
      <section className="card space-y-5" aria-label={t("title")}>
        <dl className="space-y-4">
          <div>
            <dt className="font-semibold">{t("code")}</dt>
            <dd className="font-mono text-3xl font-bold tracking-wider" data-testid="receipt-code">
              {receipt.code}
            </dd>
            <dd className="text-sm text-zinc-700">{t("codeHint")}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("key")}</dt>
            {accessKey ? (
              <>
                <dd className="font-mono text-2xl font-bold tracking-wider" data-testid="receipt-key">
                  {accessKey}
                </dd>
                <dd className="text-sm text-zinc-700">{t("keyHint")}</dd>
              </>
            ) : (
              <dd className="text-sm text-zinc-700">{t("keyGone")}</dd>
            )}
          </div>
          <div>
            <dt className="font-semibold">{t("kind")}</dt>
            <dd>{tKinds(`${receipt.kind}.name`)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("unit")}</dt>
            <dd data-testid="receipt-unit">{locale === "en" ? receipt.unitNameEn : receipt.unitName}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("due")}</dt>
            <dd data-testid="receipt-due">{formatDate(receipt.acceptanceDueOn, locale)}</dd>
            <dd className="text-sm text-zinc-700">{t("dueHint")}</dd>
          </div>
        </dl>
        <figure className="flex flex-col items-start gap-2">
          <div className="h-40 w-40" role="img" aria-label={t("qr")} dangerouslySetInnerHTML={{ __html: qr }} />
          <figcaption className="break-all text-sm text-zinc-700">{statusUrl}</figcaption>
        </figure>
        <p className="text-sm text-zinc-700">{t("emailSent")}</p>
      </section>
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton label={t("print")} />
        <span className="text-sm text-zinc-600">{t("printHint")}</span>
      </div>
      <div className="flex flex-wrap gap-3 print:hidden">
        <Link href={`/tra-cuu/${receipt.code}`} className="btn-primary">
          {t("track")}
        </Link>
        {/* Registered at a reception: the official goes back to it (the link leads to a staff page). */}
        {receptionDayId ? (
          <Link href={`/can-bo/tiep-cong-dan/${receptionDayId}#ghi-nhan`} className="btn-secondary">
            {tReception("backToReception")}
          </Link>
        ) : (
          <Link href="/gui-y-kien" className="btn-secondary">
            {t("another")}
          </Link>
        )}
      </div>
    </div>
  );
}
