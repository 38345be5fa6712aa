import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { translator } from "@/i18n/messages";
import type { Briefing } from "@/server/briefing/build-briefing";

// The view's words come from the message files as on the server.
vi.mock("next-intl/server", () => ({
  getTranslations: async (ns: string) => {
    const root = translator("vi");
    return (key: string, values?: Record<string, unknown>) => root(`${ns}.${key}` as never, values as never);
  },
}));

const briefing = (over: Partial<Briefing> = {}): Briefing => ({
  subject: {
    kind: "reception",
    id: "00000000-0000-4000-8000-000000000001",
    title: "Chủ tịch UBND tỉnh",
    titleEn: "Provincial chair",
    startsAt: new Date("2026-11-30T00:30:00Z"),
    endsAt: new Date("2026-11-30T04:00:00Z"),
    place: "Trụ sở Ban Tiếp công dân tỉnh",
    unit: { id: "u", name: "UBND tỉnh Gia Lai", nameEn: "Gia Lai PC" },
    area: { id: "a", name: "Tỉnh Gia Lai" },
    heads: [{ userId: "h", name: "Ông A", position: "Chủ tịch UBND tỉnh", positionEn: "Chair" }],
    questionsSessionId: null,
    showBookedCitizens: true,
  },
  today: "2026-11-27",
  cases: {
    area: { open: 5, overdue: 2 },
    unit: { open: 3, overdue: 1 },
    overdue: [{ code: "ABCD-EFGH-JKM", kind: "denunciation", title: null, unit: { name: "UBND phường Pleiku", nameEn: "Pleiku" }, dueOn: "2026-11-16", daysOverdue: 11 }],
    overdueTotal: 4,
  },
  commitments: { counts: { open: 1, overdue: 1, kept: 2, missed: 0 }, items: [] },
  questions: { session: null, items: [], total: 0 },
  satisfaction: { since: "2025-11-27", answered: 10, rated: 4, satisfied: 3, unsatisfied: 1 },
  bookings: { count: 1, citizens: [{ id: "b", status: "booked", name: "Trần Thị Bích", summary: "Bồi thường đất", bookedAt: new Date() }] },
  ...over,
});

async function render(b: Briefing, printView = false): Promise<string> {
  const { BriefingView } = await import("@/app/can-bo/ban-tin/briefing-view");
  const { renderToReadableStream } = await import("react-dom/server.edge");
  const element = createElement(BriefingView as never, { briefing: b, locale: "vi", backHref: "/b", printHref: "/b/ban-tin?in=1", printView } as never);
  return new Response(await renderToReadableStream(element)).text();
}

describe("the briefing view", () => {
  it("fits A4 when printed, without the site's header and footer, and prints from a plain link", async () => {
    const html = await render(briefing());
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain("body > header, body > footer");
    expect(html).toContain('href="/b/ban-tin?in=1"');
    expect(html).toContain("In bản tin");
    const printView = await render(briefing(), true);
    expect(printView).not.toContain("In bản tin");
    expect(printView).toContain("Ctrl+P");
  });

  it("lists the booked citizens and the overdue cases, a denunciation by its code only", async () => {
    const html = await render(briefing());
    expect(html).toContain("Trần Thị Bích");
    expect(html).toContain("Tài liệu nội bộ: có họ tên");
    expect(html).toContain("ABCD-EFGH-JKM");
    expect(html).toContain("Tố cáo (nội dung được bảo mật theo quy định)");
    expect(html).toContain("11 ngày");
    expect(html).toContain("Đang hiển thị 1 trên tổng số 4 hồ sơ quá hạn");
    expect(html).toContain("75% người đánh giá hài lòng");
  });

  it("says how many booked when the reader may not see their names", async () => {
    const html = await render(briefing({ bookings: { count: 2, citizens: null } }));
    expect(html).toContain("2 công dân đã đặt lịch.");
    expect(html).toContain("Họ tên và nội dung chỉ hiển thị cho bộ phận tiếp công dân");
    expect(html).not.toContain("Tài liệu nội bộ: có họ tên");
  });
});
