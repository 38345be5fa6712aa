import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A card leading to a briefing, on the staff page of a reception day or of a dialogue session. */
export async function BriefingLinkCard({ kind, href }: { kind: "reception" | "session"; href: string }) {
  const t = await getTranslations("briefing.link");
  return (
    <section aria-labelledby="ban-tin-lien-ket" className="card space-y-2 print:hidden">
      <h2 id="ban-tin-lien-ket" className="text-xl font-semibold">
        {t(`${kind}.title`)}
      </h2>
      <p className="text-zinc-700">{t(`${kind}.text`)}</p>
      <Link href={href} className="btn-secondary">
        {t("open")}
      </Link>
    </section>
  );
}
