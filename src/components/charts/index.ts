export { BarChart, type BarChartProps } from "./bar-chart";
export { LineChart, type LineChartProps } from "./line-chart";
export { ChartTable, type ChartTableProps } from "./chart-table";
export type { ChartRow } from "./geometry";
