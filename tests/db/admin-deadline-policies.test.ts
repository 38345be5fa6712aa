// Deadline policy versions (issue 13, room E): listed by kind with the version in force and each version's cases;
// a new version ends the one before it; one no case uses and not yet in force can be edited or deleted; an
// unconfirmed one (entered from an unofficial text) is confirmed, and then applies to cases received from its date
// while cases already received keep theirs. Administrators only; every change audited in the same transaction.
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, deadlinePolicies, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { toLocalDate } from "@/domain/calendar";
import { selectPolicy } from "@/domain/deadlines";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { addDeadlinePolicy } from "@/server/deadline-policies/add-deadline-policy";
import { confirmDeadlinePolicy } from "@/server/deadline-policies/confirm-deadline-policy";
import { citizenFormTexts } from "@/server/form-texts/citizen-form-texts";
import { listDeadlinePolicies, type PolicyTrackView } from "@/server/deadline-policies/list-deadline-policies";
import { removeDeadlinePolicy } from "@/server/deadline-policies/remove-deadline-policy";
import { updateDeadlinePolicy } from "@/server/deadline-policies/update-deadline-policy";
import { loadPolicies } from "@/server/deadlines/policy-rows";
import { AppError } from "@/server/errors";
import { getPublicCase } from "@/server/tracking/get-public-case";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Wednesday 2/12/2026, 10:00 in Vietnam.
const now = new Date("2026-12-02T03:00:00Z");
const today = toLocalDate(now);

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
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

async function track(key: string): Promise<PolicyTrackView> {
  return (await listDeadlinePolicies(t.db, await admin(), now)).find((x) => x.key === key)!;
}

/** The petition version in force, as the form posts it (strings), with some fields replaced. */
function petitionForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    kind: "petition",
    instance: "",
    effectiveFrom: "2026-12-10",
    effectiveTo: "",
    acceptanceAmount: "5",
    acceptanceUnit: "working_days",
    resolutionAmount: "15",
    resolutionUnit: "days",
    remoteResolutionAmount: "",
    remoteResolutionUnit: "days",
    extensionMaxCount: "",
    extensionMaxDays: "",
    progressUpdateEveryDays: "7",
    pausesOnInfoRequest: "on",
    legalBasis: "Nghị định 20/2008/NĐ-CP, Điều 9 (bản thử)",
    note: "Rút ngắn thời hạn giải quyết (thử)",
    confirmed: "on",
    ...over,
  };
}

const auditCount = async (action: string) => Number((await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

describe("the list", () => {
  it("shows each kind (complaints by instance) with the version in force, the unconfirmed one and each version's cases", async () => {
    const tracks = await listDeadlinePolicies(t.db, await admin(), now);
    expect(tracks.map((x) => x.key)).toEqual(["complaint-1", "complaint-2", "denunciation", "petition", "report", "contribution"]);
    const complaint = tracks[0]!;
    expect(complaint.versions.map((v) => [v.effectiveFrom, v.status])).toEqual([
      ["2026-07-01", "unconfirmed"],
      ["2026-01-01", "in_force"],
    ]);
    expect(complaint.inForce?.effectiveFrom).toBe("2026-01-01");
    expect(complaint.inForce!.caseCount).toBeGreaterThan(0);
    expect(complaint.inForce!.changeable).toBe("in_use");
    expect(complaint.versions[0]).toMatchObject({ caseCount: 0, changeable: "ok", acceptance: { amount: 7, unit: "working_days" } });
    expect(complaint.versions[0]!.note).toContain("không chính thức");
  });

  it("refuses a non-admin", async () => {
    expect((await refusedWith(listDeadlinePolicies(t.db, await viewer("canbo.syt"), now))).code).toBe("forbidden");
  });
});

describe("a new version", () => {
  let id: string;

  it("ends the open-ended version before it the day before, in the same change, audited", async () => {
    const before = (await track("petition")).inForce!;
    ({ id } = await addDeadlinePolicy(t.db, await admin(), petitionForm(), now));
    const petition = await track("petition");
    expect(petition.versions.map((v) => [v.effectiveFrom, v.effectiveTo, v.status])).toEqual([
      ["2026-12-10", null, "future"],
      ["2026-01-01", "2026-12-09", "in_force"],
    ]);
    expect(petition.versions[0]).toMatchObject({ id, resolution: { amount: 15, unit: "days" }, progressUpdateEveryDays: 7, pausesOnInfoRequest: true, confirmed: true, caseCount: 0 });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "deadline_policy.added"), eq(auditLog.entityId, id)));
    expect(audit?.data).toMatchObject({ ends: [{ id: before.id, effectiveToBefore: null, effectiveTo: "2026-12-09" }] });
    // Cases received until 9/12 get the old version, from 10/12 the new one.
    const policies = await loadPolicies(t.db);
    expect(selectPolicy(policies, "petition", 1, "2026-12-09")?.id).toBe(before.id);
    expect(selectPolicy(policies, "petition", 1, "2026-12-10")?.id).toBe(id);
  });

  it("refuses bad input by field, and writes nothing", async () => {
    const rows = Number((await t.db.select({ n: count() }).from(deadlinePolicies))[0]!.n);
    const e = await refusedWith(addDeadlinePolicy(t.db, await admin(), petitionForm({ acceptanceAmount: "", resolutionAmount: "abc", legalBasis: "" }), now));
    expect(e.code).toBe("invalid_input");
    expect(e.details?.fields).toEqual({ acceptanceAmount: "required", resolutionAmount: "invalid" });
    const checked = await refusedWith(addDeadlinePolicy(t.db, await admin(), petitionForm({ effectiveFrom: "2026-12-01", legalBasis: " ", acceptanceAmount: "0", remoteResolutionAmount: "10" }), now));
    expect(checked.details?.fields).toEqual({ effectiveFrom: "from_past", legalBasis: "required", acceptanceAmount: "out_of_range", remoteResolutionAmount: "remote_shorter" });
    const dates = await refusedWith(addDeadlinePolicy(t.db, await admin(), petitionForm({ effectiveFrom: "10/12/2026", effectiveTo: "2026-13-01" }), now));
    expect(dates.details?.fields).toMatchObject({ effectiveFrom: "invalid", effectiveTo: "invalid" });
    const ext = await refusedWith(addDeadlinePolicy(t.db, await admin(), petitionForm({ extensionMaxCount: "1" }), now));
    expect(ext.details?.fields).toEqual({ extensionMaxDays: "required" });
    const kind = await refusedWith(addDeadlinePolicy(t.db, await admin(), petitionForm({ kind: "complaint" }), now));
    expect(kind.details?.fields).toEqual({ instance: "instance_mismatch" });
    expect(Number((await t.db.select({ n: count() }).from(deadlinePolicies))[0]!.n)).toBe(rows);
  });

  it("refuses a start date another version of the kind already has, naming it", async () => {
    const e = await refusedWith(addDeadlinePolicy(t.db, await admin(), petitionForm(), now));
    expect(e.details).toMatchObject({ fields: { effectiveFrom: "same_start" }, params: { effectiveFrom: { date: "2026-12-10" } } });
  });

  it("is edited while not in force: moving its start moves the end of the one before", async () => {
    await updateDeadlinePolicy(t.db, await admin(), { ...petitionForm({ effectiveFrom: "2027-01-01", resolutionAmount: "18" }), id }, now);
    const petition = await track("petition");
    expect(petition.versions.map((v) => [v.effectiveFrom, v.effectiveTo])).toEqual([
      ["2027-01-01", null],
      ["2026-01-01", "2026-12-31"],
    ]);
    expect(petition.versions[0]!.resolution).toEqual({ amount: 18, unit: "days" });
    expect(await auditCount("deadline_policy.updated")).toBe(1);
    // A moved start must still be today or later.
    const past = await refusedWith(updateDeadlinePolicy(t.db, await admin(), { ...petitionForm({ effectiveFrom: "2026-11-30" }), id }, now));
    expect(past.details?.fields).toEqual({ effectiveFrom: "from_past" });
  });

  it("is deleted while not in force: the version before runs on open-ended", async () => {
    await removeDeadlinePolicy(t.db, await admin(), { id }, now);
    const petition = await track("petition");
    expect(petition.versions.map((v) => [v.effectiveFrom, v.effectiveTo])).toEqual([["2026-01-01", null]]);
    expect(await auditCount("deadline_policy.removed")).toBe(1);
  });

  it("a version in force, or one cases use, is neither edited nor deleted", async () => {
    const inUse = (await track("complaint-1")).inForce!;
    const e = await refusedWith(removeDeadlinePolicy(t.db, await admin(), { id: inUse.id }, now));
    expect(e).toMatchObject({ code: "conflict", details: { reason: "in_use" } });
    expect((e.details?.cases as number) > 0).toBe(true);
    const edit = await refusedWith(updateDeadlinePolicy(t.db, await admin(), { ...petitionForm(), id: inUse.id }, now));
    expect(edit.details?.reason).toBe("in_use");
    // The report version: in force, whether or not a case uses it yet.
    const report = (await track("report")).inForce!;
    const reason = report.caseCount > 0 ? "in_use" : "in_force";
    expect((await refusedWith(removeDeadlinePolicy(t.db, await admin(), { id: report.id }, now))).details?.reason).toBe(reason);
    expect((await refusedWith(removeDeadlinePolicy(t.db, await admin(), { id: "00000000-0000-4000-8000-000000000000" }, now))).code).toBe("not_found");
  });

  it("entered unconfirmed, it changes nothing until confirmed", async () => {
    const { id: draft } = await addDeadlinePolicy(t.db, await admin(), petitionForm({ effectiveFrom: "2027-03-01", confirmed: "" }), now);
    const petition = await track("petition");
    expect(petition.versions.map((v) => [v.effectiveFrom, v.effectiveTo, v.status])).toEqual([
      ["2027-03-01", null, "unconfirmed"],
      ["2026-01-01", null, "in_force"],
    ]);
    expect(selectPolicy(await loadPolicies(t.db), "petition", 1, "2027-04-01")?.id).not.toBe(draft);
    await removeDeadlinePolicy(t.db, await admin(), { id: draft }, now);
  });
});

describe("confirming the Decree 155/2026 version", () => {
  it("applies it to cases received from its date on; cases already received keep theirs; audited", async () => {
    const complaint = await track("complaint-1");
    const unconfirmed = complaint.versions.find((v) => v.status === "unconfirmed")!;
    const old = complaint.inForce!;
    const keptBefore = Number((await t.db.select({ n: count() }).from(cases).where(eq(cases.policyId, old.id)))[0]!.n);
    // The filing form promises what the version in force says: 10 working days before, 7 once confirmed.
    expect((await citizenFormTexts(t.db, "vi", now)).kind_complaint).toContain("Trong 10 ngày làm việc, cơ quan quyết định thụ lý");
    const result = await confirmDeadlinePolicy(t.db, await admin(), { id: unconfirmed.id });
    expect(result.ends).toBe(1);
    const after = await track("complaint-1");
    expect(after.versions.map((v) => [v.effectiveFrom, v.effectiveTo, v.status])).toEqual([
      ["2026-07-01", null, "in_force"],
      ["2026-01-01", "2026-06-30", "past"],
    ]);
    expect(after.inForce?.id).toBe(unconfirmed.id);
    // A case received today gets 7 working days; every case already received keeps the old version.
    expect(selectPolicy(await loadPolicies(t.db), "complaint", 1, today)?.acceptance).toEqual({ amount: 7, unit: "working_days" });
    expect(Number((await t.db.select({ n: count() }).from(cases).where(eq(cases.policyId, old.id)))[0]!.n)).toBe(keptBefore);
    expect(Number((await t.db.select({ n: count() }).from(cases).where(eq(cases.policyId, unconfirmed.id)))[0]!.n)).toBe(0);
    expect((await citizenFormTexts(t.db, "vi", now)).kind_complaint).toContain("Trong 7 ngày làm việc, cơ quan quyết định thụ lý");
    expect((await citizenFormTexts(t.db, "en", now)).kind_complaint).toContain("Within 7 working days the authority accepts");
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "deadline_policy.confirmed"));
    expect(audit).toMatchObject({ entityId: unconfirmed.id, data: { effectiveFrom: "2026-07-01", ends: [{ id: old.id, effectiveTo: "2026-06-30" }] } });
    expect((await refusedWith(confirmDeadlinePolicy(t.db, await admin(), { id: unconfirmed.id }))).details?.reason).toBe("already_confirmed");
    // The status page names the basis and the date of the version a case keeps.
    const [kept] = await t.db.select({ code: cases.code }).from(cases).where(eq(cases.policyId, old.id)).limit(1);
    expect((await getPublicCase(t.db, kept!.code, now))?.rules).toMatchObject({ legalBasis: old.legalBasis, effectiveFrom: "2026-01-01" });
  });
});

describe("non-admins", () => {
  it("are refused every change before anything is read, and nothing is written", async () => {
    const [someId] = await t.db.select({ id: deadlinePolicies.id }).from(deadlinePolicies).where(isNull(deadlinePolicies.effectiveTo)).limit(1);
    const rows = JSON.stringify(await t.db.select().from(deadlinePolicies).orderBy(deadlinePolicies.id));
    const audits = Number((await t.db.select({ n: count() }).from(auditLog))[0]!.n);
    for (const name of ["canbo.syt", "lanhdao.tinh"]) {
      const v = await viewer(name);
      for (const attempt of [
        addDeadlinePolicy(t.db, v, petitionForm({ effectiveFrom: "2027-06-01" }), now),
        updateDeadlinePolicy(t.db, v, { ...petitionForm(), id: someId!.id }, now),
        removeDeadlinePolicy(t.db, v, { id: someId!.id }, now),
        confirmDeadlinePolicy(t.db, v, { id: someId!.id }),
      ]) {
        expect((await refusedWith(attempt)).code).toBe("forbidden");
      }
    }
    expect((await refusedWith(addDeadlinePolicy(t.db, null, petitionForm(), now))).code).toBe("unauthenticated");
    expect(JSON.stringify(await t.db.select().from(deadlinePolicies).orderBy(deadlinePolicies.id))).toBe(rows);
    expect(Number((await t.db.select({ n: count() }).from(auditLog))[0]!.n)).toBe(audits);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
