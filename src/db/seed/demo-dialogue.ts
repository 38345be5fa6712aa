import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  cases,
  commitments,
  commitmentUpdates,
  dialogueAgendaItems,
  dialogueModerationLog,
  dialogueQuestions,
  dialogueSessionEvents,
  dialogueSessionLeaders,
  dialogueSessions,
  dialogueSupports,
} from "@/db/schema";
import { addCalendarDays, endOfLocalDay, toLocalDate } from "@/domain/calendar";
import type { DeclineReason, QuestionStatus, SessionKind, SessionStatus } from "@/domain/dialogue/vocabulary";
import { foldText } from "@/domain/dialogue/text-match";

// The demo sample's dialogue sessions (clearly demo: every description says so; the officials are the demo
// accounts, whose names end in "(mẫu)"). One session of each kind a newcomer should see: one taking questions,
// one announced whose agenda carries earlier commitments, one postponed, one held with minutes, answers and
// commitments (kept, open, overdue), and a commune's yearly dialogue conference held this year.

type Ids = { areaId: Map<string, string>; unitId: Map<string, string>; userId: Map<string, string> };

const DEMO_NOTE = "Dữ liệu mẫu để giới thiệu nền tảng.";

function atLocalHour(date: string, hour: number): Date {
  return new Date(endOfLocalDay(date).getTime() + 1 - (24 - hour) * 3_600_000);
}

type DemoQuestion = {
  body: string;
  status: QuestionStatus;
  supports: number;
  priority?: number;
  declineReason?: DeclineReason;
  mergedInto?: number;
  answer?: string;
};

type DemoSession = {
  key: string;
  kind?: SessionKind;
  title: string;
  topic: string;
  description: string;
  unit: string;
  area: string;
  leaders: { email: string; position: string; positionEn: string }[];
  location: string;
  livestreamUrl?: string;
  day: number;
  hours: [number, number];
  status: SessionStatus;
  questionsInAdvance?: boolean;
  closeDay?: number;
  statusReason?: string;
  attendance?: number;
  minutes?: string;
  questions?: DemoQuestion[];
};

const PROVINCE_CHAIR = { email: "lanhdao.tinh@doithoai.example", position: "Chủ tịch UBND tỉnh", positionEn: "Chair of the Provincial People's Committee" };
const PLEIKU_CHAIR = { email: "lanhdao.pleiku@doithoai.example", position: "Chủ tịch UBND phường Pleiku", positionEn: "Chair of the Pleiku Ward People's Committee" };
const NNMT_DIRECTOR = { email: "lanhdao.nnmt@doithoai.example", position: "Giám đốc Sở Nông nghiệp và Môi trường", positionEn: "Director of the Department of Agriculture and Environment" };
const QUYNHON_CHAIR = { email: "lanhdao.quynhon@doithoai.example", position: "Chủ tịch UBND phường Quy Nhơn", positionEn: "Chair of the Quy Nhon Ward People's Committee" };

function sessions(today: string): DemoSession[] {
  const thisMonth10 = `${today.slice(0, 8)}10`;
  const conferenceDay = thisMonth10 < today ? Math.round((Date.parse(thisMonth10) - Date.parse(today)) / 86_400_000) : -1;
  return [
    {
      key: "coast-road",
      title: "Đối thoại với người dân về bồi thường, hỗ trợ tái định cư dự án đường ven biển",
      topic: "Bồi thường, giải phóng mặt bằng",
      description: `Chủ tịch UBND tỉnh đối thoại trực tiếp với các hộ dân bị ảnh hưởng bởi dự án. ${DEMO_NOTE}`,
      unit: "demo-ubnd",
      area: "quynhonnam",
      leaders: [PROVINCE_CHAIR, NNMT_DIRECTOR],
      location: "Hội trường UBND phường Quy Nhơn Nam, 125 Nguyễn Thái Học",
      livestreamUrl: "https://www.youtube.com/@demo-doithoai-gialai",
      day: 12,
      hours: [8, 11],
      status: "open",
      questionsInAdvance: true,
      closeDay: 11,
      questions: [
        { body: "Khi nào dự án chi trả tiền bồi thường đợt 2 cho các hộ ở tổ 3, khu phố 6?", status: "approved", supports: 14 },
        { body: "Giá đất tính bồi thường có được cập nhật theo bảng giá đất mới năm 2026 không?", status: "approved", supports: 9 },
        { body: "Khu tái định cư có trường mầm non và trạm y tế không, bao giờ xây xong?", status: "approved", supports: 3, priority: 1 },
        { body: "Gia đình tôi làm nghề đánh bắt gần bờ, khi chuyển đến khu tái định cư có được hỗ trợ chuyển đổi nghề không?", status: "pending", supports: 0 },
        { body: "Bao giờ trả tiền đền bù đợt hai cho tổ 3 khu phố 6 ạ?", status: "merged", supports: 2, mergedInto: 1 },
        { body: "(nội dung xúc phạm đã được ẩn)", status: "declined", supports: 0, declineReason: "abusive" },
        { body: "Đề nghị lắp thêm đèn đường ở thôn 2 xã Ia Grai.", status: "declined", supports: 1, declineReason: "off_topic" },
      ],
    },
    {
      key: "pleiku-next",
      title: "Đối thoại về chỉnh trang đô thị và thoát nước mùa mưa",
      topic: "Hạ tầng đô thị",
      description: `Chủ tịch UBND phường trả lời các kiến nghị về thoát nước, chiếu sáng và các cam kết của buổi đối thoại trước. ${DEMO_NOTE}`,
      unit: "demo-ubnd-pleiku",
      area: "pleiku",
      leaders: [PLEIKU_CHAIR],
      location: "Nhà văn hóa tổ dân phố 5, phường Pleiku",
      day: 5,
      hours: [14, 16],
      status: "announced",
    },
    {
      key: "land-titles",
      title: "Đối thoại về cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình",
      topic: "Đất đai",
      description: `Giám đốc Sở Nông nghiệp và Môi trường đối thoại về thủ tục cấp giấy chứng nhận. ${DEMO_NOTE}`,
      unit: "demo-snnmt",
      area: "annhon",
      leaders: [NNMT_DIRECTOR],
      location: "Hội trường UBND phường An Nhơn",
      day: 3,
      hours: [8, 10],
      status: "postponed",
      statusReason: "Trùng lịch kỳ họp chuyên đề của HĐND tỉnh. Thời gian mới sẽ được thông báo trên trang này.",
    },
    {
      key: "pleiku-past",
      title: "Đối thoại về trật tự đô thị và chợ tạm",
      topic: "Trật tự đô thị",
      description: `Người dân tổ dân phố 5 trao đổi với Chủ tịch UBND phường về chợ tạm và vỉa hè. ${DEMO_NOTE}`,
      unit: "demo-ubnd-pleiku",
      area: "pleiku",
      leaders: [PLEIKU_CHAIR],
      location: "Nhà văn hóa tổ dân phố 5, phường Pleiku",
      day: -40,
      hours: [14, 17],
      status: "minutes_published",
      attendance: 120,
      minutes:
        "Người dân phản ánh chợ tạm lấn chiếm lòng đường Hùng Vương, hẻm 12 thiếu đèn chiếu sáng và mương thoát nước tổ 5 bị bồi lấp gây ngập khi mưa lớn. Chủ tịch UBND phường đã trả lời trực tiếp và giao các bộ phận thực hiện ba nội dung có thời hạn (xem các cam kết).",
      questions: [
        {
          body: "Chợ tạm trên đường Hùng Vương lấn hết lòng đường, bao giờ phường sắp xếp lại?",
          status: "answered",
          supports: 31,
          answer: "Phường sẽ bố trí lại khu vực buôn bán vào bãi đất trống cạnh nhà văn hóa, trả lại lòng đường trong 30 ngày.",
        },
        {
          body: "Hẻm 12 không có đèn, buổi tối học sinh đi học về rất nguy hiểm.",
          status: "answered",
          supports: 18,
          answer: "Phường đã đưa hẻm 12 vào kế hoạch chiếu sáng; sẽ lắp đèn trong quý này.",
        },
        {
          body: "Mương thoát nước tổ 5 bị bồi lấp, mưa lớn là nước tràn vào nhà dân.",
          status: "answered",
          supports: 12,
          answer: "Giao bộ phận quản lý đô thị nạo vét mương trước mùa mưa.",
        },
        { body: "Xin hỏi thủ tục đăng ký hộ kinh doanh ở chợ mới có mất phí không?", status: "approved", supports: 4 },
      ],
    },
    {
      key: "quynhon-conference",
      kind: "conference",
      title: "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền phường Quy Nhơn với Nhân dân năm nay",
      topic: "Thực hiện dân chủ ở cơ sở",
      description: `Hội nghị đối thoại hằng năm do UBND phường phối hợp với Ủy ban MTTQ phường tổ chức (Luật Thực hiện dân chủ ở cơ sở, Điều 32). ${DEMO_NOTE}`,
      unit: "demo-ubnd-quynhon",
      area: "quynhon",
      leaders: [QUYNHON_CHAIR],
      location: "Hội trường UBND phường Quy Nhơn",
      day: conferenceDay,
      hours: [8, 11],
      status: "minutes_published",
      attendance: 86,
      minutes: "Hội nghị ghi nhận 9 ý kiến về an ninh trật tự, vệ sinh môi trường và thủ tục hành chính; các ý kiến đã được trả lời tại hội nghị.",
    },
  ];
}

export async function seedDialogue(tx: Tx, ids: Ids, now: Date): Promise<void> {
  const today = toLocalDate(now);
  const at = (offset: number, hour: number) => atLocalHour(addCalendarDays(today, offset), hour);
  const user = (email: string) => ids.userId.get(email)!;
  const made = new Map<string, { id: string; questionIds: string[] }>();

  for (const s of sessions(today)) {
    const held = s.status === "minutes_published" || s.status === "ended";
    const [row] = await tx
      .insert(dialogueSessions)
      .values({
        kind: s.kind ?? "dialogue",
        title: s.title,
        topic: s.topic,
        description: s.description,
        unitId: ids.unitId.get(s.unit)!,
        areaId: ids.areaId.get(s.area)!,
        location: s.location,
        livestreamUrl: s.livestreamUrl,
        startsAt: at(s.day, s.hours[0]),
        endsAt: at(s.day, s.hours[1]),
        status: s.status,
        questionsInAdvance: s.questionsInAdvance ?? false,
        questionsCloseAt: s.closeDay === undefined ? null : at(s.closeDay, 17),
        statusReason: s.statusReason,
        startedAt: held ? at(s.day, s.hours[0]) : null,
        endedAt: held ? at(s.day, s.hours[1]) : null,
        attendance: s.attendance,
        minutes: s.minutes,
        minutesPublishedAt: s.status === "minutes_published" ? at(s.day + 2, 9) : null,
        createdAt: at(Math.min(s.day, 0) - 14, 9),
      })
      .returning({ id: dialogueSessions.id });
    const sessionId = row!.id;
    await tx.insert(dialogueSessionLeaders).values(s.leaders.map((l, sort) => ({ sessionId, userId: user(l.email), position: l.position, positionEn: l.positionEn, sort })));
    const history: (typeof dialogueSessionEvents.$inferInsert)[] = [
      { sessionId, type: "announced", toStatus: s.questionsInAdvance ? "open" : "announced", createdAt: at(Math.min(s.day, 0) - 14, 9) },
    ];
    if (s.status === "postponed") history.push({ sessionId, type: "postponed", fromStatus: "announced", toStatus: "postponed", reason: s.statusReason, createdAt: at(-1, 16) });
    if (held) {
      history.push({ sessionId, type: "started", fromStatus: "announced", toStatus: "live", createdAt: at(s.day, s.hours[0]) });
      history.push({ sessionId, type: "ended", fromStatus: "live", toStatus: "ended", createdAt: at(s.day, s.hours[1]) });
    }
    if (s.status === "minutes_published") history.push({ sessionId, type: "minutes_published", fromStatus: "ended", toStatus: "minutes_published", createdAt: at(s.day + 2, 9) });
    await tx.insert(dialogueSessionEvents).values(history);

    const questionIds: string[] = [];
    for (const [i, q] of (s.questions ?? []).entries()) {
      const askedAt = held ? at(s.day - 3 + (i % 3), 10) : at(-2 + (i % 2), 8 + i);
      const [question] = await tx
        .insert(dialogueQuestions)
        .values({
          sessionId,
          number: i + 1,
          body: q.body,
          searchText: foldText(q.body),
          status: q.status,
          declineReason: q.declineReason,
          mergedIntoId: q.mergedInto ? questionIds[q.mergedInto - 1] : null,
          priority: q.priority ?? 0,
          supportCount: q.supports,
          answer: q.answer,
          answeredByUserId: q.answer ? user(s.leaders[0]!.email) : null,
          answeredAt: q.answer ? at(s.day, s.hours[0] + 1) : null,
          createdAt: askedAt,
          updatedAt: askedAt,
        })
        .returning({ id: dialogueQuestions.id });
      questionIds.push(question!.id);
      if (q.supports > 0) {
        await tx.insert(dialogueSupports).values(
          Array.from({ length: q.supports }, (_, n) => ({ questionId: question!.id, sessionId, supporterKey: `browser:demo-${s.key}-${n}`, createdAt: askedAt })),
        );
      }
      const logged = q.status === "pending" ? null : q.status === "merged" ? "merge" : q.status === "declined" ? "decline" : q.status === "answered" ? "answer" : "approve";
      if (logged) {
        await tx.insert(dialogueModerationLog).values({
          sessionId,
          questionId: question!.id,
          action: logged,
          reason: q.declineReason,
          data: q.mergedInto ? { mergedIntoNumber: q.mergedInto } : null,
          createdAt: new Date(askedAt.getTime() + 3_600_000),
        });
      }
    }
    // The merged question's supporters carried over: its two supporters count on the question it joined.
    made.set(s.key, { id: sessionId, questionIds });
  }

  // The coast road session takes up an open case of its area on the agenda.
  const coast = made.get("coast-road")!;
  const [openCase] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.areaId, ids.areaId.get("quynhonnam")!), inArray(cases.status, ["received", "accepted", "info_requested"])))
    .orderBy(cases.receivedAt)
    .limit(1);
  if (openCase) await tx.insert(dialogueAgendaItems).values({ sessionId: coast.id, caseId: openCase.id, addedBy: user("lanhdao.tinh@doithoai.example"), createdAt: at(-1, 9) });

  // The past Pleiku session's promises: one kept, one open, one overdue; the open ones are on the next
  // Pleiku session's agenda, as scheduling puts them there.
  const past = made.get("pleiku-past")!;
  const next = made.get("pleiku-next")!;
  const pleikuUnit = ids.unitId.get("demo-ubnd-pleiku")!;
  const leader = user(PLEIKU_CHAIR.email);
  const promised = at(-40, 16);
  const plan = [
    { body: "Bố trí lại chợ tạm vào bãi đất cạnh nhà văn hóa tổ 5, trả lại lòng đường Hùng Vương.", due: -10, question: 0, status: "kept" as const },
    { body: "Lắp đặt đèn chiếu sáng hẻm 12.", due: 20, question: 1, status: "open" as const },
    { body: "Nạo vét mương thoát nước tổ 5 trước mùa mưa.", due: -5, question: 2, status: "open" as const },
  ];
  for (const c of plan) {
    const [row] = await tx
      .insert(commitments)
      .values({
        sessionId: past.id,
        questionId: past.questionIds[c.question],
        leaderUserId: leader,
        ownerUnitId: pleikuUnit,
        body: c.body,
        dueOn: addCalendarDays(today, c.due),
        status: c.status,
        closedAt: c.status === "kept" ? at(-12, 15) : null,
        createdBy: user("tiepnhan.pleiku@doithoai.example"),
        createdAt: promised,
        updatedAt: c.status === "kept" ? at(-12, 15) : at(-20, 10),
      })
      .returning({ id: commitments.id });
    const updates: (typeof commitmentUpdates.$inferInsert)[] = [
      { commitmentId: row!.id, kind: "created", body: c.body, actorUserId: user("tiepnhan.pleiku@doithoai.example"), createdAt: promised },
    ];
    if (c.status === "kept") {
      updates.push({ commitmentId: row!.id, kind: "progress", body: "Đã thông báo cho các hộ kinh doanh và san lấp mặt bằng bãi đất.", actorUserId: user("xuly.pleiku@doithoai.example"), createdAt: at(-25, 10) });
      updates.push({ commitmentId: row!.id, kind: "kept", body: "Các hộ kinh doanh đã chuyển vào khu vực mới từ ngày 1; lòng đường Hùng Vương đã thông thoáng (biên bản kiểm tra của phường).", actorUserId: leader, createdAt: at(-12, 15) });
    } else {
      updates.push({ commitmentId: row!.id, kind: "progress", body: c.due > 0 ? "Đã khảo sát, lập dự toán; đang chờ bố trí kinh phí." : "Đã nạo vét được 200 m trên 450 m.", actorUserId: user("xuly.pleiku@doithoai.example"), createdAt: at(-20, 10) });
      await tx.insert(dialogueAgendaItems).values({ sessionId: next.id, commitmentId: row!.id, createdAt: at(-14, 9) });
    }
    await tx.insert(commitmentUpdates).values(updates);
  }
}
