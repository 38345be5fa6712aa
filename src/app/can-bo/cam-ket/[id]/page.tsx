import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/client-messages";
import { ResultMessage } from "@/components/result-message";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { decodeParam } from "@/lib/route-param";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getStaffCommitment } from "@/server/commitments/get-staff-commitment";
import { CommitmentFacts, CommitmentUpdates, StatusBadges } from "../../../cam-ket/commitment-parts";
import { isCommitmentDone } from "../form-state";
import { UpdateCommitmentForm } from "../forms";

export const metadata: Metadata = { robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffCommitmentPage({ params, searchParams }: Props) {
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = decodeParam(rawId);
  const viewer = await requireStaffPage(`/can-bo/cam-ket/${encodeURIComponent(id)}`);
  const [db, localeRaw, t] = await Promise.all([getDb(), getLocale(), getTranslations("commitments")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const found = await getStaffCommitment(db, viewer, id, toLocalDate(new Date()));
  if (!found) notFound();
  const { commitment: c, actions } = found;
  const done = typeof query.xong === "string" && isCommitmentDone(query.xong) ? query.xong : null;

  return (
    <div className="space-y-8">
      <p>
        <Link href="/can-bo/cam-ket" className="underline underline-offset-4">
          ← {t("staff.back")}
        </Link>
      </p>
      <header className="space-y-3">
        <StatusBadges c={c} />
        <h1 className="text-2xl font-bold break-words whitespace-pre-line">{c.body}</h1>
        <p>
          <Link href={`/cam-ket/${c.id}`} className="underline underline-offset-4">
            {t("staff.public")}
          </Link>
        </p>
      </header>
      {done && <ResultMessage className="rounded-md border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900">{t(`staff.done.${done}`)}</ResultMessage>}

      <section aria-label={t("detail.promise")} className="card">
        <CommitmentFacts c={c} locale={locale} withSession={false} />
      </section>

      <section aria-labelledby="tien-do" className="space-y-3">
        <h2 id="tien-do" className="text-xl font-semibold">
          {t("detail.updates")}
        </h2>
        <CommitmentUpdates c={c} locale={locale} />
      </section>

      {c.status === "kept" ? (
        <p className="card">{t("staff.closed")}</p>
      ) : actions.length === 0 ? (
        <p className="card">{t("staff.cannotUpdate")}</p>
      ) : (
        <ClientMessages namespaces={["workspace", "commitments"]}>
          <div className="space-y-4">
            {actions.map((action) => (
              <UpdateCommitmentForm key={`${action}-${c.version}`} commitmentId={c.id} version={c.version} action={action} />
            ))}
          </div>
        </ClientMessages>
      )}
    </div>
  );
}
