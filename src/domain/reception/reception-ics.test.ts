import { describe, expect, it } from "vitest";
import { parseContentLines, unescapeText } from "../dialogue/ics";
import { renderReceptionCalendar, type IcsReceptionDay, type ReceptionIcsLabels } from "./reception-ics";

const labels: ReceptionIcsLabels = {
  summary: (title) => `Tiếp công dân: ${title}`,
  head: "Người tiếp",
  unit: "Cơ quan",
  content: "Nội dung",
  online: "Đường dẫn",
  cancelled: "Đã hủy",
  moved: "Đã dời",
  page: "Trang",
};

const day: IcsReceptionDay = {
  id: "0b7f1c7e-3c1d-4d2a-9d7e-1f2a3b4c5d6e",
  title: "Chủ tịch UBND tỉnh, ngày 15; có dấu phẩy",
  unitName: "UBND tỉnh Gia Lai",
  headName: "Nguyễn Văn A",
  startsAt: new Date("2026-12-15T00:30:00Z"),
  endsAt: new Date("2026-12-15T04:00:00Z"),
  place: "Trụ sở Ban Tiếp công dân tỉnh",
  mode: "in_person",
  onlineUrl: null,
  plannedContent: null,
  status: "confirmed",
  statusReason: null,
  version: 3,
  createdAt: new Date("2026-11-01T00:00:00Z"),
  updatedAt: new Date("2026-11-20T00:00:00Z"),
};

const render = (days: IcsReceptionDay[]) => renderReceptionCalendar({ origin: "https://doithoai.example", name: "Lịch", language: "vi", labels, days });

describe("reception .ics", () => {
  it("carries the version as SEQUENCE, times in UTC, the page's absolute address and escaped text", () => {
    const lines = parseContentLines(render([day]));
    const get = (name: string) => lines.find((l) => l.name === name)?.value;
    expect(get("SEQUENCE")).toBe("3");
    expect(get("DTSTART")).toBe("20261215T003000Z");
    expect(get("STATUS")).toBe("CONFIRMED");
    expect(get("URL")).toBe(`https://doithoai.example/tiep-cong-dan/${day.id}`);
    expect(unescapeText(get("SUMMARY")!)).toBe(`Tiếp công dân: ${day.title}`);
    expect(unescapeText(get("DESCRIPTION")!)).toContain("Người tiếp: Nguyễn Văn A");
  });

  it("marks a cancelled day CANCELLED with its reason, and an online one with its link as the location", () => {
    const lines = parseContentLines(render([{ ...day, status: "cancelled", statusReason: "Lãnh đạo đi công tác" }, { ...day, id: "x", mode: "online", onlineUrl: "https://meet.example/a" }]));
    expect(lines.filter((l) => l.name === "STATUS").map((l) => l.value)).toEqual(["CANCELLED", "CONFIRMED"]);
    expect(unescapeText(lines.filter((l) => l.name === "DESCRIPTION")[0]!.value)).toContain("Đã hủy: Lãnh đạo đi công tác");
    expect(lines.filter((l) => l.name === "LOCATION")[1]!.value).toBe("https://meet.example/a");
  });

  it("folds every line to at most 75 octets", () => {
    const ics = render([{ ...day, plannedContent: "Nội dung rất dài ".repeat(40) }]);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});
