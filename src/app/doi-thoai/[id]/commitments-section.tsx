import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { listCommitments } from "@/server/commitments/list-commitments";
import { CommitmentCard } from "../../cam-ket/commitment-parts";
import type { PublicSectionProps } from "./section-props";

/** What leaders promised at this session and how far each promise has got. Nothing when none was made. */
export async function CommitmentsSection({ session, locale }: PublicSectionProps) {
  const [db, t] = await Promise.all([getDb(), getTranslations("commitments")]);
  const { items, counts } = await listCommitments(db, { sessionId: session.id }, toLocalDate(new Date()));
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="cam-ket-phien" className="space-y-4">
      <header className="space-y-1">
        <h2 id="cam-ket-phien" className="text-xl font-semibold">
          {t("session.title")}
        </h2>
        <p className="text-zinc-700">{t("session.intro")}</p>
        <p className="font-semibold">{t("session.summary", { ...counts })}</p>
      </header>
      {items.map((c) => (
        <CommitmentCard key={c.id} c={c} locale={locale} href={`/cam-ket/${c.id}`} showSession={false} />
      ))}
      <p>
        <Link href={`/cam-ket?phien=${session.id}`} className="underline underline-offset-4">
          {t("session.all")}
        </Link>
      </p>
    </section>
  );
}
