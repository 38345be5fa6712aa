import "server-only";
import type { Locale } from "@/i18n/config";
import { preferencesUrl } from "@/server/email/preference-token";
import { CITIZEN_UPDATES, citizenUpdateEmail } from "./citizen-case-update";
import { commitmentReminderEmail } from "./commitment-reminder";
import { dailyDigestEmail, type DigestRow } from "./daily-digest";
import { infoReminderEmail } from "./info-reminder";
import { appUrl } from "./links";
import { receiptEmail } from "./receipt";
import { receptionBookingEmail } from "./reception-booking";
import { receptionReminderEmail } from "./reception-reminder";
import type { RenderedEmail } from "./render";
import { signInEmail } from "./sign-in";
import { STAFF_NOTICES, staffNoticeEmail } from "./staff-case-notice";

// Sample data for the developer preview (/hop-thu/mau) and the template tests: every template, every variant.
const unit = { name: "UBND phường Quy Nhơn (mẫu)", nameEn: "Quy Nhon Ward People's Committee (sample)" };
const upper = { name: "UBND tỉnh Gia Lai (mẫu)", nameEn: "Gia Lai Provincial People's Committee (sample)" };
const other = { name: "Sở Tài nguyên và Môi trường (mẫu)", nameEn: "Department of Natural Resources and Environment (sample)" };
const code = "ABCD-EFGH-JKM";
const title = "Đèn đường hỏng trên đường Nguyễn Huệ";
const rows: DigestRow[] = [
  { code: "QWER-TYUP-ASD", kind: "complaint", title: "Khiếu nại quyết định thu hồi đất", unit, dueOn: "2027-02-03" },
  { code: "ZXCV-BNMQ-WER", kind: "denunciation", title: "(không hiển thị)", unit, dueOn: "2027-02-04" },
];

const receiptSample = { code, kind: "report", unitName: unit.name, unitNameEn: unit.nameEn, acceptanceDueOn: "2027-02-18" };

const bookedDay = {
  dayId: "00000000-0000-4000-8000-000000000002",
  title: "Chủ tịch UBND tỉnh Gia Lai (mẫu)",
  titleEn: "Chair of the Gia Lai Provincial People's Committee (sample)",
  startsAt: "2027-01-15T00:30:00.000Z",
  place: "Trụ sở Ban Tiếp công dân tỉnh, 1 Trần Hưng Đạo (mẫu)",
  mode: "in_person" as const,
  onlineUrl: null,
};

export type EmailPreview = { name: string; render: (locale: Locale) => Promise<RenderedEmail> };

const commitment = {
  commitmentId: "00000000-0000-4000-8000-000000000001",
  recipientName: "Nguyễn Văn An",
  body: "Nạo vét mương thoát nước tổ 5 trước mùa mưa.",
  leaderName: "Chủ tịch UBND phường Quy Nhơn (mẫu)",
  sessionTitle: "Đối thoại về chỉnh trang đô thị và thoát nước mùa mưa",
  unit,
  dueOn: "2027-03-15",
};

export const EMAIL_PREVIEWS: EmailPreview[] = [
  { name: "sign-in", render: (l) => signInEmail(l, appUrl(""), appUrl("/api/auth/callback/resend?token=sample")) },
  // The same message once its link is used or expired: the outbox no longer keeps the link.
  { name: "sign-in-used", render: (l) => signInEmail(l, appUrl(""), null) },
  {
    name: "case-receipt",
    render: (l) => receiptEmail(l, receiptSample, appUrl(""), "ABCD-EFGH-JKMN-PQRS-TUVW"),
  },
  // Once delivered, the outbox no longer keeps the key: the receipt says where it was shown.
  { name: "case-receipt-key-not-kept", render: (l) => receiptEmail(l, receiptSample, appUrl(""), null) },
  { name: "reception-booking", render: (l) => receptionBookingEmail(l, bookedDay, "ABCDE-FGH12") },
  // Once delivered, the outbox no longer keeps the booking code.
  { name: "reception-booking-code-not-kept", render: (l) => receptionBookingEmail(l, bookedDay, null) },
  { name: "reception-reminder", render: (l) => receptionReminderEmail(l, { ...bookedDay, mode: "online", onlineUrl: "https://meet.example.vn/tiep-dan" }) },
  ...CITIZEN_UPDATES.map((update) => ({
    name: `case-${update.replace("_", "-")}`,
    render: (l: Locale) =>
      citizenUpdateEmail(l, {
        update,
        code,
        kind: "report",
        unit: update === "transferred" ? other : unit,
        fromUnit: unit,
        reason: update === "info_requested" ? "Ảnh chụp vị trí đèn hỏng và số cột đèn." : update === "answered" || update === "accepted" ? null : "Nội dung thuộc thẩm quyền của cơ quan khác.",
        redirect: update === "not_accepted" ? "Tòa án nhân dân khu vực 1 - Gia Lai" : null,
        dueOn: "2027-03-15",
        days: update === "extended" ? 15 : null,
      }),
  })),
  {
    name: "case-info-reminder",
    render: (l) => infoReminderEmail(l, { code, unit, requestedOn: "2027-01-28", reason: "Ảnh chụp vị trí đèn hỏng.", preferencesUrl: preferencesUrl("nguoidan@example.com", "reminder") }),
  },
  ...STAFF_NOTICES.map((notice) => ({
    name: `staff-${notice.replaceAll("_", "-")}`,
    render: (l: Locale) =>
      staffNoticeEmail(l, {
        notice,
        recipientName: "Nguyễn Văn An",
        code,
        kind: "report",
        title,
        unit,
        dueOn: "2027-02-18",
        fromUnit: notice === "transferred_in" ? other : unit,
        toUnit: notice === "escalated" ? upper : null,
        reason: notice === "draft_returned" ? "Bổ sung căn cứ pháp lý." : notice === "flagged" ? "Người dân phản ánh nhiều lần." : null,
        days: notice === "overdue" ? 1 : notice === "escalated" ? 5 : null,
      }),
  })),
  { name: "staff-commitment-reminder-before", render: (l) => commitmentReminderEmail(l, { ...commitment, reminder: { kind: "before", workingDaysLeft: 3 } }) },
  { name: "staff-commitment-reminder-after", render: (l) => commitmentReminderEmail(l, { ...commitment, reminder: { kind: "after", round: 1, workingDaysLate: 1 } }) },
  { name: "staff-commitment-reminder-again", render: (l) => commitmentReminderEmail(l, { ...commitment, reminder: { kind: "after", round: 2, workingDaysLate: 6 } }) },
  // A case still overdue after earlier escalations: its third report.
  {
    name: "staff-escalated-again",
    render: (l) =>
      staffNoticeEmail(l, { notice: "escalated", recipientName: "Nguyễn Văn An", code, kind: "report", title, unit, dueOn: "2027-02-18", fromUnit: unit, toUnit: upper, days: 15, round: 3 }),
  },
  {
    name: "staff-digest",
    render: (l) =>
      dailyDigestEmail(l, {
        recipientName: "Trần Thị Bình",
        date: "2027-02-15",
        overdue: rows.slice(0, 1),
        dueSoon: rows,
        soonWorkingDays: 3,
        preferencesUrl: preferencesUrl("canbo@example.com", "digest"),
      }),
  },
  // The first digest after working days the worker missed: it stands for theirs.
  {
    name: "staff-digest-catch-up",
    render: (l) =>
      dailyDigestEmail(l, {
        recipientName: "Trần Thị Bình",
        date: "2027-02-18",
        overdue: rows,
        dueSoon: [],
        soonWorkingDays: 3,
        missed: { from: "2027-02-15", to: "2027-02-17", count: 3 },
        preferencesUrl: preferencesUrl("canbo@example.com", "digest"),
      }),
  },
];
