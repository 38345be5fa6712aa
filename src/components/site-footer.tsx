import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("app");
  return (
    <footer className="border-t border-zinc-200 bg-white">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-zinc-600">
        <p>{t("footer")}</p>
        <p>{t("footerPrivacy")}</p>
      </div>
    </footer>
  );
}
