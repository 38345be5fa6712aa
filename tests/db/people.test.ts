import { createHash, randomBytes } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, count, desc, eq, inArray, isNotNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accounts, auditLog, cases, emailOutbox, memberships, sessions, units, users, verificationTokens } from "@/db/schema";
import type { Database } from "@/db/client";
import { seedDemoData } from "@/db/seed/seed-demo";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { withHashedSessions } from "@/server/auth/hashed-sessions";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { listLocalOutbox } from "@/server/email/list-local-outbox";
import { AppError } from "@/server/errors";
import { deactivateUser } from "@/server/people/deactivate-user";
import { reactivateUser } from "@/server/people/reactivate-user";
import { inviteOfficial } from "@/server/people/invite-official";
import { listPeople } from "@/server/people/list-people";
import { giveMembership } from "@/server/people/give-membership";
import { removeMembership } from "@/server/people/remove-membership";
import { OPEN_STATUSES } from "@/server/workspace/list-inbox";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

// getViewer reads the session cookie through Auth.js; here Auth.js's own database-session lookup stands in for it.
const state = vi.hoisted(() => ({ db: null as unknown as Database, token: "" }));
const adapter = () => withHashedSessions(DrizzleAdapter(state.db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }));
vi.mock("@/auth", () => ({
  auth: async () => {
    const found = await adapter().getSessionAndUser!(state.token);
    return found && found.session.expires > new Date() ? { user: { id: found.user.id }, expires: found.session.expires.toISOString() } : null;
  },
}));
vi.mock("@/db/client", async (original) => ({ ...(await original<object>()), getDb: async () => state.db }));
const { getViewer } = await import("@/server/auth/viewer");

const APP_URL = "http://localhost:3000";
const AUTH_SECRET = "test-auth-secret-0123456789abcdef0123456789";
let t: TestDatabase;
const now = new Date("2026-07-20T03:00:00Z");
const unit: Record<string, string> = {};

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
}

async function refusedWith(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const auditCount = async (action: string) => (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;

beforeAll(async () => {
  t = await createTestDatabase();
  state.db = t.db;
  await seedDemoData(t.db, now);
  for (const u of await t.db.select().from(units).where(like(units.code, "demo-%"))) unit[u.code] = u.id;
});
afterAll(() => t.close());

describe("people administration", () => {
  it("refuses everyone but an administrator, before anything changes", async () => {
    const citizen: Viewer = { userId: "citizen-x", email: "dan@example.com", name: "Dân", locale: "vi", memberships: [] };
    const target = await viewer("xuly.pleiku");
    const someMembership = (await t.db.select().from(memberships).where(eq(memberships.userId, target.userId)))[0]!;
    const invite = { email: "refused@example.com", name: "Không được", unitId: unit["demo-ubnd-pleiku"], role: "handler" };
    const users0 = (await t.db.select({ n: count() }).from(users))[0]!.n;
    const audit0 = (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
    for (const who of [null, citizen, ...(await Promise.all(["tiepnhan.pleiku", "xuly.pleiku", "lanhdao.pleiku", "giamsat.mttq"].map(viewer)))]) {
      const expected = who === null ? "unauthenticated" : "forbidden";
      expect((await refusedWith(listPeople(t.db, who))).code).toBe(expected);
      expect((await refusedWith(inviteOfficial(t.db, who, invite, now))).code).toBe(expected);
      expect((await refusedWith(giveMembership(t.db, who, { userId: target.userId, unitId: unit["demo-ubnd-pleiku"], role: "leader" }))).code).toBe(expected);
      expect((await refusedWith(removeMembership(t.db, who, { membershipId: someMembership.id }))).code).toBe(expected);
      expect((await refusedWith(deactivateUser(t.db, who, { userId: target.userId }, now))).code).toBe(expected);
      expect((await refusedWith(reactivateUser(t.db, who, { userId: target.userId }))).code).toBe(expected);
    }
    expect((await t.db.select({ n: count() }).from(users))[0]!.n).toBe(users0);
    expect((await t.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(audit0);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "refused@example.com"))).toHaveLength(0);
    expect(await t.db.select().from(memberships).where(eq(memberships.id, someMembership.id))).toHaveLength(1);
    expect((await t.db.select().from(users).where(eq(users.id, target.userId)))[0]!.disabledAt).toBeNull();
  });

  it("invites an official: the account, the membership and a real sign-in link from APP_URL in the outbox; again changes nothing", async () => {
    const admin = await viewer("quantri");
    const email = "can.bo.moi@example.gov.vn";
    const first = await inviteOfficial(t.db, admin, { email: "  Can.Bo.Moi@Example.gov.vn ", name: "Nguyễn Văn Mới", unitId: unit["demo-ubnd-pleiku"], role: "handler" }, now);
    expect(first).toMatchObject({ created: true, membershipAdded: true });
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ id: first.userId, name: "Nguyễn Văn Mới", emailVerified: null, disabledAt: null });
    expect(await loadMemberships(t.db, first.userId)).toMatchObject([{ unitId: unit["demo-ubnd-pleiku"], role: "handler" }]);

    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(row).toMatchObject({ template: "sign-in", status: "local" });
    const shown = (await listLocalOutbox(t.db)).find((m) => m.to === email)!;
    const link = shown.text.match(/https?:\/\/\S+callback\/resend\S+/)?.[0];
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.origin).toBe(APP_URL);
    expect(url.pathname).toBe("/api/auth/callback/resend");
    expect(url.searchParams.get("email")).toBe(email);
    expect(url.searchParams.get("callbackUrl")).toBe(`${APP_URL}/can-bo`);
    // The token works as Auth.js checks it: sha256(token + secret) is in verification_tokens for that address.
    const hashed = createHash("sha256").update(`${url.searchParams.get("token")}${AUTH_SECRET}`).digest("hex");
    const used = await adapter().useVerificationToken!({ identifier: email, token: hashed });
    expect(used).toMatchObject({ identifier: email });

    const again = await inviteOfficial(t.db, admin, { email, name: "Nguyễn Văn Mới", unitId: unit["demo-ubnd-pleiku"], role: "handler" }, now);
    expect(again).toEqual({ userId: first.userId, created: false, membershipAdded: false });
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    expect(await t.db.select().from(memberships).where(eq(memberships.userId, first.userId))).toHaveLength(1);
    expect(await auditCount("people.invited")).toBe(2);

    const listed = await listPeople(t.db, admin, { query: "mới" });
    expect(listed.people.map((p) => p.email)).toEqual([email]);
    expect(listed.people[0]).toMatchObject({ invited: true, disabledAt: null, memberships: [{ role: "handler", unitId: unit["demo-ubnd-pleiku"] }] });
    expect((await listPeople(t.db, admin, { query: "CAN.BO.MOI@" })).people).toHaveLength(1);
    expect((await listPeople(t.db, admin)).people.some((p) => p.email === "quantri@doithoai.example")).toBe(true);
  });

  it("refuses bad invitations field by field", async () => {
    const admin = await viewer("quantri");
    const fields = async (input: Record<string, unknown>) => {
      const e = await refusedWith(inviteOfficial(t.db, admin, input, now));
      expect(e.code).toBe("invalid_input");
      return e.details?.fields as Record<string, string>;
    };
    expect(await fields({ email: "không-phải-email", name: "A", unitId: unit["demo-ubnd"], role: "handler" })).toMatchObject({ email: "invalid" });
    expect(await fields({ email: "", name: "A", unitId: "x", role: "chief" })).toMatchObject({ email: "required", unitId: "invalid", role: "invalid" });
    expect(await fields({ email: "khong.ten@example.com", name: " ", unitId: unit["demo-ubnd"], role: "handler" })).toMatchObject({ name: "required" });
    expect(await fields({ email: "khong.don.vi@example.com", name: "A", unitId: "00000000-0000-4000-8000-000000000000", role: "handler" })).toMatchObject({ unitId: "invalid" });
    expect(await t.db.select().from(users).where(inArray(users.email, ["khong.ten@example.com", "khong.don.vi@example.com"]))).toHaveLength(0);
  });

  it("gives and removes memberships, each audited", async () => {
    const admin = await viewer("quantri");
    const target = await viewer("xuly.quynhon");
    const given = await giveMembership(t.db, admin, { userId: target.userId, unitId: unit["demo-ubnd-quynhon"], role: "leader" });
    expect(given.changed).toBe(true);
    expect((await giveMembership(t.db, admin, { userId: target.userId, unitId: unit["demo-ubnd-quynhon"], role: "leader" })).changed).toBe(false);
    expect((await loadMemberships(t.db, target.userId)).map((m) => m.role).sort()).toEqual(["handler", "leader"]);
    await removeMembership(t.db, admin, { membershipId: given.membershipId });
    expect((await loadMemberships(t.db, target.userId)).map((m) => m.role)).toEqual(["handler"]);
    expect(await auditCount("people.membership_given")).toBe(2);
    expect(await auditCount("people.membership_removed")).toBe(1);
    expect((await refusedWith(removeMembership(t.db, admin, { membershipId: given.membershipId }))).code).toBe("not_found");
    expect((await refusedWith(giveMembership(t.db, admin, { userId: "nobody", unitId: unit["demo-ubnd"], role: "leader" }))).code).toBe("not_found");
    expect((await refusedWith(giveMembership(t.db, admin, { userId: target.userId, unitId: unit["demo-ubnd"], role: "boss" }))).details?.fields).toMatchObject({ role: "invalid" });
  });

  it("never removes or deactivates the last active administrator, oneself included", async () => {
    const admin = await viewer("quantri");
    const [seat] = await t.db.select().from(memberships).where(and(eq(memberships.userId, admin.userId), eq(memberships.role, "admin")));
    const e1 = await refusedWith(removeMembership(t.db, admin, { membershipId: seat!.id }));
    expect([e1.code, e1.message]).toEqual(["conflict", "last_admin"]);
    const e2 = await refusedWith(deactivateUser(t.db, admin, { userId: admin.userId }, now));
    expect([e2.code, e2.message]).toEqual(["conflict", "last_admin"]);
    expect((await t.db.select().from(users).where(eq(users.id, admin.userId)))[0]!.disabledAt).toBeNull();

    // A second administrator: either one may now go, but not both.
    const second = await inviteOfficial(t.db, admin, { email: "quantri2@example.gov.vn", name: "Quản trị hai", unitId: unit["demo-ubnd"], role: "admin" }, now);
    const [secondSeat] = await t.db.select().from(memberships).where(and(eq(memberships.userId, second.userId), eq(memberships.role, "admin")));
    await deactivateUser(t.db, admin, { userId: second.userId }, now);
    // The deactivated second admin does not count: quantri is the last active one again.
    expect((await refusedWith(removeMembership(t.db, admin, { membershipId: seat!.id }))).message).toBe("last_admin");
    await reactivateUser(t.db, admin, { userId: second.userId });
    await removeMembership(t.db, admin, { membershipId: secondSeat!.id });
    expect(await loadMemberships(t.db, second.userId)).toEqual([]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("deactivation ends the account's sessions at once and lists its open assignments; reactivation restores it", async () => {
    const admin = await viewer("quantri");
    const [busiest] = await t.db
      .select({ userId: cases.assigneeId, n: count() })
      .from(cases)
      .where(and(isNotNull(cases.assigneeId), inArray(cases.status, [...OPEN_STATUSES])))
      .groupBy(cases.assigneeId)
      .orderBy(desc(count()))
      .limit(1);
    expect(busiest).toBeDefined();
    const userId = busiest!.userId!;
    state.token = randomBytes(32).toString("hex");
    await adapter().createSession!({ sessionToken: state.token, userId, expires: new Date(Date.now() + 86_400_000) });
    await adapter().createSession!({ sessionToken: randomBytes(32).toString("hex"), userId, expires: new Date(Date.now() + 86_400_000) });
    expect((await getViewer())?.userId).toBe(userId);

    const done = await deactivateUser(t.db, admin, { userId }, now);
    expect(done.sessionsEnded).toBe(2);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(0);
    expect(await getViewer()).toBeNull();
    const open = await t.db.select({ code: cases.code }).from(cases).where(and(eq(cases.assigneeId, userId), inArray(cases.status, [...OPEN_STATUSES]))).orderBy(cases.code);
    expect(done.openAssignments.map((c) => c.code)).toEqual(open.map((c) => c.code));
    expect(done.openAssignments.length).toBe(busiest!.n);
    const listed = (await listPeople(t.db, admin)).people.find((p) => p.id === userId)!;
    expect(listed.disabledAt).not.toBeNull();
    expect(listed.openAssignments.map((c) => c.code)).toEqual(open.map((c) => c.code));
    expect(await loadMemberships(t.db, userId)).toEqual([]);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "people.deactivated"), eq(auditLog.entityId, userId)));
    expect(entry?.data).toMatchObject({ sessionsEnded: 2 });

    await reactivateUser(t.db, admin, { userId });
    expect((await t.db.select().from(users).where(eq(users.id, userId)))[0]!.disabledAt).toBeNull();
    expect((await loadMemberships(t.db, userId)).length).toBeGreaterThan(0);
    expect(await auditCount("people.reactivated")).toBe(2);
    expect((await refusedWith(deactivateUser(t.db, admin, { userId: "nobody" }, now))).code).toBe("not_found");
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
