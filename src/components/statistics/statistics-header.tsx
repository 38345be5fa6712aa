import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { PeriodError } from "@/domain/statistics/period";
import { StatisticsForm } from "./statistics-form";

/** Whose words: the statistics page's or the periodic report's (both have title, intro and errors). */
type Words = "statistics.page" | "report";
type Translate = (key: string) => string;

/** The title and introduction the statistics and report pages open with; `className` adds to its spacing. */
export async function StatisticsHeader({ words, className }: { words: Words; className?: string }) {
  const t = (await getTranslations(words)) as unknown as Translate;
  return (
    <header className={className ? `${className} space-y-3` : "space-y-3"}>
      <h1 className="text-3xl font-bold leading-tight">{t("title")}</h1>
      <p className="max-w-3xl text-lg text-zinc-700">{t("intro")}</p>
    </header>
  );
}

type RefusalProps = { header: ReactNode; words: Words; error: PeriodError; errorId: string } & Omit<Parameters<typeof StatisticsForm>[0], "shown" | "errorId">;

/** A period that cannot be shown: the page's header, what is wrong (the form's fields point at it), the form again with what was typed. */
export async function PeriodRefusal({ header, words, error, errorId, ...form }: RefusalProps) {
  const t = (await getTranslations(words)) as unknown as Translate;
  return (
    <div className="space-y-8">
      {header}
      <div id={errorId} role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4">
        <h2 className="font-semibold text-red-900">{t("errors.title")}</h2>
        <p className="text-red-900">{t(`errors.${error}`)}</p>
      </div>
      <StatisticsForm {...form} shown={null} errorId={errorId} />
    </div>
  );
}
