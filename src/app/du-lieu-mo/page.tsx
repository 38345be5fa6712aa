import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CASE_FIGURE_KEYS } from "@/domain/statistics/figures";
import { env } from "@/env";
import { CASE_COLUMNS_V1, OPEN_DATA_LICENCE_URL, type CaseColumn } from "@/server/open-data/case-list";
import { PARTICIPATION_KEYS } from "@/server/open-data/statistics-export";
import { ColumnTable, type ColumnRow } from "./column-tables";

// The same for every visitor: what the open data holds and how to read it.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("openData");
  return { title: t("page.title"), alternates: { canonical: `${env().APP_URL}/du-lieu-mo` } };
}

const CASE_TYPES: Record<CaseColumn, "text" | "integer" | "date" | "boolean" | "url"> = {
  tracking_code: "text",
  kind: "text",
  instance: "integer",
  field_code: "text",
  field_name: "text",
  area_code: "text",
  area_name: "text",
  unit_code: "text",
  unit_name: "text",
  channel: "text",
  received_on: "date",
  status: "text",
  accepted_on: "date",
  due_on: "date",
  answered_on: "date",
  on_time: "boolean",
  overdue_now: "boolean",
  extended: "boolean",
  published_answer_url: "url",
};

const SHARES = new Set<string>(["resolution", "onTime", "satisfaction"]);
const MEDIANS = new Set<string>(["medianDaysToAccept", "medianDaysToAnswer"]);

export default async function OpenDataPage() {
  const [t, ts] = await Promise.all([getTranslations("openData.page"), getTranslations("statistics")]);
  const site = env().APP_URL;
  const files = [
    { title: t("casesFile"), text: t("casesFileText"), path: "/du-lieu-mo/v1/ho-so" },
    { title: t("statisticsFile"), text: t("statisticsFileText"), path: "/du-lieu-mo/v1/thong-ke" },
  ];
  const type = (k: "text" | "integer" | "date" | "boolean" | "url" | "decimal") => t(`type_${k}`);
  const caseRows: ColumnRow[] = CASE_COLUMNS_V1.map((c) => ({ name: c, type: type(CASE_TYPES[c]), meaning: t(`columns.${c}`) }));
  const statRows: ColumnRow[] = [
    ...(["row", "from", "to", "unit_code", "unit_name"] as const).map((c) => ({ name: c, type: type(c === "from" || c === "to" ? "date" : "text"), meaning: t(`statColumns.${c}`) })),
    ...CASE_FIGURE_KEYS.flatMap((k): ColumnRow[] => {
      const meaning = `${ts(`figures.${k}`)}: ${ts(`definitions.${k}`)}`;
      if (SHARES.has(k)) return [`${k}_part`, `${k}_whole`, `${k}_rate`].map((name, i) => ({ name, type: type(i === 2 ? "decimal" : "integer"), meaning }));
      return [{ name: k, type: type(MEDIANS.has(k) ? "decimal" : "integer"), meaning }];
    }),
    ...Object.values(PARTICIPATION_KEYS)
      .flat()
      .map((k) => ({ name: k, type: type("integer"), meaning: `${ts(`figures.${k}`)}: ${ts(`definitions.${k}`)}` })),
  ];
  const headings = { column: t("column"), type: t("type"), meaning: t("meaning") };
  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold leading-tight">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-zinc-700">{t("intro")}</p>
      </section>

      <section aria-labelledby="files-title" className="space-y-4">
        <h2 id="files-title" className="text-2xl font-bold">{t("filesTitle")}</h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {files.map((f) => (
            <li key={f.path} className="card space-y-3">
              <h3 className="text-xl font-semibold">{f.title}</h3>
              <p className="text-zinc-700">{f.text}</p>
              <p className="flex flex-wrap gap-3">
                <a className="btn-secondary" href={`${f.path}.csv`}>{t("csv")}<span className="sr-only"> — {f.title}</span></a>
                <a className="btn-secondary" href={`${f.path}.json`}>{t("json")}<span className="sr-only"> — {f.title}</span></a>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="query-title" className="max-w-3xl space-y-3">
        <h2 id="query-title" className="text-2xl font-bold">{t("queryTitle")}</h2>
        <p>{t("queryText")}</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>{t("queryCases")}</li>
          <li>{t("queryStatistics")}</li>
          <li>{t("queryUnit")}</li>
        </ul>
        <p className="font-semibold">{t("example")}</p>
        <pre className="overflow-x-auto rounded bg-zinc-100 p-3 text-sm" tabIndex={0}>
          {`${site}/du-lieu-mo/v1/ho-so.csv?tu=2026-01-01&den=2026-06-30\n${site}/du-lieu-mo/v1/thong-ke.json?ky=quarter&nam=2026&so=2&don-vi=demo-ubnd&cap-duoi=1`}
        </pre>
      </section>

      <section aria-labelledby="format-title" className="space-y-4">
        <h2 id="format-title" className="text-2xl font-bold">{t("formatTitle")}</h2>
        <div className="max-w-3xl space-y-2">
          <p>{t("formatText")}</p>
          <p>{t("formatCsv")}</p>
          <p>{t("formatJson")}</p>
        </div>
        <ColumnTable caption={t("casesColumnsTitle")} label={t("casesTableLabel")} rows={caseRows} headings={headings} />
        <p className="max-w-3xl">{t("statisticsColumnsText")}</p>
        <ColumnTable caption={t("statisticsColumnsTitle")} label={t("statisticsTableLabel")} rows={statRows} headings={headings} />
      </section>

      <section aria-labelledby="licence-title" className="max-w-3xl space-y-2">
        <h2 id="licence-title" className="text-2xl font-bold">{t("licenceTitle")}</h2>
        <p>{t("licence")}</p>
        <p>{t("attribution")}</p>
        <p>
          <a className="underline" href={OPEN_DATA_LICENCE_URL} rel="license">{t("licenceLink")}</a>
        </p>
      </section>

      <section aria-labelledby="updates-title" className="max-w-3xl space-y-2">
        <h2 id="updates-title" className="text-2xl font-bold">{t("updatesTitle")}</h2>
        <p>{t("updates")}</p>
      </section>

      <section aria-labelledby="privacy-title" className="max-w-3xl space-y-2">
        <h2 id="privacy-title" className="text-2xl font-bold">{t("privacyTitle")}</h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>{t("privacy1")}</li>
          <li>{t("privacy2")}</li>
          <li>{t("privacy3")}</li>
          <li>{t("privacy4")}</li>
        </ul>
      </section>

      <section aria-labelledby="open311-title" className="max-w-3xl space-y-2">
        <h2 id="open311-title" className="text-2xl font-bold">{t("open311Title")}</h2>
        <p>{t("open311")}</p>
        <p>
          <Link className="underline" href="/du-lieu-mo/open311">{t("open311Link")}</Link>
        </p>
      </section>
    </div>
  );
}
