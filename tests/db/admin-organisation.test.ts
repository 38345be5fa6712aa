// Areas and units as a tree (issue 13): create, rename in both languages, move (a loop refused with its path), set a
// unit's area and an area's remote flag, close with a last day (refused while work would be left behind). Every
// change by an administrator only, validated by field, audited with before and after in the same transaction.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, auditLog, cases, routingRules, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { closeOrgNode } from "@/server/organisation/close-org-node";
import { createArea } from "@/server/organisation/create-area";
import { createUnit } from "@/server/organisation/create-unit";
import { getOrganisation } from "@/server/organisation/get-organisation";
import { moveOrgNode } from "@/server/organisation/move-org-node";
import { renameOrgNode } from "@/server/organisation/rename-org-node";
import { setAreaRemote } from "@/server/organisation/set-area-remote";
import { setUnitArea } from "@/server/organisation/set-unit-area";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Monday 20/7/2026, 10:00 in Vietnam.
const now = new Date("2026-07-20T03:00:00Z");
const viewers: Record<string, Viewer> = {};

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  if (viewers[email]) return viewers[email];
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[email] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[email];
}
const admin = () => viewer("quantri");

async function refusedWith(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const areaByCode = async (code: string) => (await t.db.select().from(areas).where(eq(areas.code, code)))[0]!;
const unitByCode = async (code: string) => (await t.db.select().from(units).where(eq(units.code, code)))[0]!;
const auditOf = (action: string, entityId: string) => t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
const auditCount = async () => (await t.db.select({ id: auditLog.id }).from(auditLog)).length;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(async () => {
  await t?.close();
});

describe("creating", () => {
  it("creates an area under the province, audited with what it was given", async () => {
    const province = await areaByCode("demo-52");
    const { id } = await createArea(t.db, await admin(), { code: " test-x1 ", name: " Xã Thử Nghiệm ", nameEn: "", kind: "commune", parentId: province.id, remote: "on", validFrom: "2026-07-01" }, now);
    const row = await areaByCode("test-x1");
    expect(row).toMatchObject({ id, name: "Xã Thử Nghiệm", nameEn: null, kind: "commune", parentId: province.id, remote: true, validFrom: "2026-07-01", validTo: null });
    const [audit] = await auditOf("area.created", id);
    expect(audit!.data).toMatchObject({ before: null, after: { code: "test-x1", name: "Xã Thử Nghiệm", remote: true } });
  });

  it("creates a unit under a parent unit, answering for an area", async () => {
    const parent = await unitByCode("demo-ubnd");
    const area = await areaByCode("test-x1");
    const { id } = await createUnit(t.db, await admin(), { code: "test-ubnd-x1", name: "Ủy ban nhân dân xã Thử Nghiệm", nameEn: "Thu Nghiem Commune People's Committee", kind: "peoples_committee", parentId: parent.id, areaId: area.id, email: "ubnd.x1@example.org", validFrom: "2026-07-01" }, now);
    expect(await unitByCode("test-ubnd-x1")).toMatchObject({ id, parentId: parent.id, areaId: area.id, email: "ubnd.x1@example.org", validTo: null });
    expect(await auditOf("unit.created", id)).toHaveLength(1);
  });

  it("refuses a code already used, and bad input, by field", async () => {
    const taken = await refusedWith(createArea(t.db, await admin(), { code: "demo-52", name: "Trùng", kind: "province", validFrom: "2026-07-01" }, now));
    expect(taken.details?.fields).toEqual({ code: "taken" });
    const takenUnit = await refusedWith(createUnit(t.db, await admin(), { code: "demo-ubnd", name: "Trùng", nameEn: "Dup", kind: "department", validFrom: "2026-07-01" }, now));
    expect(takenUnit.details?.fields).toEqual({ code: "taken" });
    const bad = await refusedWith(createArea(t.db, await admin(), { code: "có dấu", name: "", kind: "district", parentId: "x", validFrom: "01/07/2026" }, now));
    expect(bad.code).toBe("invalid_input");
    expect(bad.details?.fields).toEqual({ code: "invalid", name: "required", kind: "invalid", parentId: "invalid", validFrom: "invalid" });
    const badUnit = await refusedWith(createUnit(t.db, await admin(), { code: "", name: "Đơn vị", nameEn: "", kind: "", email: "not-an-email", validFrom: "" }, now));
    expect(badUnit.details?.fields).toEqual({ code: "required", nameEn: "required", kind: "required", email: "invalid", validFrom: "required" });
    const unknownParent = await refusedWith(createUnit(t.db, await admin(), { code: "test-u9", name: "Đơn vị", nameEn: "Unit", kind: "department", parentId: crypto.randomUUID(), areaId: crypto.randomUUID(), validFrom: "2026-07-01" }, now));
    expect(unknownParent.details?.fields).toEqual({ parentId: "unknown" });
    expect(await t.db.select().from(units).where(eq(units.code, "test-u9"))).toHaveLength(0);
  });
});

describe("renaming, moving, area of responsibility, remote flag", () => {
  it("renames in both languages; an area's English name may be emptied, a unit's may not", async () => {
    const area = await areaByCode("test-x1");
    await renameOrgNode(t.db, await admin(), { entity: "area", id: area.id, name: "Xã Thử Nghiệm Mới", nameEn: "Thu Nghiem Moi Commune" });
    expect(await areaByCode("test-x1")).toMatchObject({ name: "Xã Thử Nghiệm Mới", nameEn: "Thu Nghiem Moi Commune" });
    const [audit] = await auditOf("area.renamed", area.id);
    expect(audit!.data).toEqual({ code: "test-x1", before: { name: "Xã Thử Nghiệm", nameEn: null }, after: { name: "Xã Thử Nghiệm Mới", nameEn: "Thu Nghiem Moi Commune" } });
    const unit = await unitByCode("test-ubnd-x1");
    const e = await refusedWith(renameOrgNode(t.db, await admin(), { entity: "unit", id: unit.id, name: "UBND", nameEn: " " }));
    expect(e.details?.fields).toEqual({ nameEn: "required" });
  });

  it("moves a unit under another and refuses a loop, naming the path", async () => {
    const ubnd = await unitByCode("demo-ubnd");
    const x1 = await unitByCode("test-ubnd-x1");
    const tu = await unitByCode("demo-tu");
    await moveOrgNode(t.db, await admin(), { entity: "unit", id: x1.id, parentId: tu.id }, now);
    expect((await unitByCode("test-ubnd-x1")).parentId).toBe(tu.id);
    const [audit] = await auditOf("unit.moved", x1.id);
    expect(audit!.data).toMatchObject({ before: { parentId: ubnd.id }, after: { parentId: tu.id } });
    // The provincial People's Committee under one of its own departments: a loop.
    const syt = await unitByCode("demo-syt");
    const before = await auditCount();
    const loop = await refusedWith(moveOrgNode(t.db, await admin(), { entity: "unit", id: ubnd.id, parentId: syt.id }, now));
    expect(loop.details?.fields).toEqual({ parentId: "cycle" });
    expect(loop.details?.params).toEqual({ parentId: { path: "Ủy ban nhân dân tỉnh Gia Lai (demo-ubnd) › Sở Y tế (demo-syt)" } });
    expect((await unitByCode("demo-ubnd")).parentId).toBeNull();
    expect(await auditCount()).toBe(before);
    // To the top of the tree.
    await moveOrgNode(t.db, await admin(), { entity: "unit", id: x1.id, parentId: "" }, now);
    expect((await unitByCode("test-ubnd-x1")).parentId).toBeNull();
  });

  it("moves an area and refuses it under itself", async () => {
    const x1 = await areaByCode("test-x1");
    const e = await refusedWith(moveOrgNode(t.db, await admin(), { entity: "area", id: x1.id, parentId: x1.id }, now));
    expect(e.details?.fields).toEqual({ parentId: "cycle" });
    const province = await areaByCode("demo-52");
    const loop = await refusedWith(moveOrgNode(t.db, await admin(), { entity: "area", id: province.id, parentId: x1.id }, now));
    expect(loop.details?.params).toEqual({ parentId: { path: "Tỉnh Gia Lai (demo-52) › Xã Thử Nghiệm Mới (test-x1)" } });
  });

  it("sets a unit's area of responsibility, or none", async () => {
    const unit = await unitByCode("test-ubnd-x1");
    const kbang = await areaByCode("demo-23896");
    await setUnitArea(t.db, await admin(), { id: unit.id, areaId: kbang.id }, now);
    expect((await unitByCode("test-ubnd-x1")).areaId).toBe(kbang.id);
    const [audit] = await auditOf("unit.area_set", unit.id);
    expect(audit!.data).toMatchObject({ after: { areaId: kbang.id } });
    await setUnitArea(t.db, await admin(), { id: unit.id, areaId: "" }, now);
    expect((await unitByCode("test-ubnd-x1")).areaId).toBeNull();
    expect((await refusedWith(setUnitArea(t.db, await admin(), { id: unit.id, areaId: crypto.randomUUID() }, now))).details?.fields).toEqual({ areaId: "unknown" });
  });

  it("sets the remote flag; the area's open cases keep theirs", async () => {
    const quynhon = await areaByCode("demo-21583");
    const open = await t.db.select({ id: cases.id, remote: cases.remoteArea }).from(cases).where(and(eq(cases.areaId, quynhon.id), inArray(cases.status, ["received", "accepted", "info_requested"])));
    expect(open.length).toBeGreaterThan(0);
    const { openCasesKept } = await setAreaRemote(t.db, await admin(), { id: quynhon.id, remote: "on" });
    expect(openCasesKept).toBe(open.length);
    expect((await areaByCode("demo-21583")).remote).toBe(true);
    const after = await t.db.select({ id: cases.id, remote: cases.remoteArea }).from(cases).where(inArray(cases.id, open.map((c) => c.id)));
    expect(after.every((c) => c.remote === false)).toBe(true);
    const [audit] = await auditOf("area.remote_set", quynhon.id);
    expect(audit!.data).toMatchObject({ before: { remote: false }, after: { remote: true } });
    await setAreaRemote(t.db, await admin(), { id: quynhon.id });
    expect((await areaByCode("demo-21583")).remote).toBe(false);
  });
});

describe("closing", () => {
  it("closes a unit with no work left, and refuses a last day before its first", async () => {
    const unit = await unitByCode("test-ubnd-x1");
    const early = await refusedWith(closeOrgNode(t.db, await admin(), { entity: "unit", id: unit.id, validTo: "2026-06-30" }, now));
    expect(early.details?.fields).toEqual({ validTo: "before_start" });
    await closeOrgNode(t.db, await admin(), { entity: "unit", id: unit.id, validTo: "2026-07-19" }, now);
    expect((await unitByCode("test-ubnd-x1")).validTo).toBe("2026-07-19");
    const [audit] = await auditOf("unit.closed", unit.id);
    expect(audit!.data).toMatchObject({ before: { validTo: null }, after: { validTo: "2026-07-19" } });
    expect((await refusedWith(closeOrgNode(t.db, await admin(), { entity: "unit", id: unit.id, validTo: "2026-07-25" }, now))).details?.fields).toEqual({ validTo: "already_closed" });
  });

  it("refuses to close a unit with open cases or active routing rules without a successor (the reorganisation page does that)", async () => {
    // A department holding open cases (the demo's Department of Health).
    const syt = await unitByCode("demo-syt");
    expect(await t.db.select({ id: cases.id }).from(cases).where(and(eq(cases.unitId, syt.id), inArray(cases.status, ["received", "accepted", "info_requested"])))).not.toHaveLength(0);
    const e = await refusedWith(closeOrgNode(t.db, await admin(), { entity: "unit", id: syt.id, validTo: "2026-07-31" }, now));
    expect(e.code).toBe("conflict");
    expect(e.message).toBe("needs_successor");
    expect((e.details?.openCases as number) > 0).toBe(true);
    expect((await unitByCode("demo-syt")).validTo).toBeNull();
    // A unit with no case but an active routing rule sending cases to it; once the rule is off it may close.
    const { id } = await createUnit(t.db, await admin(), { code: "test-rule-unit", name: "Ban thử", nameEn: "Test board", kind: "department", validFrom: "2026-07-01" }, now);
    const [rule] = await t.db.insert(routingRules).values({ kind: "petition", unitId: id, priority: 1, note: "test" }).returning();
    const ruled = await refusedWith(closeOrgNode(t.db, await admin(), { entity: "unit", id, validTo: "2026-07-31" }, now));
    expect(ruled.details).toMatchObject({ reason: "needs_successor", openCases: 0, activeRules: 1 });
    await t.db.update(routingRules).set({ active: false }).where(eq(routingRules.id, rule!.id));
    await closeOrgNode(t.db, await admin(), { entity: "unit", id, validTo: "2026-07-31" }, now);
    expect((await unitByCode("test-rule-unit")).validTo).toBe("2026-07-31");
  });

  it("refuses to close a unit with open child units, and an area with open children or units answering for it", async () => {
    const tu = await unitByCode("demo-tu");
    expect((await refusedWith(closeOrgNode(t.db, await admin(), { entity: "unit", id: tu.id, validTo: "2026-07-31" }, now))).message).toBe("has_open_children");
    const province = await areaByCode("demo-52");
    expect((await refusedWith(closeOrgNode(t.db, await admin(), { entity: "area", id: province.id, validTo: "2026-07-31" }, now))).message).toBe("has_open_children");
    const nhonchau = await areaByCode("demo-21610");
    expect((await refusedWith(closeOrgNode(t.db, await admin(), { entity: "area", id: nhonchau.id, validTo: "2026-07-31" }, now))).message).toBe("area_has_units");
  });

  it("closes an area; the trees then show it apart, and a closed parent cannot take children", async () => {
    const x1 = await areaByCode("test-x1");
    await closeOrgNode(t.db, await admin(), { entity: "area", id: x1.id, validTo: "2026-07-19" }, now);
    const view = await getOrganisation(t.db, await admin(), now);
    expect(view.areas.closed.map((a) => a.code)).toContain("test-x1");
    expect(JSON.stringify(view.areas.open)).not.toContain("test-x1");
    expect(view.areas.open.map((b) => b.node.code)).toEqual(["demo-52"]);
    expect(view.areas.open[0]!.children.length).toBeGreaterThanOrEqual(10);
    expect(view.units.closed.map((u) => u.code)).toContain("test-ubnd-x1");
    const e = await refusedWith(createArea(t.db, await admin(), { code: "test-x2", name: "Thôn", kind: "commune", parentId: x1.id, validFrom: "2026-07-20" }, now));
    expect(e.details?.fields).toEqual({ parentId: "parent_closed" });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe("only administrators", () => {
  it("refuses an official and a leader before anything is read, writing nothing", async () => {
    const before = await auditCount();
    const province = await areaByCode("demo-52");
    const ubnd = await unitByCode("demo-ubnd");
    for (const name of ["canbo.syt", "lanhdao.tinh"]) {
      const v = await viewer(name);
      const attempts: Promise<unknown>[] = [
        createArea(t.db, v, { code: "test-no", name: "Không", kind: "commune", validFrom: "2026-07-20" }, now),
        createUnit(t.db, v, { code: "test-no", name: "Không", nameEn: "No", kind: "department", validFrom: "2026-07-20" }, now),
        renameOrgNode(t.db, v, { entity: "area", id: province.id, name: "Đổi tên" }),
        moveOrgNode(t.db, v, { entity: "unit", id: ubnd.id, parentId: "" }, now),
        setUnitArea(t.db, v, { id: ubnd.id, areaId: "" }, now),
        setAreaRemote(t.db, v, { id: province.id, remote: "on" }),
        closeOrgNode(t.db, v, { entity: "area", id: province.id, validTo: "2026-07-31" }, now),
        getOrganisation(t.db, v, now),
      ];
      for (const attempt of attempts) expect((await refusedWith(attempt)).code).toBe("forbidden");
    }
    expect((await refusedWith(getOrganisation(t.db, null, now))).code).toBe("unauthenticated");
    expect(await auditCount()).toBe(before);
    expect(await t.db.select().from(areas).where(eq(areas.code, "test-no"))).toHaveLength(0);
    expect(await t.db.select().from(units).where(eq(units.code, "test-no"))).toHaveLength(0);
    expect((await areaByCode("demo-52")).name).toBe("Tỉnh Gia Lai");
  });
});
