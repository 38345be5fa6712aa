import { ScrollRegion } from "@/components/scroll-region";
import type { ChartRow } from "./geometry";

export type ChartTableProps = {
  /** The table's caption: the chart's title. */
  caption: string;
  rows: readonly ChartRow[];
  labelHeading: string;
  valueHeading: string;
  /** The heading of the third column, shown when rows carry a `detail` (e.g. "Số hồ sơ"). */
  detailHeading?: string;
  /** The scroll region's name for screen readers; must differ from the section's heading. */
  regionLabel: string;
};

/** The numbers of a chart as a real table (a chart alone is not enough for a screen reader or a copy-paste). */
export function ChartTable({ caption, rows, labelHeading, valueHeading, detailHeading, regionLabel }: ChartTableProps) {
  const withDetail = detailHeading !== undefined && rows.some((r) => r.detail !== undefined);
  return (
    <ScrollRegion label={regionLabel}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-zinc-900">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-300">
            <th scope="col" className="py-1 pr-3 font-semibold">
              {labelHeading}
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-semibold">
              {valueHeading}
            </th>
            {withDetail && (
              <th scope="col" className="py-1 text-right font-semibold">
                {detailHeading}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${i}-${r.label}`} className="border-b border-zinc-100">
              <th scope="row" className="py-1 pr-3 font-normal">
                {r.label}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{r.valueLabel}</td>
              {withDetail && <td className="py-1 text-right tabular-nums">{r.detail ?? ""}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
