import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { visibleUnitIds } from "@/server/auth/unit-scope";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { INBOX_PAGE_SIZE, listInbox } from "@/server/workspace/list-inbox";
import { AppError } from "@/server/errors";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");

async function viewer(email: string): Promise<Viewer> {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
}

async function unitId(code: string) {
  const [row] = await t.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return row!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("staff case list: authorisation by role and unit scope", () => {
  it("refuses an anonymous visitor", async () => {
    await expect(listInbox(t.db, null, {}, now)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refuses a citizen (a user with no role)", async () => {
    const citizen = await viewer("congdan@doithoai.example");
    expect(citizen.memberships).toEqual([]);
    const error = await listInbox(t.db, citizen, {}, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
  });

  it("shows an intake officer only their own unit's cases", async () => {
    const officer = await viewer("tiepnhan.quynhon@doithoai.example");
    const own = await unitId("demo-ubnd-quynhon");
    expect(await visibleUnitIds(t.db, officer)).toEqual([own]);
    const { rows } = await listInbox(t.db, officer, { status: "all" }, now);
    const ownCases = await t.db.select({ id: cases.id }).from(cases).where(eq(cases.unitId, own));
    for (const row of rows) expect(ownCases.map((c) => c.id)).toContain(row.id);
  });

  it("does not show one unit's cases to an officer of another unit", async () => {
    const pleiku = await viewer("tiepnhan.pleiku@doithoai.example");
    const quyNhon = await unitId("demo-ubnd-quynhon");
    const scope = await visibleUnitIds(t.db, pleiku);
    expect(scope).not.toContain(quyNhon);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const result = await listInbox(t.db, pleiku, { status: "all", page }, now);
      seen.push(...result.rows.map((r) => r.id));
      if (result.rows.length < INBOX_PAGE_SIZE) break;
    }
    expect(seen.length).toBeGreaterThan(0);
    const quyNhonCases = await t.db.select({ id: cases.id }).from(cases).where(eq(cases.unitId, quyNhon));
    expect(quyNhonCases.length).toBeGreaterThan(0);
    for (const c of quyNhonCases) expect(seen).not.toContain(c.id);
  });

  it("shows a provincial leader and an overseer the whole subtree", async () => {
    const leader = await viewer("lanhdao.tinh@doithoai.example");
    const scope = await visibleUnitIds(t.db, leader);
    expect(scope).toContain(await unitId("demo-ubnd-quynhon"));
    expect(scope).toContain(await unitId("demo-btcd"));
    expect(scope).not.toContain(await unitId("demo-tu")); // a sibling tree: the Party committee
    const overseer = await viewer("giamsat.mttq@doithoai.example");
    expect((await visibleUnitIds(t.db, overseer)).sort()).toEqual(scope.sort());
    const { totals } = await listInbox(t.db, leader, {}, now);
    expect(totals.open).toBeGreaterThan(0);
    expect(totals.overdue).toBeGreaterThan(0);
  });

  it("drops the roles of a disabled user", async () => {
    const officer = await viewer("xuly.pleiku@doithoai.example");
    expect(officer.memberships.length).toBeGreaterThan(0);
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, officer.userId));
    expect(await loadMemberships(t.db, officer.userId)).toEqual([]);
  });
});
