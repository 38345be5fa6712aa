// The unit and leader records (src/server/records): what they show on the demo data, that an unknown code or id
// (or a citizen's id) gives nothing, and that no filer's identity and no official's email or phone is in them.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { caseParties, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { getLeaderRecord } from "@/server/records/get-leader-record";
import { getUnitRecord } from "@/server/records/get-unit-record";
import { isLeader, leaderName, listLeaders } from "@/server/records/list-leaders";
import { leaderListPage, leaderRecordPage, unitRecordPage } from "@/server/http/cached-record-pages";
import { unsealPersonalData } from "@/server/privacy/personal-data";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { resolveScope } from "@/server/statistics/scope";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// 2026-11-27 10:00 in Vietnam: the same instant as the participation figures' test (whose numbers these reuse).
const now = new Date("2026-11-27T03:00:00Z");
const YEAR = { from: "2026-01-01", to: "2026-12-31" };
const OCTOBER = { from: "2026-10-01", to: "2026-10-31" };

const userId = async (email: string) => (await t.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

/** Every filer's name, phone, email, address and ID number (unsealed), and every official's email. */
async function secrets(): Promise<string[]> {
  const parties = await t.db.select({ keyId: caseParties.keyId, sealed: caseParties.sealed }).from(caseParties);
  const out = new Set<string>();
  for (const p of parties) {
    const d = unsealPersonalData(p.keyId, p.sealed);
    for (const v of [d.name, d.phone, d.email, d.address, d.idNumber]) if (v && v.trim().length >= 5) out.add(v.trim());
  }
  for (const u of await t.db.select({ email: users.email }).from(users)) out.add(u.email);
  return [...out];
}

function expectNoSecrets(data: unknown, list: string[]) {
  const text = JSON.stringify(data);
  for (const s of list) expect(text.includes(s), `found ${s}`).toBe(false);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("a unit's record", () => {
  it("a ward alone: its figures are the statistics' own, its sessions, its commitments and its chair's months", async () => {
    const r = (await getUnitRecord(t.db, "demo-ubnd-pleiku", YEAR, now))!;
    expect(r.unit.code).toBe("demo-ubnd-pleiku");
    expect(r.unit.parent?.code).toBe("demo-ubnd");
    expect(r.unit.closedOn).toBeNull();
    // No unit below it: only the unit's own figures.
    expect(r.withSubtree).toBeNull();
    const scope = (await resolveScope(t.db, { kind: "unit", unitId: r.unit.id, subtree: false }))!;
    expect(r.alone.figures).toEqual((await getCaseStatistics(t.db, scope, YEAR, now)).figures);
    expect(r.alone.participation.receptions).toEqual({ receptionDaysRequired: 15, receptionDaysHeld: 14, receptionMonthsMet: 5, receptionMonthsMissed: 1, citizensReceived: 115, receptionMatters: 45 });
    // The past session (2026-10-18) and the next one (day +5 = 2026-12-02), oldest first.
    expect(r.sessions.items.map((s) => s.status)).toEqual(["minutes_published", "announced"]);
    // Three promises of its session and one item of the province chair's conclusion notice; open ones first.
    expect(r.commitments.items).toHaveLength(4);
    expect(r.commitments.items.map((c) => c.status).sort()).toEqual(["kept", "open", "open", "open"]);
    expect(r.commitments.items[0]!.status).toBe("open");
    expect(r.commitments.items.every((c) => c.case === null)).toBe(true);
    // One seat, June to November (newest first), October missed (a day never held).
    expect(r.seats).toHaveLength(1);
    expect(r.seats[0]!.months.map((m) => m.month)).toEqual(["2026-11", "2026-10", "2026-09", "2026-08", "2026-07", "2026-06"]);
    expect(r.seats[0]!.months.find((m) => m.month === "2026-10")).toMatchObject({ state: "missed", required: 2, heldInPerson: 1 });
    expect([r.seats[0]!.met, r.seats[0]!.missed]).toEqual([5, 1]);
  });

  it("the provincial People's Committee: with the units below it and alone", async () => {
    const r = (await getUnitRecord(t.db, "demo-ubnd", OCTOBER, now))!;
    expect(r.unit.parent).toBeNull();
    expect(r.withSubtree!.unitCount).toBeGreaterThan(5);
    expect(r.withSubtree!.participation.dialogue.sessionsHeld).toBe(1);
    expect(r.alone.participation.dialogue.sessionsHeld).toBe(0);
    // The province chair's October reception was held by a deputy: the month is missed.
    expect(r.seats.map((s) => s.months.map((m) => m.state))).toEqual([["missed"]]);
    expect(r.sessions.items).toEqual([]);
  });

  it("a merged unit names the unit it was merged into", async () => {
    const [snnmt] = await t.db.select({ id: units.id }).from(units).where(eq(units.code, "demo-snnmt"));
    await t.db.execute(sql`update units set valid_to = '2026-09-30', successor_id = ${snnmt!.id}::uuid where code = 'demo-sxd'`);
    const r = (await getUnitRecord(t.db, "demo-sxd", YEAR, now))!;
    expect(r.unit.closedOn).toBe("2026-09-30");
    expect(r.unit.successor).toMatchObject({ code: "demo-snnmt", name: "Sở Nông nghiệp và Môi trường" });
    await t.db.execute(sql`update units set valid_to = null, successor_id = null where code = 'demo-sxd'`);
  });

  it("an unknown code is null (the page answers 404), and its cached page leaves it to Next", async () => {
    expect(await getUnitRecord(t.db, "khong-co", YEAR, now)).toBeNull();
    expect(await getUnitRecord(t.db, "", YEAR, now)).toBeNull();
    expect(await unitRecordPage.validator(t.db, "khong-co", now)).toBeNull();
    expect(await unitRecordPage.validator(t.db, "demo-ubnd", now)).toMatch(/\|2026-11-27T03:00$/);
    expect(unitRecordPage.match("/thong-ke/don-vi/demo-ubnd")).toBe("demo-ubnd");
    expect(unitRecordPage.match("/thong-ke/don-vi/demo-ubnd?ky=month&nam=2026&so=10")).toBeNull();
    expect(unitRecordPage.match("/thong-ke/don-vi")).toBeNull();
  });
});

describe("leaders", () => {
  it("the list: everyone who leads a unit, holds a seat, led a session or made a commitment; names and positions only", async () => {
    const list = await listLeaders(t.db, "2026-11-27");
    const names = list.items.map((l) => l.name);
    expect(names).toContain("Chủ tịch UBND phường Pleiku (mẫu)");
    expect(names).toContain("Lãnh đạo Sở Y tế (mẫu)");
    expect(names).not.toContain(expect.stringContaining("Cán bộ tiếp nhận"));
    expect(list.total).toBe(list.items.length);
    const pleiku = list.items.find((l) => l.name === "Chủ tịch UBND phường Pleiku (mẫu)")!;
    expect(pleiku.position).toBe("Chủ tịch UBND phường Pleiku");
    expect(pleiku.units.map((u) => u.code)).toEqual(["demo-ubnd-pleiku"]);
    expect(Object.keys(pleiku).sort()).toEqual(["name", "position", "positionEn", "units", "userId"]);
  });

  it("a ward chair's record: seat, session position, unit with its figures, sessions, commitments, months held", async () => {
    const id = await userId("lanhdao.pleiku@doithoai.example");
    const r = (await getLeaderRecord(t.db, id, YEAR, now))!;
    expect(r.leader).toEqual({ userId: id, name: "Chủ tịch UBND phường Pleiku (mẫu)" });
    expect(r.seats.map((s) => [s.title, s.unit.code, s.fromDate, s.toDate])).toEqual([["Chủ tịch UBND phường Pleiku", "demo-ubnd-pleiku", "2026-06-01", null]]);
    expect(r.sessionPositions).toEqual([{ position: "Chủ tịch UBND phường Pleiku", positionEn: "Chair of the Pleiku Ward People's Committee" }]);
    expect(r.units.map((u) => u.unit.code)).toEqual(["demo-ubnd-pleiku"]);
    expect(r.units[0]!.participation.commitments.commitmentsMade).toBe(4);
    expect(r.sessions.items.map((s) => s.position)).toEqual(["Chủ tịch UBND phường Pleiku", "Chủ tịch UBND phường Pleiku"]);
    // Their own three promises (the conclusion notice's item is the province chair's).
    expect(r.commitments.counts).toEqual({ made: 3, kept: 1, missed: 0, open: 2, overdue: 1 });
    expect(r.commitments.items).toHaveLength(3);
    expect(r.duty.map((s) => [s.met, s.missed, s.months.length])).toEqual([[5, 1, 6]]);
  });

  it("the province chair: the conclusion notice's items, the coming session, the deputy's month missed", async () => {
    const id = await userId("lanhdao.tinh@doithoai.example");
    const r = (await getLeaderRecord(t.db, id, YEAR, now))!;
    expect(r.commitments.counts).toEqual({ made: 2, kept: 0, missed: 0, open: 2, overdue: 0 });
    expect(r.commitments.items.every((c) => c.reception !== null)).toBe(true);
    expect(r.sessions.items.map((s) => s.status)).toEqual(["open"]);
    expect(r.duty.map((s) => [s.met, s.missed])).toEqual([[5, 1]]);
    expect(r.units.map((u) => u.unit.code)).toEqual(["demo-ubnd"]);
    const october = (await getLeaderRecord(t.db, id, OCTOBER, now))!;
    expect(october.duty[0]!.months).toEqual([{ month: "2026-10", state: "missed", required: 1, heldInPerson: 0, delegated: 1 }]);
    expect(october.commitments.counts.made).toBe(0);
  });

  it("a month before they held the seat is not theirs", async () => {
    const id = await userId("lanhdao.quynhon@doithoai.example");
    const r = (await getLeaderRecord(t.db, id, { from: "2026-01-01", to: "2026-05-31" }, now))!;
    expect(r.duty.every((s) => s.months.length === 0)).toBe(true);
  });

  it("an unknown id or a citizen's or an intake officer's id is null (the page answers 404)", async () => {
    for (const email of ["congdan@doithoai.example", "tiepnhan.pleiku@doithoai.example"]) {
      const id = await userId(email);
      expect(await isLeader(t.db, id)).toBe(false);
      expect(await getLeaderRecord(t.db, id, YEAR, now)).toBeNull();
      expect(await leaderName(t.db, id)).toBeNull();
      expect(await leaderRecordPage.validator(t.db, id, now)).toBeNull();
    }
    expect(await getLeaderRecord(t.db, "khong-co", YEAR, now)).toBeNull();
    expect(await getLeaderRecord(t.db, "", YEAR, now)).toBeNull();
    expect(leaderRecordPage.match("/thong-ke/lanh-dao/abc?ky=year")).toBeNull();
    expect(leaderListPage.match("/thong-ke/lanh-dao")).toBe("");
    expect(leaderListPage.match("/thong-ke/lanh-dao?trang=2")).toBeNull();
  });
});

describe("privacy", () => {
  it("no filer's identity and no official's email appears in any record", async () => {
    const list = await secrets();
    expect(list.length).toBeGreaterThan(20);
    const codes = rowsOf<{ code: string }>(await t.db.execute(sql`select code from units order by code`)).map((r) => r.code);
    for (const code of codes) expectNoSecrets(await getUnitRecord(t.db, code, YEAR, now), list);
    const leaders = await listLeaders(t.db, "2026-11-27");
    expectNoSecrets(leaders, list);
    for (const l of leaders.items) expectNoSecrets(await getLeaderRecord(t.db, l.userId, YEAR, now), list);
  });

  it("a denunciation's code never reaches a record through a commitment", async () => {
    const r = (await getUnitRecord(t.db, "demo-ubnd-pleiku", YEAR, now))!;
    expect(JSON.stringify(r)).not.toMatch(/"kind":"denunciation"/);
  });
});

describe("a unit's months", () => {
  it("every month of the period, the received cases adding up to the figure", async () => {
    const r = (await getUnitRecord(t.db, "demo-ubnd", YEAR, now))!;
    expect(r.byMonth.map((m) => m.month)).toHaveLength(12);
    expect(r.byMonth.reduce((n, m) => n + m.received, 0)).toBe(r.withSubtree!.figures.received);
  });
});
