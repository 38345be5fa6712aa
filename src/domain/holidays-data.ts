// Default holiday table for the demo seed (DOMAIN.md section 4). Admins keep the real table: the
// Prime Minister fixes Tết and swapped days each year, so 2027 entries are provisional.
import type { CalendarDay } from "./calendar";

const TET_2027_NOTE = "dự kiến, chờ Quyết định của Thủ tướng Chính phủ";

export const DEFAULT_HOLIDAYS: CalendarDay[] = [
  // ---- 2026 ----
  { date: "2026-01-01", kind: "holiday", name: "Tết Dương lịch" },
  // Tết Bính Ngọ (mùng 1 = 17/2): off 14-22/2; the 5 statutory days are Mon-Fri 16-20/2.
  { date: "2026-02-14", kind: "day_off_in_lieu", name: "Nghỉ Tết Nguyên đán (trùng ngày nghỉ hằng tuần)" },
  { date: "2026-02-15", kind: "day_off_in_lieu", name: "Nghỉ Tết Nguyên đán (trùng ngày nghỉ hằng tuần)" },
  { date: "2026-02-16", kind: "holiday", name: "Tết Nguyên đán (29 tháng Chạp)" },
  { date: "2026-02-17", kind: "holiday", name: "Tết Nguyên đán (mùng 1)" },
  { date: "2026-02-18", kind: "holiday", name: "Tết Nguyên đán (mùng 2)" },
  { date: "2026-02-19", kind: "holiday", name: "Tết Nguyên đán (mùng 3)" },
  { date: "2026-02-20", kind: "holiday", name: "Tết Nguyên đán (mùng 4)" },
  { date: "2026-02-21", kind: "day_off_in_lieu", name: "Nghỉ Tết Nguyên đán (trùng ngày nghỉ hằng tuần)" },
  { date: "2026-02-22", kind: "day_off_in_lieu", name: "Nghỉ Tết Nguyên đán (trùng ngày nghỉ hằng tuần)" },
  // 10/3 âm lịch falls on Sunday 26/4: Monday off in lieu.
  { date: "2026-04-26", kind: "holiday", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" },
  { date: "2026-04-27", kind: "day_off_in_lieu", name: "Nghỉ bù Giỗ Tổ Hùng Vương" },
  { date: "2026-04-30", kind: "holiday", name: "Ngày Chiến thắng (30/4)" },
  { date: "2026-05-01", kind: "holiday", name: "Ngày Quốc tế Lao động (1/5)" },
  { date: "2026-09-01", kind: "holiday", name: "Quốc khánh (ngày liền kề)" },
  { date: "2026-09-02", kind: "holiday", name: "Quốc khánh (2/9)" },

  // ---- 2027 ----
  { date: "2027-01-01", kind: "holiday", name: "Tết Dương lịch" },
  // Tết Đinh Mùi (mùng 1 = Saturday 6/2): statutory 5-9/2; the two weekend days are made up on
  // 10-11/2, and Friday 12/2 is swapped with Saturday 20/2 to make one continuous break 5-14/2.
  { date: "2027-02-05", kind: "holiday", name: `Tết Nguyên đán (30 tháng Chạp) — ${TET_2027_NOTE}` },
  { date: "2027-02-06", kind: "holiday", name: `Tết Nguyên đán (mùng 1) — ${TET_2027_NOTE}` },
  { date: "2027-02-07", kind: "holiday", name: `Tết Nguyên đán (mùng 2) — ${TET_2027_NOTE}` },
  { date: "2027-02-08", kind: "holiday", name: `Tết Nguyên đán (mùng 3) — ${TET_2027_NOTE}` },
  { date: "2027-02-09", kind: "holiday", name: `Tết Nguyên đán (mùng 4) — ${TET_2027_NOTE}` },
  { date: "2027-02-10", kind: "day_off_in_lieu", name: `Nghỉ bù Tết Nguyên đán (mùng 1) — ${TET_2027_NOTE}` },
  { date: "2027-02-11", kind: "day_off_in_lieu", name: `Nghỉ bù Tết Nguyên đán (mùng 2) — ${TET_2027_NOTE}` },
  { date: "2027-02-12", kind: "day_off_in_lieu", name: `Nghỉ Tết Nguyên đán, hoán đổi ngày làm việc — ${TET_2027_NOTE}` },
  { date: "2027-02-13", kind: "day_off_in_lieu", name: `Nghỉ Tết Nguyên đán (trùng ngày nghỉ hằng tuần) — ${TET_2027_NOTE}` },
  { date: "2027-02-14", kind: "day_off_in_lieu", name: `Nghỉ Tết Nguyên đán (trùng ngày nghỉ hằng tuần) — ${TET_2027_NOTE}` },
  { date: "2027-02-20", kind: "makeup_workday", name: `Làm bù cho ngày 12/2/2027 — ${TET_2027_NOTE}` },
  { date: "2027-04-16", kind: "holiday", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" },
  { date: "2027-04-30", kind: "holiday", name: "Ngày Chiến thắng (30/4)" },
  // 1/5 falls on Saturday: Monday off in lieu.
  { date: "2027-05-01", kind: "holiday", name: "Ngày Quốc tế Lao động (1/5)" },
  { date: "2027-05-03", kind: "day_off_in_lieu", name: "Nghỉ bù Ngày Quốc tế Lao động" },
  { date: "2027-09-02", kind: "holiday", name: "Quốc khánh (2/9)" },
  { date: "2027-09-03", kind: "holiday", name: "Quốc khánh (ngày liền kề)" },
];
