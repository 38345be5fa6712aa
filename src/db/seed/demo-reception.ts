import "server-only";
import { and, asc, eq, like, lt, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { areas, caseEvents, categories, commitments, emailOutbox, commitmentUpdates, receptionBookings, receptionDayEvents, receptionDays, receptionMatters, receptionPositionHolders, receptionPositions, routingRules, units } from "@/db/schema";
import { addCalendarDays, endOfLocalDay, toLocalDate } from "@/domain/calendar";
import { RECEPTION_ANSWER_POLICY } from "@/domain/deadline-policies-data";
import { addPeriod } from "@/domain/deadlines";
import type { PositionKind } from "@/domain/reception/vocabulary";
import { REFUSAL_NOTICE_WORKING_DAYS } from "@/domain/reception/vocabulary";
import { loadCalendar, loadPolicies } from "@/server/deadlines/policy-rows";
import { insertCaseInTransaction } from "@/server/intake/submit-case";
import { submitCaseSchema } from "@/server/intake/submit-case-input";
import { bookingCodeHash, bookingContactHash, deriveBookingCode, sealBooking } from "@/server/reception/bookings/booking-data";
import { generateReceptionDays } from "@/server/reception/generate-reception-days";
import { loadDutyRules } from "@/server/reception/duty-rules";

// The demo sample's citizen receptions (clearly demo: places and names end in "(mẫu)"). Four heads' seats with
// their duty generated from the rules: the province chair (Gia Lai's joint reception on the 15th, run by the
// citizen reception board), the Pleiku and Quy Nhơn ward chairs, and a department director who receives online.
// Past months show each outcome a newcomer should see: receptions held in person, one held by a deputy (so the
// province chair's month is missed), one the Pleiku chair never held, matters answered on the spot, guided,
// refused and registered as cases, a conclusion notice with its items tracked, and bookings for the next day.

type Ids = { areaId: Map<string, string>; unitId: Map<string, string>; userId: Map<string, string>; categoryId: Map<string, string> };

type DemoPosition = {
  key: string;
  unit: string;
  office: string;
  kind: PositionKind;
  title: string;
  titleEn: string;
  holder: string;
  daysOfMonth: number[];
  weekday: number;
  place: string;
  /** Which past duty (counted back from the latest, 0 = the latest) went which way. */
  delegatedAt?: number;
  missedAt?: number;
};

const POSITIONS: DemoPosition[] = [
  {
    key: "province",
    unit: "demo-ubnd",
    office: "demo-btcd",
    kind: "province_pc_chair",
    title: "Chủ tịch UBND tỉnh",
    titleEn: "Chair of the Provincial People's Committee",
    holder: "lanhdao.tinh@doithoai.example",
    daysOfMonth: [15],
    weekday: 2,
    place: "Trụ sở Tiếp công dân tỉnh, số 1 đường Mẫu, phường Quy Nhơn (địa chỉ mẫu)",
    delegatedAt: 1,
  },
  {
    key: "pleiku",
    unit: "demo-ubnd-pleiku",
    office: "demo-ubnd-pleiku",
    kind: "commune_pc_chair",
    title: "Chủ tịch UBND phường Pleiku",
    titleEn: "Chair of the Pleiku Ward People's Committee",
    holder: "lanhdao.pleiku@doithoai.example",
    daysOfMonth: [5, 20],
    weekday: 2,
    place: "Phòng tiếp công dân, trụ sở UBND phường Pleiku (địa chỉ mẫu)",
    missedAt: 2,
  },
  {
    key: "quynhon",
    unit: "demo-ubnd-quynhon",
    office: "demo-ubnd-quynhon",
    kind: "commune_pc_chair",
    title: "Chủ tịch UBND phường Quy Nhơn",
    titleEn: "Chair of the Quy Nhon Ward People's Committee",
    holder: "lanhdao.quynhon@doithoai.example",
    daysOfMonth: [8, 22],
    weekday: 3,
    place: "Phòng tiếp công dân, trụ sở UBND phường Quy Nhơn (địa chỉ mẫu)",
  },
  {
    key: "nnmt",
    unit: "demo-snnmt",
    office: "demo-snnmt",
    kind: "agency_head",
    title: "Giám đốc Sở Nông nghiệp và Môi trường",
    titleEn: "Director of the Department of Agriculture and Environment",
    holder: "lanhdao.nnmt@doithoai.example",
    daysOfMonth: [10],
    weekday: 2,
    place: "Phòng họp tầng 2, Sở Nông nghiệp và Môi trường (địa chỉ mẫu)",
  },
];

const MATTERS: { summary: string; category: string; outcome: "answered" | "guided" | "refused"; response: string }[] = [
  {
    summary: "Hỏi về thời gian cấp giấy chứng nhận quyền sử dụng đất sau khi đã nộp đủ hồ sơ (mẫu).",
    category: "land",
    outcome: "answered",
    response: "Đã giải thích quy trình và thời hạn; hồ sơ đang ở bước thẩm định, dự kiến có kết quả trong tháng (mẫu).",
  },
  {
    summary: "Đề nghị sửa chữa đoạn đường đất bị sạt lở trước mùa mưa (mẫu).",
    category: "infrastructure",
    outcome: "answered",
    response: "Lãnh đạo giao phòng chuyên môn kiểm tra hiện trường trong tuần và báo cáo phương án (mẫu).",
  },
  {
    summary: "Tranh chấp ranh giới đất với hộ liền kề, chưa qua hòa giải ở cơ sở (mẫu).",
    category: "land",
    outcome: "guided",
    response: "Hướng dẫn công dân đề nghị tổ hòa giải ở cơ sở hòa giải trước, theo Luật Đất đai (mẫu).",
  },
  {
    summary: "Khiếu nại vụ việc đã được giải quyết lần hai, đã có quyết định có hiệu lực, không có tình tiết mới (mẫu).",
    category: "other",
    outcome: "refused",
    response: "Từ chối tiếp theo Điều 9 Luật Tiếp công dân: vụ việc đã được giải quyết đúng chính sách, pháp luật và đã được kiểm tra, rà soát (mẫu).",
  },
];

/** The instant of an hour, Vietnam time, on a date. */
function atLocalHour(date: string, hour: number): Date {
  return new Date(endOfLocalDay(date).getTime() + 1 - (24 - hour) * 3_600_000);
}

async function referenceDataIn(tx: Tx) {
  const [rules, unitRows, areaRows, categoryRows, policies, calendar] = await Promise.all([
    tx.select().from(routingRules),
    tx.select().from(units),
    tx.select().from(areas),
    tx.select({ id: categories.id, active: categories.active }).from(categories),
    loadPolicies(tx),
    loadCalendar(tx),
  ]);
  return { rules, units: unitRows, areas: areaRows, categories: categoryRows, policies, calendar, loadedAt: Date.now() };
}

export async function seedReception(tx: Tx, ids: Ids, now: Date): Promise<void> {
  const today = toLocalDate(now);
  const calendar = await loadCalendar(tx);
  const rules = await loadDutyRules(tx);
  const user = (email: string) => ids.userId.get(email)!;
  const positionIds = new Map<string, string>();
  // Five months of history and three ahead, from the duty rules. The demo's heads took their seats when its
  // history begins, so the duty pages judge only the months the demo has records for.
  const from = `${addCalendarDays(`${today.slice(0, 7)}-01`, -140).slice(0, 7)}-01`;

  for (const p of POSITIONS) {
    const [row] = await tx
      .insert(receptionPositions)
      .values({
        unitId: ids.unitId.get(p.unit)!,
        officeUnitId: ids.unitId.get(p.office)!,
        kind: p.kind,
        title: p.title,
        titleEn: p.titleEn,
        daysOfMonth: p.daysOfMonth,
        weekday: p.weekday,
        startTime: "07:30",
        endTime: "11:00",
        place: p.place,
      })
      .returning({ id: receptionPositions.id });
    positionIds.set(p.key, row!.id);
    await tx.insert(receptionPositionHolders).values({ positionId: row!.id, userId: user(p.holder), fromDate: from });
  }

  await generateReceptionDays(tx, { calendar, rules, from, to: addCalendarDays(today, 92) });
  // The history's days were announced back then, not when the demo was loaded: about six weeks ahead of each.
  await tx.execute(sql`update ${receptionDayEvents} e set created_at = least(${now.toISOString()}::timestamptz, d.starts_at - interval '42 days')
    from ${receptionDays} d where d.id = e.reception_day_id and e.type = 'generated'`);

  const ref = await referenceDataIn(tx);
  for (const p of POSITIONS) {
    const positionId = positionIds.get(p.key)!;
    const past = await tx
      .select()
      .from(receptionDays)
      .where(and(eq(receptionDays.positionId, positionId), lt(receptionDays.endsAt, now)))
      .orderBy(asc(receptionDays.startsAt));
    const latestFirst = [...past].reverse();
    for (const [back, day] of latestFirst.entries()) {
      if (back === p.missedAt) continue; // never held: the month shows as missed
      const on = toLocalDate(day.startsAt);
      const delegated = back === p.delegatedAt;
      const citizens = 4 + ((back * 5 + p.key.length) % 9);
      await tx
        .update(receptionDays)
        .set({
          status: "held",
          receivedByUserId: delegated ? null : day.headUserId,
          receivedByName: delegated ? "Phó Chủ tịch UBND tỉnh (mẫu), được phân công tiếp thay" : null,
          receivedInPerson: !delegated,
          citizensCount: citizens,
          delegationsCount: back % 3 === 0 ? 1 : 0,
          recordedAt: new Date(day.endsAt.getTime() + 3_600_000),
          recordedBy: day.headUserId,
          version: 3,
          updatedAt: new Date(day.endsAt.getTime() + 3_600_000),
        })
        .where(eq(receptionDays.id, day.id));
      await tx.insert(receptionDayEvents).values([
        { receptionDayId: day.id, type: "confirmed", createdAt: atLocalHour(addCalendarDays(on, -10), 9) },
        { receptionDayId: day.id, type: "held", data: { inPerson: !delegated }, createdAt: new Date(day.endsAt.getTime() + 3_600_000) },
      ]);

      // Two to four matters per reception, each outcome met somewhere.
      const matters = MATTERS.filter((_, i) => (i + back) % 4 !== 3 || back === 0);
      for (const [n, m] of matters.entries()) {
        await tx.insert(receptionMatters).values({
          receptionDayId: day.id,
          number: n + 1,
          summary: m.summary,
          categoryId: ids.categoryId.get(m.category)!,
          outcome: m.outcome,
          response: m.response,
          refusalNoticeDueOn: m.outcome === "refused" ? calendar.addWorkingDays(on, REFUSAL_NOTICE_WORKING_DAYS) : null,
          refusalNotifiedOn: m.outcome === "refused" ? calendar.addWorkingDays(on, 2) : null,
          createdBy: day.headUserId,
          createdAt: new Date(day.endsAt.getTime() + 3_600_000),
        });
      }
      // The two latest receptions of the province and of Pleiku also registered a matter as a case.
      if ((p.key === "province" || p.key === "pleiku") && back <= 1) {
        const area = p.key === "pleiku" ? "pleiku" : "quynhon";
        const values = submitCaseSchema.parse({
          kind: "petition",
          categoryId: ids.categoryId.get(p.key === "pleiku" ? "environment" : "social_policy")!,
          areaId: ids.areaId.get(area)!,
          title: p.key === "pleiku" ? "Kiến nghị tại buổi tiếp công dân: xử lý mùi hôi từ cơ sở chăn nuôi (mẫu)" : "Kiến nghị tại buổi tiếp công dân: chậm chi trả trợ cấp cho người có công (mẫu)",
          body:
            p.key === "pleiku"
              ? "Tại buổi tiếp công dân, người dân tổ dân phố phản ánh mùi hôi kéo dài từ một cơ sở chăn nuôi gần khu dân cư và đề nghị kiểm tra, xử lý (dữ liệu mẫu)."
              : "Tại buổi tiếp công dân, công dân kiến nghị việc chi trả trợ cấp hằng tháng cho người có công bị chậm hai tháng và đề nghị làm rõ nguyên nhân (dữ liệu mẫu).",
          name: "Công dân tại buổi tiếp (mẫu)",
          phone: "0905000111",
          channel: "reception",
          idempotencyKey: `demo-reception-case-${p.key}-${back}`,
        });
        const receipt = await insertCaseInTransaction(tx, ref, { userId: user(p.key === "pleiku" ? "tiepnhan.pleiku@doithoai.example" : "tiepnhan.tinh@doithoai.example") }, values, `demo-reception-case:${day.id}`, [], new Date(day.startsAt.getTime() + 2 * 3_600_000));
        // The staff notices of a case registered weeks ago went out back then: the demo sends no mail now.
        const events = await tx.select({ id: caseEvents.id }).from(caseEvents).where(eq(caseEvents.caseId, receipt.caseId));
        await tx.delete(emailOutbox).where(or(...events.map((e) => like(emailOutbox.dedupeKey, `event:${e.id}:%`))));
        await tx.insert(receptionMatters).values({
          receptionDayId: day.id,
          number: matters.length + 1,
          summary: values.title,
          categoryId: values.categoryId,
          outcome: "case",
          caseId: receipt.caseId,
          answerDueOn: addPeriod(calendar, on, RECEPTION_ANSWER_POLICY.period),
          createdBy: day.headUserId,
        });
      }

      // The province chair's latest reception published its conclusion notice; its items are tracked.
      if (p.key === "province" && back === 0) {
        const publishedAt = new Date(day.endsAt.getTime() + 2 * 86_400_000);
        await tx
          .update(receptionDays)
          .set({
            conclusion:
              "Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi tiếp công dân định kỳ (mẫu): giao Sở Nông nghiệp và Môi trường kiểm tra, trả lời các kiến nghị về đất đai; giao UBND phường Pleiku xử lý dứt điểm phản ánh về môi trường; báo cáo kết quả về Ban Tiếp công dân tỉnh.",
            conclusionPublishedAt: publishedAt,
          })
          .where(eq(receptionDays.id, day.id));
        await tx.insert(receptionDayEvents).values({ receptionDayId: day.id, type: "conclusion_published", createdAt: publishedAt });
        const items = [
          { owner: "demo-snnmt", body: "Kiểm tra, trả lời bằng văn bản các kiến nghị về cấp giấy chứng nhận quyền sử dụng đất nêu tại buổi tiếp (mẫu).", due: 20 },
          { owner: "demo-ubnd-pleiku", body: "Kiểm tra, xử lý dứt điểm mùi hôi từ cơ sở chăn nuôi gần khu dân cư và thông báo cho người dân (mẫu).", due: 10 },
        ];
        for (const item of items) {
          const [c] = await tx
            .insert(commitments)
            .values({
              receptionDayId: day.id,
              leaderUserId: day.headUserId!,
              ownerUnitId: ids.unitId.get(item.owner)!,
              body: item.body,
              dueOn: calendar.addWorkingDays(on, item.due),
              createdBy: day.headUserId,
              createdAt: publishedAt,
              updatedAt: publishedAt,
            })
            .returning({ id: commitments.id });
          await tx.insert(commitmentUpdates).values({ commitmentId: c!.id, kind: "created", body: item.body, actorUserId: day.headUserId, createdAt: publishedAt });
        }
      }
    }

    // The next reception of each seat is confirmed; the department's goes online, announced in time.
    const [next] = await tx
      .select()
      .from(receptionDays)
      .where(and(eq(receptionDays.positionId, positionId), eq(receptionDays.status, "planned")))
      .orderBy(asc(receptionDays.startsAt))
      .limit(1);
    if (!next || next.startsAt < now) continue;
    const online = p.key === "nnmt" && calendar.workingDaysBetween(today, toLocalDate(next.startsAt)) >= 5;
    await tx
      .update(receptionDays)
      .set({
        status: "confirmed",
        plannedContent: p.key === "province" ? "Tiếp công dân định kỳ; ưu tiên các vụ việc về đất đai, bồi thường giải phóng mặt bằng (mẫu)." : "Tiếp công dân định kỳ (mẫu).",
        mode: online ? "online" : "in_person",
        onlineUrl: online ? "https://hop-truc-tuyen.example.gov.vn/tiep-cong-dan-snnmt" : null,
        version: 2,
      })
      .where(eq(receptionDays.id, next.id));
    await tx.insert(receptionDayEvents).values({ receptionDayId: next.id, type: "confirmed" });
    if (online) await tx.insert(receptionDayEvents).values({ receptionDayId: next.id, type: "mode_online", data: { onlineUrl: "https://hop-truc-tuyen.example.gov.vn/tiep-cong-dan-snnmt" } });

    // Pleiku's reception after that was moved a working day later, with the public reason.
    if (p.key === "pleiku") {
      const [later] = await tx
        .select()
        .from(receptionDays)
        .where(and(eq(receptionDays.positionId, positionId), eq(receptionDays.status, "planned")))
        .orderBy(asc(receptionDays.startsAt))
        .limit(1);
      if (later) {
        const to = calendar.nextWorkingDay(toLocalDate(later.startsAt));
        const startsAt = atLocalHour(to, 7.5);
        const endsAt = atLocalHour(to, 11);
        const reason = "Trùng lịch kỳ họp chuyên đề của HĐND phường; lịch tiếp chuyển sang ngày làm việc kế tiếp (mẫu).";
        await tx.update(receptionDays).set({ startsAt, endsAt, statusReason: reason, version: 2 }).where(eq(receptionDays.id, later.id));
        await tx.insert(receptionDayEvents).values({
          receptionDayId: later.id,
          type: "moved",
          reason,
          data: { oldStartsAt: later.startsAt.toISOString(), oldEndsAt: later.endsAt.toISOString(), oldPlace: later.place, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), place: later.place },
        });
      }
    }

    // Citizens booked for the province's next joint reception (sealed, as a real booking is).
    if (p.key === "province") {
      const bookers = [
        { name: "Nguyễn Văn An (mẫu)", email: "congdan@doithoai.example", summary: "Đề nghị xem xét lại mức bồi thường khi thu hồi đất làm đường (mẫu)." },
        { name: "Trần Thị Bình (mẫu)", phone: "0914000222", summary: "Chậm cấp giấy chứng nhận quyền sử dụng đất đã nộp hồ sơ hơn sáu tháng (mẫu)." },
      ];
      for (const [i, b] of bookers.entries()) {
        const contact = b.email ?? b.phone!;
        const fingerprint = `demo-booking:${next.id}:${i}`;
        await tx.insert(receptionBookings).values({
          receptionDayId: next.id,
          codeHash: bookingCodeHash(deriveBookingCode(fingerprint))!,
          ...sealBooking({ name: b.name, email: b.email, phone: b.phone, summary: b.summary }),
          contactHash: bookingContactHash(contact),
          contactIsEmail: !!b.email,
          idempotencyKey: fingerprint,
        });
      }
      await tx.update(receptionDays).set({ booked: bookers.length }).where(eq(receptionDays.id, next.id));
    }
  }
}
