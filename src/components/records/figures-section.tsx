import { FigureList } from "@/components/statistics/figure-list";
import type { ScopeFigures } from "@/server/records/get-unit-record";

/** A titled block of figures (case figures, then participation), as /thong-ke shows them. */
export function FiguresSection({ id, title, intro, data, locale, level = 2 }: { id: string; title: string; intro?: string; data: ScopeFigures; locale: "vi" | "en"; level?: 2 | 3 }) {
  const Heading = `h${level}` as "h2";
  return (
    <section aria-labelledby={id} className="space-y-4">
      <Heading id={id} className={level === 2 ? "text-xl font-bold" : "text-lg font-semibold"}>
        {title}
      </Heading>
      {intro && <p className="max-w-prose text-zinc-700">{intro}</p>}
      <FigureList figures={data.figures} participation={data.participation} locale={locale} level={level === 2 ? 3 : 4} />
    </section>
  );
}
