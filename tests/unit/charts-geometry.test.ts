import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BAR, LINE, barLayout, fitLabel, labelIndexes, lineLayout, niceMax, type ChartRow } from "@/components/charts/geometry";

const row = (value: number | null, label = "x"): ChartRow => ({ label, value, valueLabel: String(value) });

describe("niceMax", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(11)).toBe(20);
    expect(niceMax(230)).toBe(250);
    expect(niceMax(0.93)).toBe(1);
    expect(niceMax(4100)).toBe(5000);
  });
  it("is never below the value and never more than 2.5 times it", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (v) => {
        const top = niceMax(v);
        expect(top).toBeGreaterThanOrEqual(v * (1 - 1e-9));
        expect(top).toBeLessThanOrEqual(v * 2.5 + 1e-9);
      }),
    );
  });
});

describe("barLayout", () => {
  it("gives the largest value the full track and the others their share", () => {
    const layout = barLayout([row(50), row(100), row(0), row(null)]);
    const track = BAR.width - BAR.valueSpace;
    expect(layout.bars.map((b) => b.barWidth)).toEqual([track / 2, track, 0, 0]);
    expect(layout.height).toBe(BAR.top * 2 + 4 * BAR.rowHeight);
  });
  it("measures against a given maximum and never overflows it", () => {
    const layout = barLayout([row(0.5), row(1.2)], 1);
    const track = BAR.width - BAR.valueSpace;
    expect(layout.bars[0]!.barWidth).toBe(track / 2);
    expect(layout.bars[1]!.barWidth).toBe(track);
  });
  it("shortens a label too long for the chart's width, never a short one", () => {
    expect(fitLabel("Đất đai")).toBe("Đất đai");
    const long = "Giải phóng mặt bằng, bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất cho dự án";
    expect([...fitLabel(long)].length).toBeLessThanOrEqual(BAR.labelChars);
    expect(fitLabel(long).endsWith("…")).toBe(true);
    expect(barLayout([row(1, long)]).bars[0]!.label).toBe(fitLabel(long));
  });
  it("draws nothing for all-zero rows", () => {
    expect(barLayout([row(0), row(0)]).bars.every((b) => b.barWidth === 0)).toBe(true);
  });
});

describe("labelIndexes", () => {
  it("shows every label when there is room", () => {
    expect(labelIndexes(5, 7)).toEqual([0, 1, 2, 3, 4]);
    expect(labelIndexes(0, 7)).toEqual([]);
  });
  it("keeps the first and last, at most `room`, increasing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 12 }), (count, room) => {
        const out = labelIndexes(count, room);
        expect(out[0]).toBe(0);
        expect(out[out.length - 1]).toBe(count - 1);
        expect(out.length).toBeLessThanOrEqual(Math.max(room, 1));
        for (let i = 1; i < out.length; i++) expect(out[i]!).toBeGreaterThan(out[i - 1]!);
      }),
    );
  });
});

describe("lineLayout", () => {
  const tickLabel = (v: number) => `${Math.round(v * 100)}%`;
  it("places values between the baseline and the top, breaking the line at nulls", () => {
    const layout = lineLayout([row(1), row(0.5), row(null), row(0), row(0.25)], { max: 1, tickLabel });
    expect(layout.paths).toHaveLength(2);
    expect(layout.points).toHaveLength(4);
    expect(layout.points[0]!.y).toBe(LINE.top);
    expect(layout.points[2]!.y).toBe(layout.baseline);
    expect(layout.points[0]!.x).toBe(LINE.left);
    expect(layout.points[3]!.x).toBe(LINE.width - LINE.right);
    expect(layout.ticks.map((t) => t.label)).toEqual(["0%", "25%", "50%", "75%", "100%"]);
  });
  it("centres a single point", () => {
    const layout = lineLayout([row(3)], { tickLabel: String });
    expect(layout.points[0]!.x).toBe(LINE.left + (LINE.width - LINE.left - LINE.right) / 2);
    expect(layout.paths).toEqual([`M${layout.points[0]!.x} ${layout.points[0]!.y}`]);
  });
});

describe("the chart components' markup", () => {
  const rows: ChartRow[] = [
    { label: "01/2026", value: 12, valueLabel: "12" },
    { label: "02/2026", value: null, valueLabel: "–", detail: "0/0" },
    { label: "03/2026", value: 0.5, valueLabel: "50,0%", detail: "1/2" },
  ];
  const common = { labelHeading: "Tháng", valueHeading: "Số hồ sơ", regionLabel: "Bảng số liệu: Hồ sơ theo tháng", emptyText: "Chưa có hồ sơ." };

  it("is an SVG image named by its title, beside a table with the same numbers", async () => {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { BarChart, LineChart } = await import("@/components/charts");
    for (const html of [
      renderToStaticMarkup(createElement(BarChart, { title: "Hồ sơ theo tháng", rows, ...common })),
      renderToStaticMarkup(createElement(LineChart, { title: "Hồ sơ theo tháng", rows, max: 1, tickLabel: (v: number) => `${v * 100}%`, detailHeading: "Đúng hạn/đã trả lời", ...common })),
    ]) {
      const labelledBy = /<svg role="img" aria-labelledby="([^"]+)"/.exec(html)?.[1];
      expect(labelledBy).toBeTruthy();
      expect(html).toContain(`<title id="${labelledBy}">Hồ sơ theo tháng</title>`);
      expect(html).toContain('role="region" aria-label="Bảng số liệu: Hồ sơ theo tháng"');
      expect(html).toContain("<caption");
      expect(html.match(/<th scope="col"/g)?.length).toBeGreaterThanOrEqual(2);
      expect(html.match(/<th scope="row"/g)).toHaveLength(3);
      for (const r of rows) expect(html).toContain(r.valueLabel);
    }
  });

  it("says so instead of drawing an empty chart", async () => {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { BarChart, LineChart } = await import("@/components/charts");
    expect(renderToStaticMarkup(createElement(BarChart, { title: "T", rows: [], ...common }))).toBe('<p class="text-zinc-700">Chưa có hồ sơ.</p>');
    const line = renderToStaticMarkup(createElement(LineChart, { title: "T", rows: [rows[1]!], tickLabel: String, ...common }));
    expect(line).not.toContain("<svg");
    expect(line).toContain("Chưa có hồ sơ.");
  });
});
