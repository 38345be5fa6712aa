import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function CaseNotFound() {
  const t = await getTranslations("track.notFound");
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <Link href="/tra-cuu" className="btn-primary">
        {t("again")}
      </Link>
    </div>
  );
}
