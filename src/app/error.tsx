"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold">{t("serverTitle")}</h1>
      <p>{t("serverBody")}</p>
      <button type="button" onClick={reset} className="btn-secondary">
        {t("retry")}
      </button>
    </div>
  );
}
