import { useId } from "react";
import { ChartTable, type ChartTableProps } from "./chart-table";
import { LINE, lineLayout, type ChartRow } from "./geometry";

export type LineChartProps = Omit<ChartTableProps, "caption"> & {
  title: string;
  /** In time order; a null value (nothing to measure that month) breaks the line. */
  rows: readonly ChartRow[];
  /** The top of the axis (e.g. 1 for a rate); default a round number above the largest value. */
  max?: number;
  /** How a guide's value is written on the axis (e.g. "50%"). */
  tickLabel: (value: number) => string;
  emptyText: string;
};

/** A line over time drawn on the server (no script), with the same numbers in a table beside it. */
export function LineChart({ title, rows, max, tickLabel, emptyText, ...table }: LineChartProps) {
  const titleId = useId();
  if (rows.length === 0 || rows.every((r) => r.value === null)) {
    return (
      <div className="space-y-3">
        <p className="text-zinc-700">{emptyText}</p>
        {rows.length > 0 && <ChartTable caption={title} rows={rows} {...table} />}
      </div>
    );
  }
  const layout = lineLayout(rows, { max, tickLabel });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${layout.width} ${layout.height}`} className="h-auto w-full" fontSize={13}>
        <title id={titleId}>{title}</title>
        {layout.ticks.map((t, i) => (
          <g key={i}>
            <line x1={LINE.left} x2={LINE.width - LINE.right} y1={t.y} y2={t.y} stroke={i === 0 ? "#71717a" : "#e4e4e7"} />
            <text x={LINE.left - 6} y={t.y + 4} textAnchor="end" fill="#3f3f46">
              {t.label}
            </text>
          </g>
        ))}
        {layout.xLabels.map((l, i) => (
          <text key={i} x={l.x} y={layout.baseline + 20} textAnchor="middle" fill="#3f3f46">
            {l.label}
          </text>
        ))}
        {layout.paths.map((d, i) => (
          <path key={i} d={d} fill="none" stroke="#b91c1c" strokeWidth={2.5} strokeLinejoin="round" />
        ))}
        {layout.points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={3.5} fill="#b91c1c">
            <title>{`${p.label}: ${p.valueLabel}`}</title>
          </circle>
        ))}
      </svg>
      <ChartTable caption={title} rows={rows} {...table} />
    </div>
  );
}
