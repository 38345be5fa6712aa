import { randomUUID } from "node:crypto";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLocalOutbox } from "@/server/email/list-local-outbox";
import { renderPendingEmails } from "@/server/email/render-pending";
import { areas, attachments, auditLog, caseEvents, caseParties, cases, categories, emailOutbox, routingRules, units } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { verifyAccessKey } from "@/domain/tracking-code";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { invalidateReferenceData } from "@/server/intake/reference-data";
import { submitCase, type SubmitResult } from "@/server/intake/submit-case";
import type { SubmitCaseInput } from "@/server/intake/submit-case-input";
import { unsealPersonalData, unsealSecret } from "@/server/privacy/personal-data";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z"); // Friday 27/11/2026, 10:00 in Vietnam
const ids = { area: {} as Record<string, string>, category: {} as Record<string, string>, unit: {} as Record<string, string> };
let ipCounter = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const a of await t.db.select().from(areas)) ids.area[a.code] = a.id;
  for (const c of await t.db.select().from(categories)) ids.category[c.code] = c.id;
  for (const u of await t.db.select().from(units)) ids.unit[u.code] = u.id;
});
afterAll(() => t.close());

function input(overrides: Partial<SubmitCaseInput> = {}): SubmitCaseInput {
  return {
    kind: "report",
    categoryId: ids.category.infrastructure!,
    areaId: ids.area["demo-23602"]!, // Phường Pleiku
    title: "Đèn đường hỏng ở tổ dân phố 3",
    body: "Cả đoạn đường dài 300 m không có đèn từ hai tuần nay, buổi tối rất nguy hiểm.",
    name: "Nguyễn Thị Hoa",
    phone: "0905 123 456",
    email: `hoa.${randomUUID().slice(0, 8)}@example.com`,
    consentPublish: false,
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

/** Each call from its own address unless one is given, so that the per-IP limit only bites where tested. */
function submit(raw: SubmitCaseInput & { website?: string }, options: { ip?: string; files?: { name: string; bytes: Uint8Array }[] } = {}) {
  return submitCase({ db: t.db, ip: options.ip ?? `198.51.100.${++ipCounter}`, userId: null, now }, raw, options.files ?? []);
}

function receiptOf(result: SubmitResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.receipt;
}

describe("submitting a case", () => {
  it("routes a report by the most specific rule and sets the acceptance deadline in working days", async () => {
    const receipt = receiptOf(await submit(input()));
    const [row] = await t.db.select().from(cases).where(eq(cases.id, receipt.caseId));
    expect(row!.unitId).toBe(ids.unit["demo-ubnd-pleiku"]);
    expect(row!.routingReason).toBe("rule");
    expect(row!.status).toBe("received");
    // 5 working days from Friday 27/11/2026: Mon 30/11 … Fri 4/12.
    expect(row!.acceptanceDueOn).toBe("2026-12-04");
    expect(receipt.acceptanceDueOn).toBe("2026-12-04");
    expect(receipt.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/);
    expect(verifyAccessKey(receipt.accessKey, row!.accessKeyHash)).toBe(true);
    expect(row!.accessKeyHash).not.toContain(receipt.accessKey.replace(/-/g, ""));
  });

  it("writes the public timeline, the audit chain, sealed parties and the receipt email in the same transaction", async () => {
    const raw = input();
    const receipt = receiptOf(await submit(raw));
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, receipt.caseId)).orderBy(caseEvents.id);
    expect(events.map((e) => [e.type, e.visibility])).toEqual([
      ["case.received", "public"],
      ["case.routed", "public"],
    ]);
    expect(events[1]!.toUnitId).toBe(ids.unit["demo-ubnd-pleiku"]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, receipt.caseId));
    expect(audit.map((a) => a.action).sort()).toEqual(["case.received", "case.routed"]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const [party] = await t.db.select().from(caseParties).where(eq(caseParties.caseId, receipt.caseId));
    expect(party!.sealed).not.toContain("Hoa");
    expect(unsealPersonalData(party!.keyId, party!.sealed)).toMatchObject({ name: "Nguyễn Thị Hoa", phone: "0905123456", email: raw.email });
    const [stored] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, raw.email!));
    // Stored with its template and props, rendered later (by the worker, or the page showing it); the access key
    // is the message's secret, sealed apart from the props, and its rendering is never written back.
    expect(stored).toMatchObject({ renderer: "receipt", html: "" });
    expect(JSON.stringify(stored)).not.toContain(receipt.accessKey);
    expect(unsealSecret(stored!.secret!)).toEqual({ accessKey: receipt.accessKey });
    await renderPendingEmails(t.db);
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, raw.email!));
    expect(mail).toMatchObject({ renderer: "receipt", text: "" });
    const shown = (await listLocalOutbox(t.db)).find((m) => m.to === raw.email);
    expect(shown!.subject).toContain(receipt.code);
    expect(shown!.text).toContain(receipt.accessKey);
    expect(shown!.text).toContain(`/tra-cuu/${receipt.code}`);
  });

  it("files each kind with its own identity rules and deadline", async () => {
    const complaint = receiptOf(
      await submit(input({ kind: "complaint", categoryId: ids.category.land!, filerAddress: "Thôn 2, xã Ia Grai", areaId: ids.area["demo-23737"]! })),
    );
    expect(complaint.unitName).toBe("Ủy ban nhân dân xã Ia Grai");
    expect(complaint.acceptanceDueOn).toBe("2026-12-11"); // 10 working days
    const denunciation = receiptOf(await submit(input({ kind: "denunciation", categoryId: ids.category.official_conduct!, filerAddress: "Tổ 5, phường Pleiku" })));
    expect(denunciation.unitName).toBe("Thanh tra tỉnh");
    expect(denunciation.acceptanceDueOn).toBe("2026-12-08"); // 7 working days
    const petition = receiptOf(await submit(input({ kind: "petition", categoryId: ids.category.education! })));
    expect(petition.unitName).toBe("Sở Giáo dục và Đào tạo");
    const contribution = receiptOf(
      await submit(input({ kind: "contribution", categoryId: ids.category.party_building!, anonymous: true, name: "", phone: "", email: "" })),
    );
    expect(contribution.unitName).toBe("Ban Dân vận Tỉnh ủy");
    const [party] = await t.db.select().from(caseParties).where(eq(caseParties.caseId, contribution.caseId));
    expect(party!.anonymous).toBe(true);
    expect(unsealPersonalData(party!.keyId, party!.sealed)).toEqual({});
  });

  it("refuses what a kind's identity rules require, field by field", async () => {
    const complaint = await submit(input({ kind: "complaint", name: "", filerAddress: "" }));
    expect(complaint).toEqual({ ok: false, reason: "invalid", fields: { name: "nameRequired", filerAddress: "addressRequired" } });
    const anonymousReport = await submit(input({ anonymous: true }));
    expect(anonymousReport).toMatchObject({ ok: false, fields: { anonymous: "invalid" } });
    const noContact = await submit(input({ phone: "", email: "" }));
    expect(noContact).toMatchObject({ ok: false, fields: { phone: "contactRequired" } });
    const bad = await submit(input({ email: "not-an-email", phone: "12345", idNumber: "12ab", title: "Hi", body: "short" }));
    expect(bad).toMatchObject({ ok: false, fields: { email: "invalidEmail", phone: "invalidPhone", idNumber: "invalidIdNumber", title: "tooShort", body: "tooShort" } });
    expect(await submit(input({ areaId: randomUUID() }))).toMatchObject({ ok: false, fields: { areaId: "invalid" } });
  });

  it("creates one case for a retried submission, and returns the same receipt and key", async () => {
    const raw = input();
    const first = receiptOf(await submit(raw));
    const again = receiptOf(await submit(raw));
    expect(again).toMatchObject({ caseId: first.caseId, code: first.code, accessKey: first.accessKey, replayed: true });
    const [{ n } = { n: 0 }] = await t.db.select({ n: count() }).from(cases).where(eq(cases.title, raw.title));
    expect(n).toBeGreaterThanOrEqual(1);
    const [{ n: same } = { n: 0 }] = await t.db.select({ n: count() }).from(cases).where(eq(cases.id, first.caseId));
    expect(same).toBe(1);
  });

  it("creates one case when copies of a submission race each other", async () => {
    const raw = input({ title: `Cống thoát nước bị tắc ${randomUUID().slice(0, 6)}` });
    const results = await Promise.all(Array.from({ length: 4 }, () => submit(raw)));
    const receipts = results.map(receiptOf);
    expect(new Set(receipts.map((r) => r.caseId)).size).toBe(1);
    expect(new Set(receipts.map((r) => r.accessKey)).size).toBe(1);
    const [{ n } = { n: 0 }] = await t.db.select({ n: count() }).from(cases).where(eq(cases.title, raw.title));
    expect(n).toBe(1);
  });

  it("does not hand out a case to a reused form with different content", async () => {
    const key = randomUUID();
    const first = receiptOf(await submit(input({ idempotencyKey: key })));
    const second = receiptOf(await submit(input({ idempotencyKey: key, title: "Một nội dung hoàn toàn khác" })));
    expect(second.caseId).not.toBe(first.caseId);
    expect(second.accessKey).not.toBe(first.accessKey);
  });

  it("stores hostile text inertly and strips control characters", async () => {
    const script = `<script>alert("x")</script>'; drop table cases; --`;
    const receipt = receiptOf(
      await submit(input({ title: `Tiêu đề ${script}`.slice(0, 190), body: `Nội dung\u0000 có \u202eký tự điều khiển và ${script} đủ dài để gửi.` })),
    );
    const [row] = await t.db.select().from(cases).where(eq(cases.id, receipt.caseId));
    expect(row!.title).toContain("<script>");
    expect(row!.body).not.toMatch(/[\u0000\u202e]/);
    expect(row!.body).toContain("drop table cases");
    expect((await t.db.select({ n: count() }).from(cases))[0]!.n).toBeGreaterThan(1);
    const zalgo = receiptOf(await submit(input({ body: `Đường${"\u0301".repeat(500)} hỏng nặng, đề nghị sửa chữa sớm cho bà con.` })));
    const [z] = await t.db.select().from(cases).where(eq(cases.id, zalgo.caseId));
    expect(z!.body.length).toBeLessThan(80);
  });

  it("refuses oversized text with a field error", async () => {
    expect(await submit(input({ body: "đ".repeat(10_001) }))).toMatchObject({ ok: false, fields: { body: "tooLong" } });
    expect(await submit(input({ title: "a".repeat(201) }))).toMatchObject({ ok: false, fields: { title: "tooLong" } });
  });

  it("checks attachments by content, not by name, and stores accepted ones with the case", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const fake = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    expect(await submit(input(), { files: [{ name: "anh.jpg", bytes: fake }] })).toMatchObject({ ok: false, reason: "attachments", problem: "type_not_allowed", fileName: "anh.jpg" });
    expect(await submit(input(), { files: Array.from({ length: 6 }, () => ({ name: "a.png", bytes: png })) })).toMatchObject({ ok: false, problem: "too_many" });
    const receipt = receiptOf(await submit(input(), { files: [{ name: "../../etc/hiện trường.png", bytes: png }] }));
    const [file] = await t.db.select().from(attachments).where(eq(attachments.caseId, receipt.caseId));
    expect(file).toMatchObject({ fileName: "hiện trường.png", contentType: "image/png", size: png.byteLength });
  });

  it("limits submissions per address and per contact, across calls, in the database", async () => {
    const ip = "203.0.113.77";
    const results: SubmitResult[] = [];
    for (let i = 0; i < 21; i++) results.push(await submit(input(), { ip }));
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results[20]).toMatchObject({ ok: false, reason: "rate_limited" });
    const email = "spam@example.com";
    const byContact: SubmitResult[] = [];
    for (let i = 0; i < 6; i++) byContact.push(await submit(input({ email })));
    expect(byContact.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(byContact[5]).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("drops a submission whose hidden honeypot field was filled", async () => {
    expect(await submit({ ...input(), website: "http://spam.example" })).toEqual({ ok: false, reason: "honeypot" });
  });

  it("never routes a denunciation to the unit of the person denounced", async () => {
    const pleiku = ids.unit["demo-ubnd-pleiku"]!;
    // With no denunciation rule for this field, the fallback would pick the ward's People's Committee.
    const receipt = receiptOf(
      await submit(input({ kind: "denunciation", categoryId: ids.category.land!, filerAddress: "Tổ 1, phường Pleiku", subjectUnitId: pleiku, subjectName: "Ông X", subjectPosition: "Cán bộ địa chính" })),
    );
    const [row] = await t.db.select().from(cases).where(eq(cases.id, receipt.caseId));
    expect(row!.unitId).not.toBe(pleiku);
    expect(row!.subjectUnitId).toBe(pleiku);
  });

  it("routes a complaint about a named body by the rule for that body, as the administrators' rule tester says", async () => {
    const health = ids.unit["demo-syt"]!;
    const [rule] = await t.db
      .insert(routingRules)
      .values({ kind: "complaint", subjectUnitId: health, unitId: ids.unit["demo-ubnd"]!, note: "Khiếu nại quyết định của Sở Y tế (thử)" })
      .returning();
    invalidateReferenceData(t.db);
    try {
      const about = receiptOf(await submit(input({ kind: "complaint", categoryId: ids.category.health!, filerAddress: "Tổ 2, phường Pleiku", subjectUnitId: health })));
      const other = receiptOf(await submit(input({ kind: "complaint", categoryId: ids.category.health!, filerAddress: "Tổ 2, phường Pleiku" })));
      const routed = await t.db.select({ id: cases.id, unitId: cases.unitId, ruleId: cases.routingRuleId }).from(cases).where(inArray(cases.id, [about.caseId, other.caseId]));
      expect(routed.find((c) => c.id === about.caseId)).toMatchObject({ unitId: ids.unit["demo-ubnd"], ruleId: rule!.id });
      expect(routed.find((c) => c.id === other.caseId)!.ruleId).not.toBe(rule!.id);
    } finally {
      await t.db.update(routingRules).set({ active: false }).where(eq(routingRules.id, rule!.id));
      invalidateReferenceData(t.db);
    }
  });
});
