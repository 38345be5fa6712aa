import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listOwnedCommitments } from "@/server/commitments/list-commitments";
import { CommitmentCard, CountsList } from "../../cam-ket/commitment-parts";

export const metadata: Metadata = { robots: { index: false } };

export default async function StaffCommitmentsPage() {
  const viewer = await requireStaffPage("/can-bo/cam-ket");
  const [db, localeRaw, t] = await Promise.all([getDb(), getLocale(), getTranslations("commitments.staff")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const list = await listOwnedCommitments(db, viewer, {}, toLocalDate(new Date()));
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-prose text-zinc-700">{t("intro")}</p>
      </header>
      <CountsList counts={list.counts} locale={locale} />
      {list.items.length === 0 ? (
        <p className="card">{t("none")}</p>
      ) : (
        <div className="space-y-4">
          {list.items.map((c) => (
            <CommitmentCard key={c.id} c={c} locale={locale} href={`/can-bo/cam-ket/${c.id}`} />
          ))}
        </div>
      )}
    </div>
  );
}
