// The arithmetic of the server-rendered charts, apart from the markup so it can be tested. Pure.

/** One row of a chart and of the table beside it. */
export type ChartRow = {
  label: string;
  /** null: nothing to show (a rate of nothing); the line breaks there, the table shows `valueLabel`. */
  value: number | null;
  /** The value as the reader sees it ("5.018", "92,6%"), in the chart and in the table. */
  valueLabel: string;
  /** Optional numbers behind the value (e.g. "338/365"), shown in a third column of the table. */
  detail?: string;
};

/** A round top for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `max` (1 when everything is zero). */
export function niceMax(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const top = step * power;
    if (top >= max - power * 1e-9) return top;
  }
  return 10 * power;
}

export type BarLayout = {
  width: number;
  height: number;
  bars: Array<{ label: string; valueLabel: string; labelY: number; barY: number; barHeight: number; barWidth: number; valueX: number }>;
};

export const BAR = { width: 600, rowHeight: 44, labelSize: 14, barHeight: 16, top: 4, valueSpace: 88, labelChars: 70 } as const;

/** A label shortened to fit the chart's width (the table beside it gives it in full). */
export function fitLabel(label: string, max: number = BAR.labelChars): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/**
 * Horizontal bars, one row each: the label on its own line above the bar (labels such as fields of life are long),
 * the bar's length proportional to its value against `max` (default: the largest value), the value after it.
 */
export function barLayout(rows: readonly ChartRow[], max?: number): BarLayout {
  const top = max ?? Math.max(0, ...rows.map((r) => r.value ?? 0));
  const track = BAR.width - BAR.valueSpace;
  const bars = rows.map((r, i) => {
    const y = BAR.top + i * BAR.rowHeight;
    const v = Math.max(0, r.value ?? 0);
    const barWidth = top > 0 ? Math.min(track, (v / top) * track) : 0;
    return { label: fitLabel(r.label), valueLabel: r.valueLabel, labelY: y + BAR.labelSize, barY: y + BAR.labelSize + 6, barHeight: BAR.barHeight, barWidth, valueX: barWidth + 6 };
  });
  return { width: BAR.width, height: BAR.top * 2 + rows.length * BAR.rowHeight, bars };
}

export const LINE = { width: 600, height: 260, left: 56, right: 16, top: 16, bottom: 40 } as const;

export type LineLayout = {
  width: number;
  height: number;
  /** Each run of consecutive values as one path (a null breaks the line). */
  paths: string[];
  points: Array<{ x: number; y: number; label: string; valueLabel: string }>;
  /** Horizontal guides: value, its label and its height. */
  ticks: Array<{ y: number; label: string }>;
  /** The labels under the axis: every row's when few, else spaced so they never overlap (first and last kept). */
  xLabels: Array<{ x: number; label: string }>;
  baseline: number;
};

/** The x labels shown: at most `room` of them, evenly spaced, the last always shown. */
export function labelIndexes(count: number, room: number): number[] {
  if (count <= 0) return [];
  if (count <= room) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil((count - 1) / (room - 1));
  const out: number[] = [];
  for (let i = 0; i < count - 1; i += step) out.push(i);
  if (count - 1 - out[out.length - 1]! < step / 2 && out.length > 1) out.pop();
  out.push(count - 1);
  return out;
}

/**
 * A line over time: rows are evenly spaced from left to right, values from 0 (bottom) to `max` (top; default a
 * round number above the largest value). `tickLabel` writes a guide's value (e.g. as a percentage).
 */
export function lineLayout(rows: readonly ChartRow[], options: { max?: number; ticks?: number; tickLabel: (value: number) => string }): LineLayout {
  const top = options.max ?? niceMax(Math.max(0, ...rows.map((r) => r.value ?? 0)));
  const plotW = LINE.width - LINE.left - LINE.right;
  const plotH = LINE.height - LINE.top - LINE.bottom;
  const baseline = LINE.top + plotH;
  const xOf = (i: number) => LINE.left + (rows.length <= 1 ? plotW / 2 : (i * plotW) / (rows.length - 1));
  const yOf = (v: number) => baseline - (Math.min(Math.max(v, 0), top) / top) * plotH;
  const round = (n: number) => Math.round(n * 10) / 10;
  const points: LineLayout["points"] = [];
  const paths: string[] = [];
  let run: string[] = [];
  rows.forEach((r, i) => {
    if (r.value === null) {
      if (run.length) paths.push(run.join(" "));
      run = [];
      return;
    }
    const x = round(xOf(i));
    const y = round(yOf(r.value));
    points.push({ x, y, label: r.label, valueLabel: r.valueLabel });
    run.push(`${run.length ? "L" : "M"}${x} ${y}`);
  });
  if (run.length) paths.push(run.join(" "));
  const tickCount = options.ticks ?? 4;
  const ticks = Array.from({ length: tickCount + 1 }, (_, k) => {
    const v = (top * k) / tickCount;
    return { y: round(yOf(v)), label: options.tickLabel(v) };
  });
  const xLabels = labelIndexes(rows.length, 7).map((i) => ({ x: round(xOf(i)), label: rows[i]!.label }));
  return { width: LINE.width, height: LINE.height, paths, points, ticks, xLabels, baseline };
}
