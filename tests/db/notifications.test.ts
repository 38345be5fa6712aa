import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { caseEvents, emailOutbox } from "@/db/schema";
import { renderPendingEmails } from "@/server/email/render-pending";
import { runInTransaction } from "@/db/transaction";
import { recordCaseEvent, type CaseEventInput } from "@/server/cases/record-event";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { makeCase, makeOrganisation, type Org } from "../support/mail-fixtures";

let t: TestDatabase;
let org: Org;
beforeAll(async () => {
  t = await createTestDatabase();
  org = await makeOrganisation(t.db);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.delete(emailOutbox);
});

async function record(event: Omit<CaseEventInput, "visibility"> & { visibility?: "public" | "internal" }) {
  await runInTransaction(t.db, (tx) => recordCaseEvent(tx, { visibility: "public", ...event }));
  // Notifications are stored unrendered; render them as the worker would.
  await renderPendingEmails(t.db);
  return t.db.select().from(emailOutbox).orderBy(emailOutbox.toAddress);
}

describe("notifications written with the case event", () => {
  it("tells the filer in the case's language when the case is accepted, with the deadline and a link", async () => {
    const c = await makeCase(t.db, org, { language: "en", status: "accepted", resolutionDueOn: "2027-03-15" });
    const mail = await record({ caseId: c.id, type: "case.accepted", toStatus: "accepted", data: { resolutionDueOn: "2027-03-15" } });
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ toAddress: c.filerEmail, locale: "en", template: "case-accepted", subject: `Case ${c.code} has been accepted for handling` });
    expect(mail[0]!.text).toContain("15/03/2027");
    expect(mail[0]!.text).toContain(`http://localhost:3000/tra-cuu/${c.code}`);
    expect(mail[0]!.text).toContain("Quy Nhon Ward People's Committee");
  });

  it("states the legal reason and where to go when a case is not accepted, in Vietnamese", async () => {
    const c = await makeCase(t.db, org);
    const mail = await record({ caseId: c.id, type: "case.not_accepted", reason: "Không thuộc thẩm quyền", data: { redirect: "Tòa án nhân dân khu vực 1" } });
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ locale: "vi", template: "case-not_accepted", subject: `Hồ sơ ${c.code}: thông báo không thụ lý` });
    expect(mail[0]!.text).toContain("Lý do: Không thuộc thẩm quyền");
    expect(mail[0]!.text).toContain("Nơi có thẩm quyền giải quyết: Tòa án nhân dân khu vực 1");
  });

  it("sends each citizen notice type, and the private page for the ones where the filer acts", async () => {
    for (const [type, template, path] of [
      ["case.info_requested", "case-info_requested", "/rieng"],
      ["case.extended", "case-extended", ""],
      ["case.answered", "case-answered", "/rieng"],
    ] as const) {
      await t.db.delete(emailOutbox);
      const c = await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-03-01" });
      const mail = await record({ caseId: c.id, type, reason: "Ảnh chụp hiện trường", data: { days: 15, newDueOn: "2027-03-22" } });
      expect(mail.map((m) => [m.toAddress, m.template])).toEqual([[c.filerEmail, template]]);
      expect(mail[0]!.text).toContain(`http://localhost:3000/tra-cuu/${c.code}${path}`);
      if (type === "case.extended") expect(mail[0]!.text).toContain("22/03/2027");
      if (type === "case.info_requested") expect(mail[0]!.text).toContain("Ảnh chụp hiện trường");
    }
  });

  it("sends nothing to a filer who gave no email or filed anonymously", async () => {
    for (const filerEmail of [null, "anonymous"] as const) {
      const c = await makeCase(t.db, org, { filerEmail });
      expect(await record({ caseId: c.id, type: "case.accepted" })).toHaveLength(0);
    }
  });

  it("tells the intake officers of the unit about a new case, each in their language, not disabled or former staff", async () => {
    const c = await makeCase(t.db, org);
    const mail = await record({ caseId: c.id, type: "case.received", actorRole: "filer" });
    expect(mail.map((m) => [m.toAddress, m.locale, m.template])).toEqual(
      [
        [org.people.intakeWard.email, "vi", "staff-received"],
        [org.people.intakeWardEn.email, "en", "staff-received"],
      ].sort(),
    );
    const vi = mail.find((m) => m.locale === "vi")!;
    expect(vi.subject).toBe(`Hồ sơ mới ${c.code} gửi đến UBND phường Quy Nhơn`);
    expect(vi.text).toContain(`http://localhost:3000/can-bo/ho-so/${c.code}`);
    // The receipt to the filer is the intake service's, not sent a second time here.
    expect(mail.some((m) => m.toAddress === c.filerEmail)).toBe(false);
  });

  it("on a transfer tells the filer and the new unit's intake officers", async () => {
    const c = await makeCase(t.db, org);
    const mail = await record({ caseId: c.id, type: "case.transferred", fromUnitId: org.ward.id, toUnitId: org.other.id, reason: "Thuộc địa bàn Pleiku" });
    expect(mail.map((m) => [m.toAddress, m.template]).sort()).toEqual(
      [
        [c.filerEmail, "case-transferred"],
        [org.people.intakeOther.email, "staff-transferred-in"],
      ].sort(),
    );
    const filer = mail.find((m) => m.template === "case-transferred")!;
    expect(filer.text).toContain("UBND phường Quy Nhơn đến UBND phường Pleiku");
  });

  it("tells the assignee, the unit's leaders and the draft author, and never the actor", async () => {
    const p = org.people;
    const c = await makeCase(t.db, org, { status: "accepted", draftAuthorId: p.handlerWard.id });
    let mail = await record({ caseId: c.id, type: "case.assigned", visibility: "internal", actorUserId: p.leaderWard.id, data: { assigneeId: p.handlerWard.id } });
    expect(mail.map((m) => [m.toAddress, m.template])).toEqual([[p.handlerWard.email, "staff-assigned"]]);
    await t.db.delete(emailOutbox);
    mail = await record({ caseId: c.id, type: "case.draft_submitted", visibility: "internal", actorUserId: p.handlerWard.id });
    expect(mail.map((m) => [m.toAddress, m.locale, m.template])).toEqual([[p.leaderWard.email, "en", "staff-draft-submitted"]]);
    await t.db.delete(emailOutbox);
    mail = await record({ caseId: c.id, type: "case.draft_returned", visibility: "internal", actorUserId: p.leaderWard.id, reason: "Bổ sung căn cứ" });
    expect(mail.map((m) => [m.toAddress, m.template])).toEqual([[p.handlerWard.email, "staff-draft-returned"]]);
    expect(mail[0]!.text).toContain("Ý kiến của lãnh đạo: Bổ sung căn cứ");
    await t.db.delete(emailOutbox);
    mail = await record({ caseId: c.id, type: "case.flagged", visibility: "internal", actorUserId: p.overseerTop.id, reason: "Người dân phản ánh nhiều lần" });
    expect(mail.map((m) => [m.toAddress, m.template])).toEqual([[p.leaderWard.email, "staff-flagged"]]);
    await t.db.delete(emailOutbox);
    mail = await record({ caseId: c.id, type: "case.assigned", visibility: "internal", actorUserId: p.handlerWard.id, data: { assigneeId: p.handlerWard.id } });
    expect(mail).toHaveLength(0);
  });

  it("keeps a denunciation's title out of staff mail", async () => {
    const c = await makeCase(t.db, org, { kind: "denunciation" });
    const mail = await record({ caseId: c.id, type: "case.received" });
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) expect(m.text + m.html + m.subject).not.toContain("Đèn đường hỏng");
  });

  it("sends nothing for events outside the list", async () => {
    const c = await makeCase(t.db, org, { status: "accepted" });
    for (const type of ["case.routed", "case.note", "case.rated", "case.info_provided", "case.withdrawn", "case.closed", "case.draft_saved"] as const) {
      expect(await record({ caseId: c.id, type })).toHaveLength(0);
    }
  });

  it("writes nothing when the change rolls back, and one message per event and recipient", async () => {
    const c = await makeCase(t.db, org);
    await expect(
      runInTransaction(t.db, async (tx) => {
        await recordCaseEvent(tx, { caseId: c.id, type: "case.accepted", visibility: "public" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await t.db.select().from(emailOutbox)).toHaveLength(0);
    await record({ caseId: c.id, type: "case.accepted" });
    const [event] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, "case.accepted")));
    expect(await t.db.select().from(emailOutbox).where(like(emailOutbox.dedupeKey, `event:${event!.id}:%`))).toHaveLength(1);
  });
});
