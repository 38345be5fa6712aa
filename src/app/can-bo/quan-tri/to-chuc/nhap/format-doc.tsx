import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { AREA_KIND_VALUES, IMPORT_COLUMNS, REQUIRED_COLUMNS, UNIT_KIND_VALUES } from "@/domain/organisation/csv-format";

const RULES = ["encoding", "separator", "rows", "empty", "dates", "excel"] as const;

/** The file format, column by column with its allowed values: the page is its documentation. */
export async function FormatDoc() {
  const t = await getTranslations("orgImport");
  const kinds = (values: Record<string, string>) => (
    <ul className="list-disc space-y-1 pl-5">
      {Object.keys(values).map((v) => (
        <li key={v}>
          <code>{v}</code>: {t(`doc.kinds.${v}` as "doc.kinds.xa")}
        </li>
      ))}
    </ul>
  );
  return (
    <section id="dinh-dang" aria-labelledby="dinh-dang-h" className="card space-y-4">
      <h2 id="dinh-dang-h" className="text-xl font-semibold">
        {t("doc.title")}
      </h2>
      <ul className="max-w-prose list-disc space-y-1 pl-5">
        {RULES.map((r) => (
          <li key={r}>{t(`doc.rules.${r}`)}</li>
        ))}
      </ul>
      <ScrollRegion label={t("doc.tableLabel")}>
        <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-300">
              <th scope="col" className="py-2 pr-3">
                {t("doc.column")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("doc.meaning")}
              </th>
              <th scope="col" className="py-2">
                {t("doc.values")}
              </th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMNS.map((c) => (
              <tr key={c} className="border-b border-zinc-200 align-top">
                <th scope="row" className="py-2 pr-3 font-mono font-normal">
                  {c}
                  {REQUIRED_COLUMNS.includes(c) && <span className="block font-sans text-xs text-zinc-700">({t("doc.requiredMark")})</span>}
                </th>
                <td className="py-2 pr-3">{t(`doc.columns.${c}.meaning`)}</td>
                <td className="py-2">{t(`doc.columns.${c}.values`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h3 className="font-semibold">{t("doc.kindsTitle")}</h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <h4 className="font-semibold">{t("doc.areaKinds")}</h4>
          {kinds(AREA_KIND_VALUES)}
        </div>
        <div>
          <h4 className="font-semibold">{t("doc.unitKinds")}</h4>
          {kinds(UNIT_KIND_VALUES)}
        </div>
      </div>
    </section>
  );
}
