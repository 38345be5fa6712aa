// Routing rules administration (issue 13, room D): list in try order with how often each fired, create, edit,
// enable/disable, move, and the tester; every change audited; the rule-set check refuses a change that leaves a
// (kind, area) without a route or sends a denunciation to the body denounced; non-admins refused, nothing written.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, auditLog, routingRules, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { createRoutingRule } from "@/server/routing-rules/create-routing-rule";
import { listRoutingRules } from "@/server/routing-rules/list-routing-rules";
import { moveRoutingRule } from "@/server/routing-rules/move-routing-rule";
import { setRoutingRuleActive } from "@/server/routing-rules/set-routing-rule-active";
import { tryRoutingRules } from "@/server/routing-rules/try-routing-rules";
import { updateRoutingRule } from "@/server/routing-rules/update-routing-rule";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Monday 20/7/2026, 10:00 in Vietnam.
const now = new Date("2026-07-20T03:00:00Z");
const viewers: Record<string, Viewer> = {};
const unit: Record<string, string> = {};
const area: Record<string, string> = {};

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

const ruleCount = async () => (await t.db.select({ n: count() }).from(routingRules))[0]!.n;
const auditCount = async () => (await t.db.select({ n: count() }).from(auditLog))[0]!.n;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const u of await t.db.select().from(units)) unit[u.code] = u.id;
  for (const a of await t.db.select().from(areas)) area[a.code] = a.id;
});
afterAll(async () => {
  await t?.close();
});

describe("the list", () => {
  it("shows every rule in the order the router tries them, the rule about a body first, with the cases each routed in 90 days", async () => {
    const { rules, options } = await listRoutingRules(t.db, await admin(), now);
    expect(rules).toHaveLength(await ruleCount());
    expect(rules.map((r) => r.position)).toEqual(rules.map((_, i) => i + 1));
    expect(rules[0]).toMatchObject({ kind: "denunciation", subjectUnit: { id: unit["demo-syt"] }, unit: { id: unit["demo-ttr"] }, fired: 0 });
    expect(rules.some((r) => r.fired > 0)).toBe(true);
    expect(rules.some((r) => r.fired === 0)).toBe(true);
    expect(options.units.some((u) => u.id === unit["demo-ttr"])).toBe(true);
    expect(options.categories.length).toBeGreaterThan(5);
  });
});

describe("refusals of non-admins", () => {
  it("refuses the list, the tester and every change, writing nothing", async () => {
    const [rulesBefore, auditBefore] = [await ruleCount(), await auditCount()];
    const [first] = (await listRoutingRules(t.db, await admin(), now)).rules;
    for (const name of ["canbo.syt", "lanhdao.tinh"]) {
      const v = await viewer(name);
      const input = { kind: "petition", unitId: unit["demo-ttr"] };
      for (const p of [
        listRoutingRules(t.db, v, now),
        tryRoutingRules(t.db, v, { sample: { sampleKind: "petition" } }, now),
        createRoutingRule(t.db, v, input, now),
        updateRoutingRule(t.db, v, { id: first!.id, ...input }, now),
        setRoutingRuleActive(t.db, v, { id: first!.id, active: "0" }, now),
        moveRoutingRule(t.db, v, { id: first!.id, direction: "down" }, now),
      ]) {
        expect((await refusedWith(p)).code).toBe("forbidden");
      }
    }
    expect(await refusedWith(listRoutingRules(t.db, null, now))).toMatchObject({ code: "unauthenticated" });
    expect([await ruleCount(), await auditCount()]).toEqual([rulesBefore, auditBefore]);
  });
});

describe("create and edit", () => {
  let id = "";

  it("creates a rule, audited in the same change", async () => {
    const before = await ruleCount();
    ({ id } = await createRoutingRule(t.db, await admin(), { kind: "report", categoryId: "", areaId: area["demo-21583"], unitId: unit["demo-sxd"], priority: "2", note: "  Phản ánh ở Quy Nhơn (thử)  " }, now));
    expect(await ruleCount()).toBe(before + 1);
    const [row] = await t.db.select().from(routingRules).where(eq(routingRules.id, id));
    expect(row).toMatchObject({ kind: "report", categoryId: null, areaId: area["demo-21583"], unitId: unit["demo-sxd"], priority: 2, active: true, note: "Phản ánh ở Quy Nhơn (thử)" });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(["routing_rule.created"]);
  });

  it("reports bad input by field, writing nothing", async () => {
    const before = [await ruleCount(), await auditCount()];
    const a = await admin();
    expect((await refusedWith(createRoutingRule(t.db, a, { kind: "nope", priority: "abc", note: "x".repeat(501) }, now))).details?.fields).toEqual({ kind: "invalid", unitId: "required", priority: "invalid", note: "too_long" });
    expect((await refusedWith(createRoutingRule(t.db, a, { unitId: "not-a-uuid" }, now))).details?.fields).toEqual({ unitId: "required" });
    expect((await refusedWith(createRoutingRule(t.db, a, { unitId: unit["demo-ttr"], categoryId: "00000000-0000-4000-8000-000000000000" }, now))).details?.fields).toEqual({ categoryId: "unknown" });
    expect((await refusedWith(createRoutingRule(t.db, a, { kind: "petition", subjectUnitId: unit["demo-syt"], unitId: unit["demo-ttr"] }, now))).details?.fields).toEqual({ subjectUnitId: "subject_kind" });
    expect((await refusedWith(createRoutingRule(t.db, a, { kind: "report", areaId: area["demo-21583"], unitId: unit["demo-sxd"] }, now))).details?.fields).toEqual({ unitId: "duplicate" });
    expect([await ruleCount(), await auditCount()]).toEqual(before);
  });

  it("edits a rule, the audit holding before and after", async () => {
    await updateRoutingRule(t.db, await admin(), { id, kind: "report", areaId: area["demo-21583"], unitId: unit["demo-snnmt"], priority: "0", note: "" }, now);
    const [row] = await t.db.select().from(routingRules).where(eq(routingRules.id, id));
    expect(row).toMatchObject({ unitId: unit["demo-snnmt"], priority: 0, note: "" });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "routing_rule.updated"));
    expect(audit?.data).toMatchObject({ before: { unitId: unit["demo-sxd"], priority: 2 }, after: { unitId: unit["demo-snnmt"], priority: 0 } });
    expect((await refusedWith(updateRoutingRule(t.db, await admin(), { id: "00000000-0000-4000-8000-000000000000", unitId: unit["demo-ttr"] }, now))).code).toBe("not_found");
  });

  it("refuses a rule sending denunciations about a body to that body or below it, naming them", async () => {
    const before = [await ruleCount(), await auditCount()];
    const error = await refusedWith(createRoutingRule(t.db, await admin(), { kind: "denunciation", subjectUnitId: unit["demo-ubnd"], unitId: unit["demo-syt"] }, now));
    expect(error).toMatchObject({ code: "conflict", message: "rule_set_refused" });
    const problems = error.details?.problems as { problem: string; unitId?: string; subjectUnitId?: string }[];
    expect(problems).toContainEqual(expect.objectContaining({ problem: "to_denounced_body", unitId: unit["demo-syt"], subjectUnitId: unit["demo-ubnd"] }));
    expect((error.details?.labels as Record<string, { vi: string }>)[unit["demo-syt"]!]?.vi).toBe("Sở Y tế");
    expect([await ruleCount(), await auditCount()]).toEqual(before);
  });
});

describe("enable, disable, move", () => {
  it("disables and enables a rule, audited", async () => {
    const [rule] = (await listRoutingRules(t.db, await admin(), now)).rules;
    await setRoutingRuleActive(t.db, await admin(), { id: rule!.id, active: "0" }, now);
    expect((await t.db.select().from(routingRules).where(eq(routingRules.id, rule!.id)))[0]?.active).toBe(false);
    await setRoutingRuleActive(t.db, await admin(), { id: rule!.id, active: "1" }, now);
    expect((await t.db.select().from(routingRules).where(eq(routingRules.id, rule!.id)))[0]?.active).toBe(true);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, rule!.id))).map((a) => a.action);
    expect(actions).toEqual(["routing_rule.disabled", "routing_rule.enabled"]);
  });

  it("moves a rule up among rules of its rank, and refuses to pass a more specific one", async () => {
    const { rules } = await listRoutingRules(t.db, await admin(), now);
    const movable = rules.find((r) => r.canMoveUp)!;
    await moveRoutingRule(t.db, await admin(), { id: movable.id, direction: "up" }, now);
    const after = (await listRoutingRules(t.db, await admin(), now)).rules;
    expect(after.find((r) => r.id === movable.id)!.position).toBe(movable.position - 1);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, "routing_rule.moved"))).length).toBe(1);
    const stuck = after.find((r) => !r.canMoveUp)!;
    expect(await refusedWith(moveRoutingRule(t.db, await admin(), { id: stuck.id, direction: "up" }, now))).toMatchObject({ code: "conflict", message: "cannot_move" });
    expect((await refusedWith(moveRoutingRule(t.db, await admin(), { id: stuck.id, direction: "sideways" }, now))).details?.fields).toEqual({ direction: "invalid" });
  });

  it("refuses disabling the only route of an area, naming the kind and the area", async () => {
    // An area with no People's Committee, in a province whose reception board has closed: only a rule routes it.
    const [province] = await t.db.select().from(areas).where(eq(areas.code, "demo-52"));
    const [lonely] = await t.db.insert(areas).values({ code: "test-lonely", name: "Xã Thử (mẫu)", kind: "commune", parentId: province!.id }).returning();
    await t.db.update(units).set({ validTo: "2026-06-30" }).where(eq(units.code, "demo-btcd"));
    const { id } = await createRoutingRule(t.db, await admin(), { areaId: lonely!.id, unitId: unit["demo-ttr"] }, now);
    const before = await auditCount();
    const error = await refusedWith(setRoutingRuleActive(t.db, await admin(), { id, active: "0" }, now));
    expect(error.message).toBe("rule_set_refused");
    const problems = error.details?.problems as { problem: string; kind: string; areaId: string }[];
    expect(new Set(problems.map((p) => `${p.problem}/${p.areaId}`))).toEqual(new Set([`unrouted/${lonely!.id}`]));
    // Denunciations still go to the inspectorate by the demo rule for all of them.
    expect(new Set(problems.map((p) => p.kind))).toEqual(new Set(["petition", "report", "complaint", "contribution"]));
    expect((error.details?.labels as Record<string, { vi: string }>)[lonely!.id]?.vi).toBe("Xã Thử (mẫu)");
    expect((await refusedWith(updateRoutingRule(t.db, await admin(), { id, kind: "petition", areaId: lonely!.id, unitId: unit["demo-ttr"] }, now))).message).toBe("rule_set_refused");
    expect((await t.db.select().from(routingRules).where(eq(routingRules.id, id)))[0]?.active).toBe(true);
    expect(await auditCount()).toBe(before);
    await t.db.update(units).set({ validTo: null }).where(eq(units.code, "demo-btcd"));
  });
});

describe("the tester", () => {
  const sample = () => ({ sampleKind: "denunciation", sampleCategoryId: "", sampleAreaId: area["demo-23602"], sampleSubjectUnitId: unit["demo-syt"] });

  it("says which rule fires and which unit receives a sample, on the saved set", async () => {
    const r = await tryRoutingRules(t.db, await admin(), { sample: sample() }, now);
    expect(r.current).toMatchObject({ unitId: unit["demo-ttr"], reason: "rule" });
    expect(r.proposed).toBeUndefined();
    expect(r.problems).toEqual([]);
    expect(r.labels[unit["demo-ttr"]!]?.vi).toBe("Thanh tra tỉnh");
  });

  it("on the set with an edit not yet saved: the new route, and why saving it would be refused; nothing written", async () => {
    const [aboutSyt] = (await listRoutingRules(t.db, await admin(), now)).rules;
    const before = [await ruleCount(), await auditCount()];
    const change = { id: aboutSyt!.id, kind: "denunciation", subjectUnitId: unit["demo-syt"], unitId: unit["demo-syt"] };
    const r = await tryRoutingRules(t.db, await admin(), { sample: sample(), change }, now);
    expect(r.current).toMatchObject({ unitId: unit["demo-ttr"] });
    expect(r.proposed).toMatchObject({ unitId: unit["demo-ubnd"], reason: "denunciation_guard", ruleId: aboutSyt!.id });
    expect(r.problems).toEqual([{ problem: "to_denounced_body", ruleId: aboutSyt!.id, unitId: unit["demo-syt"], subjectUnitId: unit["demo-syt"] }]);
    expect([await ruleCount(), await auditCount()]).toEqual(before);
    // A new rule of the same rank with a higher priority would fire instead.
    const fresh = await tryRoutingRules(t.db, await admin(), { sample: sample(), change: { kind: "denunciation", subjectUnitId: unit["demo-syt"], unitId: unit["demo-ca"], priority: "5" } }, now);
    expect(fresh.proposed).toMatchObject({ unitId: unit["demo-ca"], reason: "rule" });
    expect(fresh.problems).toEqual([]);
  });

  it("reports a bad sample by field", async () => {
    expect((await refusedWith(tryRoutingRules(t.db, await admin(), { sample: { sampleKind: "" } }, now))).details?.fields).toEqual({ sampleKind: "required" });
    expect((await refusedWith(tryRoutingRules(t.db, await admin(), { sample: { sampleKind: "petition", sampleAreaId: "00000000-0000-4000-8000-000000000000" } }, now))).details?.fields).toEqual({ sampleAreaId: "unknown" });
  });
});

describe("the audit trail", () => {
  it("stays a valid chain", async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
