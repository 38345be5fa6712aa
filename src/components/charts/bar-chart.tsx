import { useId } from "react";
import { ChartTable, type ChartTableProps } from "./chart-table";
import { barLayout, type ChartRow } from "./geometry";

export type BarChartProps = Omit<ChartTableProps, "caption"> & {
  title: string;
  rows: readonly ChartRow[];
  /** The value a full bar stands for (default: the largest value); e.g. 1 for rates. */
  max?: number;
  /** Said instead of an empty chart when there are no rows. */
  emptyText: string;
};

/**
 * Horizontal bars drawn on the server (no script), with the same numbers in a table beside them. Bars are in
 * the order given: a caller that sorts by value must show the values too (the table does).
 */
export function BarChart({ title, rows, max, emptyText, ...table }: BarChartProps) {
  const titleId = useId();
  if (rows.length === 0) return <p className="text-zinc-700">{emptyText}</p>;
  const layout = barLayout(rows, max);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${layout.width} ${layout.height}`} className="h-auto w-full" fontSize={14}>
        <title id={titleId}>{title}</title>
        {layout.bars.map((b, i) => (
          <g key={i}>
            <text x={0} y={b.labelY} fill="#3f3f46">
              {b.label}
            </text>
            <rect x={0} y={b.barY} width={Math.max(b.barWidth, 0)} height={b.barHeight} rx={2} fill="#b91c1c" />
            <text x={b.valueX} y={b.barY + b.barHeight - 3} fill="#18181b" fontWeight={600}>
              {b.valueLabel}
            </text>
          </g>
        ))}
      </svg>
      <ChartTable caption={title} rows={rows} {...table} />
    </div>
  );
}
