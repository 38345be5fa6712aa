// The participation figures (dialogue sessions, commitments, reception duty) on the demo data, at a fixed instant.
// Every expected number below is worked out by hand from the seed (src/db/seed/demo-dialogue.ts and
// demo-reception.ts), not by running the same queries again.
//
// now = 2026-11-27 10:00 in Vietnam (Friday); today = 2026-11-27.
//
// Dialogue sessions (demo-dialogue.ts): only two are held:
//   - "pleiku-past": day -40 = 2026-10-18, host demo-ubnd-pleiku, minutes published, attendance 120, four questions
//     (three answered in the session, one approved), none merged, none turned into a case.
//   - "quynhon-conference": kind conference, on the 10th of this month = 2026-11-10 (the 10th is before today),
//     host demo-ubnd-quynhon, attendance 86, no questions.
//   The others are open, announced or postponed: not held.
//
// Commitments:
//   - three from the Pleiku session, recorded 2026-10-18, owner demo-ubnd-pleiku: kept (due 11-17), open (due
//     12-17), open due 11-22 (before today: overdue);
//   - two from the province chair's latest reception's conclusion notice, recorded 2026-11-18 (two days after the
//     reception of 11-16), owners demo-snnmt and demo-ubnd-pleiku, open, due 10 and 20 working days after 11-16
//     (11-30 and later): not overdue.
//
// Reception duty (demo-reception.ts): the heads hold their seats from 2026-06-01; every past duty day is held in
// person except the province chair's second latest (held by a deputy) and Pleiku's third latest (never held).
// Citizens on a day = 4 + ((back * 5 + key length) % 9), back = 0 for the latest past day; matters on a day = 3
// (4 on the latest) plus one registered case on the two latest days of the province and of Pleiku.
//   - province chair (demo-ubnd, 1 a month, the 15th; Aug 15 is a Saturday -> 17, Nov 15 a Sunday -> 16):
//     Jun 15, Jul 15, Aug 17, Sep 15, Oct 15 (deputy), Nov 16. Citizens 10, 5, 9, 4, 8, 12 (= 48); matters 3, 3,
//     3, 3, 4, 5 (= 21). Required 6, held in person 5; months met 5, missed 1 (October).
//   - Pleiku ward chair (demo-ubnd-pleiku, commune chair: 1 a week on Tuesday until 2026-06-30, then 2 a month on
//     the 5th and 20th): June's Tuesdays 2, 9, 16, 23, 30; Jul 6 (5th a Sunday), 20; Aug 5, 20; Sep 7 (5th a
//     Saturday), 21 (20th a Sunday); Oct 5, 20 (never held); Nov 5, 20. Citizens, oldest first: 8, 12, 7, 11, 6, 10,
//     5, 9, 4, 8, 12, 7, (none), 6, 10 (= 115); matters 3 × 12 + 4 + 5 = 45. Required 5 + 10 = 15, held 14; months
//     met 5, missed 1 (October).
//   - Quy Nhơn ward chair (demo-ubnd-quynhon, Wednesdays in June, then the 8th and 22nd): Jun 3, 10, 17, 24 (the
//     week of Jun 29-30 needs none: its Wednesday is in July, under the next rule); Jul 8, 22; Aug 10, 24; Sep 8,
//     22; Oct 8, 22; Nov 9, 23. Citizens, oldest first: 4, 8, 12, 7, 11, 6, 10, 5, 9, 4, 8, 12, 7, 11 (= 114);
//     matters 3 × 13 + 4 = 43. Required 14, held 14; months met 6.
//   - Department director (demo-snnmt, 1 a month, the 10th; Oct 10 a Saturday -> 12): Jun 10, Jul 10, Aug 10,
//     Sep 10, Oct 12, Nov 10. Citizens 6, 10, 5, 9, 4, 8 (= 42); matters 3 × 5 + 4 = 19. Required 6, held 6; met 6.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { units } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { getParticipationFigures, type ParticipationFigures } from "@/server/statistics/get-participation-figures";
import { resolveScope, type ResolvedScope } from "@/server/statistics/scope";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");
const YEAR = { from: "2026-01-01", to: "2026-12-31" };
const OCTOBER = { from: "2026-10-01", to: "2026-10-31" };
const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" };

async function unitScope(code: string, subtree: boolean): Promise<ResolvedScope> {
  const [u] = await t.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return (await resolveScope(t.db, { kind: "unit", unitId: u!.id, subtree }))!;
}

const province = { scope: { kind: "province" as const }, unitIds: null, unit: null };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

const PROVINCE_YEAR: ParticipationFigures = {
  dialogue: { sessionsHeld: 2, conferencesHeld: 1, attendance: 206, questions: 4, answeredInSession: 3, passedOnAsCases: 0 },
  commitments: { commitmentsMade: 5, commitmentsKept: 1, commitmentsMissed: 0, commitmentsOpen: 4, commitmentsOverdue: 1 },
  receptions: { receptionDaysRequired: 41, receptionDaysHeld: 39, receptionMonthsMet: 22, receptionMonthsMissed: 2, citizensReceived: 319, receptionMatters: 128 },
};

describe("participation figures", () => {
  it("of the province over the year", async () => {
    expect(await getParticipationFigures(t.db, province, YEAR, now)).toEqual(PROVINCE_YEAR);
  });

  it("of the provincial People's Committee with every unit below it: the same (every demo seat and session is under it)", async () => {
    expect(await getParticipationFigures(t.db, await unitScope("demo-ubnd", true), YEAR, now)).toEqual(PROVINCE_YEAR);
  });

  it("of the provincial People's Committee alone: its chair's seat only", async () => {
    expect(await getParticipationFigures(t.db, await unitScope("demo-ubnd", false), YEAR, now)).toEqual({
      dialogue: { sessionsHeld: 0, conferencesHeld: 0, attendance: 0, questions: 0, answeredInSession: 0, passedOnAsCases: 0 },
      commitments: { commitmentsMade: 0, commitmentsKept: 0, commitmentsMissed: 0, commitmentsOpen: 0, commitmentsOverdue: 0 },
      receptions: { receptionDaysRequired: 6, receptionDaysHeld: 5, receptionMonthsMet: 5, receptionMonthsMissed: 1, citizensReceived: 48, receptionMatters: 21 },
    });
  });

  it("of a ward: its session, the commitments it carries out (from its session and from the province's reception), its chair's seat", async () => {
    expect(await getParticipationFigures(t.db, await unitScope("demo-ubnd-pleiku", false), YEAR, now)).toEqual({
      dialogue: { sessionsHeld: 1, conferencesHeld: 0, attendance: 120, questions: 4, answeredInSession: 3, passedOnAsCases: 0 },
      commitments: { commitmentsMade: 4, commitmentsKept: 1, commitmentsMissed: 0, commitmentsOpen: 3, commitmentsOverdue: 1 },
      receptions: { receptionDaysRequired: 15, receptionDaysHeld: 14, receptionMonthsMet: 5, receptionMonthsMissed: 1, citizensReceived: 115, receptionMatters: 45 },
    });
  });

  it("of a department: the commitment it carries out, its director's seat; its postponed session is not held", async () => {
    expect(await getParticipationFigures(t.db, await unitScope("demo-snnmt", true), YEAR, now)).toEqual({
      dialogue: { sessionsHeld: 0, conferencesHeld: 0, attendance: 0, questions: 0, answeredInSession: 0, passedOnAsCases: 0 },
      commitments: { commitmentsMade: 1, commitmentsKept: 0, commitmentsMissed: 0, commitmentsOpen: 1, commitmentsOverdue: 0 },
      receptions: { receptionDaysRequired: 6, receptionDaysHeld: 6, receptionMonthsMet: 6, receptionMonthsMissed: 0, citizensReceived: 42, receptionMatters: 19 },
    });
  });

  it("of the province in October: the Pleiku session and its promises; the deputy's reception and Pleiku's missed day", async () => {
    expect(await getParticipationFigures(t.db, province, OCTOBER, now)).toEqual({
      dialogue: { sessionsHeld: 1, conferencesHeld: 0, attendance: 120, questions: 4, answeredInSession: 3, passedOnAsCases: 0 },
      commitments: { commitmentsMade: 3, commitmentsKept: 1, commitmentsMissed: 0, commitmentsOpen: 2, commitmentsOverdue: 1 },
      // Province 1 required / 0 in person (missed), Pleiku 2 / 1 (missed), Quy Nhơn 2 / 2, the department 1 / 1.
      // Citizens 8 + 7 + (8 + 12) + 4; matters 4 + 3 + (3 + 3) + 3.
      receptions: { receptionDaysRequired: 6, receptionDaysHeld: 4, receptionMonthsMet: 2, receptionMonthsMissed: 2, citizensReceived: 39, receptionMatters: 16 },
    });
  });

  it("of the province in November (the month in progress): the conference, the conclusion notice's items, every duty met", async () => {
    expect(await getParticipationFigures(t.db, province, NOVEMBER, now)).toEqual({
      dialogue: { sessionsHeld: 1, conferencesHeld: 1, attendance: 86, questions: 0, answeredInSession: 0, passedOnAsCases: 0 },
      commitments: { commitmentsMade: 2, commitmentsKept: 0, commitmentsMissed: 0, commitmentsOpen: 2, commitmentsOverdue: 0 },
      // Citizens 12 + (6 + 10) + (11 + 7) + 8; matters 5 + (4 + 5) + (3 + 4) + 4.
      receptions: { receptionDaysRequired: 6, receptionDaysHeld: 6, receptionMonthsMet: 4, receptionMonthsMissed: 0, citizensReceived: 54, receptionMatters: 25 },
    });
  });

  it("over a custom period cutting through months: only the duty periods inside it count, no month is judged", async () => {
    // 2026-06-10 .. 2026-07-15: no whole month. Inside it are the weeks of Jun 15, Jun 22 and Jun 29-30 (Pleiku:
    // one day each, all held; Quy Nhơn: one day in each of the first two, none needed in the last). Visits: the
    // province Jun 15 (10) and Jul 15 (5); Pleiku Jun 16, 23, 30, Jul 6 (7, 11, 6, 10); Quy Nhơn Jun 10, 17, 24,
    // Jul 8 (8, 12, 7, 11); the department Jun 10, Jul 10 (6, 10); 3 matters each of those 12 days.
    expect(await getParticipationFigures(t.db, province, { from: "2026-06-10", to: "2026-07-15" }, now)).toEqual({
      dialogue: { sessionsHeld: 0, conferencesHeld: 0, attendance: 0, questions: 0, answeredInSession: 0, passedOnAsCases: 0 },
      commitments: { commitmentsMade: 0, commitmentsKept: 0, commitmentsMissed: 0, commitmentsOpen: 0, commitmentsOverdue: 0 },
      receptions: { receptionDaysRequired: 5, receptionDaysHeld: 5, receptionMonthsMet: 0, receptionMonthsMissed: 0, citizensReceived: 103, receptionMatters: 36 },
    });
  });

  it("counts nothing before the demo's history, nor in months still to come", async () => {
    const none = await getParticipationFigures(t.db, province, { from: "2025-01-01", to: "2025-12-31" }, now);
    expect(none.receptions).toEqual({ receptionDaysRequired: 0, receptionDaysHeld: 0, receptionMonthsMet: 0, receptionMonthsMissed: 0, citizensReceived: 0, receptionMatters: 0 });
    expect(none.dialogue.sessionsHeld).toBe(0);
    const ahead = await getParticipationFigures(t.db, province, { from: "2027-01-01", to: "2027-03-31" }, now);
    expect(ahead.receptions.receptionDaysRequired).toBe(0);
    expect(ahead.commitments.commitmentsMade).toBe(0);
  });

  it("a question turned into a case, a missed commitment and a merged question each land where they belong", async () => {
    // Change the Pleiku session's approved question into a case, merge an answered one, and mark the overdue
    // commitment missed; then put everything back.
    const [session] = rowsOf<{ id: string }>(await t.db.execute(sql`select id::text as id from dialogue_sessions where attendance = 120`));
    const sid = session!.id;
    await t.db.execute(sql`update dialogue_questions set status = 'case' where session_id = ${sid}::uuid and number = 4`);
    await t.db.execute(sql`update dialogue_questions set status = 'merged' where session_id = ${sid}::uuid and number = 3`);
    await t.db.execute(sql`update commitments set status = 'missed' where session_id = ${sid}::uuid and due_on < '2026-11-27'::date and status = 'open'`);
    try {
      const f = await getParticipationFigures(t.db, province, OCTOBER, now);
      expect(f.dialogue).toEqual({ sessionsHeld: 1, conferencesHeld: 0, attendance: 120, questions: 3, answeredInSession: 2, passedOnAsCases: 1 });
      expect(f.commitments).toEqual({ commitmentsMade: 3, commitmentsKept: 1, commitmentsMissed: 1, commitmentsOpen: 1, commitmentsOverdue: 0 });
    } finally {
      await t.db.execute(sql`update dialogue_questions set status = 'approved' where session_id = ${sid}::uuid and number = 4`);
      await t.db.execute(sql`update dialogue_questions set status = 'answered' where session_id = ${sid}::uuid and number = 3`);
      await t.db.execute(sql`update commitments set status = 'open' where session_id = ${sid}::uuid and status = 'missed'`);
    }
    expect(await getParticipationFigures(t.db, province, YEAR, now)).toEqual(PROVINCE_YEAR);
  });
});
