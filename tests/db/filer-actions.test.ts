// The filer's private view and actions (DOMAIN.md sections 3-4) on a real database: each test builds its own
// cases with the small factory below; the organisation, holidays and deadline policies are the defaults.
import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, attachments, auditLog, caseEvents, caseParties, cases, categories, deadlinePolicies, filerSessions, holidays, rateLimits, units, users } from "@/db/schema";
import { addCalendarDays } from "@/domain/calendar";
import { DEFAULT_DEADLINE_POLICIES } from "@/domain/deadline-policies-data";
import { DEFAULT_HOLIDAYS } from "@/domain/holidays-data";
import { generateAccessKey, generateTrackingCode, hashAccessKey, isValidTrackingCode, verifyAccessKey } from "@/domain/tracking-code";
import type { CaseKind, CaseStatus } from "@/domain/types";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { policyToRow } from "@/server/deadlines/policy-rows";
import { AppError } from "@/server/errors";
import { addInformation } from "@/server/filer/add-information";
import { contestAnswer } from "@/server/filer/contest-answer";
import { RATE_LIMITS, storedRateLimitKey } from "@/server/abuse/rate-limit";
import { authorizeAttachmentDownload, verifyFilerAccess } from "@/server/filer/filer-access";
import { createFilerToken, endFilerSession, FILER_TOKEN_TTL_SECONDS, filerCookieName, readFilerToken } from "@/server/filer/filer-session";
import { filerCaseIdFor, getFilerCase } from "@/server/filer/get-filer-case";
import { provideRequestedInfo } from "@/server/filer/provide-requested-info";
import { rateAnswer } from "@/server/filer/rate-answer";
import { withdrawCase } from "@/server/filer/withdraw-case";
import type { Viewer } from "@/server/auth/roles";
import { sealPersonalData, unsealPersonalData } from "@/server/privacy/personal-data";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Friday 27 November 2026, 10:00 in Vietnam.
const now = new Date("2026-11-27T03:00:00Z");
const org = { provinceArea: "", communeArea: "", province: "", commune: "", board: "", category: "" };
const policyId = new Map<string, string>();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const FILER = { name: "Nguyễn Thị Mai", phone: "0905123456", email: "mai@example.com", address: "Thôn 3, xã Chư Păh" };

type Made = { id: string; code: string; key: string; token: string; version: number };

/** A case in a given state, with a known access key and a sealed filer. */
async function makeCase(
  options: { kind?: CaseKind; instance?: 1 | 2; status?: CaseStatus; unitId?: string; answered?: boolean } & Partial<typeof cases.$inferInsert> = {},
): Promise<Made> {
  const { kind = "petition", instance = 1, status = "received", answered, ...overrides } = options;
  const policy = policyId.get(`${kind}-${kind === "complaint" ? instance : "any"}`)!;
  const accepted = ["accepted", "info_requested", "answered", "closed"].includes(status);
  const wasAnswered = answered ?? (status === "answered" || status === "closed");
  const code = generateTrackingCode();
  const key = generateAccessKey();
  const [row] = await t.db
    .insert(cases)
    .values({
      code,
      accessKeyHash: hashAccessKey(key),
      kind,
      instance,
      status,
      categoryId: org.category,
      areaId: org.communeArea,
      title: "Đường liên thôn bị sạt lở",
      body: "Đoạn đường qua thôn 3 bị sạt lở sau mưa lớn, xe máy đi lại rất nguy hiểm.",
      unitId: org.commune,
      routingReason: "rule",
      policyId: policy,
      receivedAt: new Date("2026-10-01T02:00:00Z"),
      acceptanceDueOn: "2026-10-08",
      acceptedAt: accepted ? new Date("2026-10-05T02:00:00Z") : null,
      resolutionDueOn: accepted ? "2026-10-25" : null,
      answeredAt: wasAnswered ? new Date("2026-10-20T08:00:00Z") : null,
      answer: wasAnswered ? "UBND xã đã cho sửa chữa đoạn đường bị sạt lở." : null,
      answerPublic: false,
      ...overrides,
    })
    .returning({ id: cases.id, version: cases.version });
  await t.db.insert(caseParties).values({ caseId: row!.id, role: "filer", anonymous: false, ...sealPersonalData(FILER) });
  await t.db.insert(caseEvents).values({ caseId: row!.id, type: "case.received", visibility: "public", toStatus: "received" });
  return { id: row!.id, code, key, token: (await createFilerToken(t.db, row!.id, now)).token, version: row!.version };
}

async function row(id: string) {
  const [c] = await t.db.select().from(cases).where(eq(cases.id, id));
  return c!;
}

async function eventsOf(id: string) {
  return t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(caseEvents.id);
}

async function auditFor(eventIds: number[]) {
  const entries = await t.db.select().from(auditLog);
  return entries.filter((a) => eventIds.includes(Number(a.data?.eventId)));
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected a refusal").toBeInstanceOf(AppError);
  const e = error as AppError;
  return { code: e.code, reason: e.message, fields: (e.details?.fields ?? {}) as Record<string, string> };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const [province] = await t.db.insert(areas).values({ code: "t-52", name: "Tỉnh Gia Lai", kind: "province" }).returning();
  const [commune] = await t.db.insert(areas).values({ code: "t-23629", name: "Xã Chư Păh", kind: "commune", parentId: province!.id }).returning();
  const [ubndTinh] = await t.db
    .insert(units)
    .values({ code: "t-ubnd", name: "Ủy ban nhân dân tỉnh Gia Lai", nameEn: "Gia Lai Provincial People's Committee", kind: "peoples_committee", areaId: province!.id })
    .returning();
  const [ubndXa] = await t.db
    .insert(units)
    .values({ code: "t-ubnd-chupah", name: "Ủy ban nhân dân xã Chư Păh", nameEn: "Chư Păh Commune People's Committee", kind: "peoples_committee", parentId: ubndTinh!.id, areaId: commune!.id })
    .returning();
  const [board] = await t.db
    .insert(units)
    .values({ code: "t-btcd", name: "Ban Tiếp công dân tỉnh", nameEn: "Provincial Citizen Reception Board", kind: "reception_board", parentId: ubndTinh!.id, areaId: province!.id })
    .returning();
  const [category] = await t.db.insert(categories).values({ code: "infrastructure", nameVi: "Hạ tầng, giao thông", nameEn: "Infrastructure and transport" }).returning();
  await t.db.insert(holidays).values(DEFAULT_HOLIDAYS.map((h) => ({ date: h.date, kind: h.kind, name: h.name ?? "" })));
  for (const p of DEFAULT_DEADLINE_POLICIES) {
    const [inserted] = await t.db.insert(deadlinePolicies).values(policyToRow(p)).returning({ id: deadlinePolicies.id });
    policyId.set(`${p.kind}-${p.instance ?? "any"}`, inserted!.id);
  }
  Object.assign(org, {
    provinceArea: province!.id,
    communeArea: commune!.id,
    province: ubndTinh!.id,
    commune: ubndXa!.id,
    board: board!.id,
    category: category!.id,
  });
});
afterAll(() => t.close());

describe("proving access with the code and the private key", () => {
  it("lets the filer in with the right key, however the code and key are typed, with a token for this case only", async () => {
    const c = await makeCase();
    const other = await makeCase();
    const typedCode = c.code.toLowerCase().replace(/-/g, " ");
    const typedKey = ` ${c.key.replace(/-/g, "").toLowerCase()} `;
    const access = await verifyFilerAccess(t.db, typedCode, typedKey, "198.51.100.1", now);
    expect(access.caseId).toBe(c.id);
    expect(access.code).toBe(c.code);
    expect(access.expiresAt.getTime() - now.getTime()).toBe(FILER_TOKEN_TTL_SECONDS * 1000);
    expect(await readFilerToken(t.db, access.token, c.id, now)).toBe(true);
    expect(await readFilerToken(t.db, access.token, other.id, now)).toBe(false);
    expect(await filerCaseIdFor(t.db, c.code, access.token, now)).toBe(c.id);
    expect(await filerCaseIdFor(t.db, other.code, access.token, now)).toBeNull();
    expect(filerCookieName(c.code)).toBe(`dt_filer_${c.code}`);
  });

  it("gives one generic refusal for a wrong key, an unknown code and a malformed code", async () => {
    const c = await makeCase();
    const wrongKey = await refusal(verifyFilerAccess(t.db, c.code, generateAccessKey(), "198.51.100.2", now));
    const unknownCode = await refusal(verifyFilerAccess(t.db, generateTrackingCode(), c.key, "198.51.100.2", now));
    const malformed = await refusal(verifyFilerAccess(t.db, "not a code", c.key, "198.51.100.2", now));
    expect(wrongKey).toEqual({ code: "forbidden", reason: "wrong_key", fields: {} });
    expect(unknownCode).toEqual(wrongKey);
    expect(malformed).toEqual(wrongKey);
  });

  it("always lets the right code and key through, even after 100 wrong tries from the same address on the same code", async () => {
    const c = await makeCase();
    const ip = "203.0.113.77";
    const perCode = RATE_LIMITS.accessMissPerCode.limit;
    const refusals: string[] = [];
    for (let i = 0; i < 100; i++) refusals.push((await refusal(verifyFilerAccess(t.db, c.code, generateAccessKey(), ip, now))).reason);
    // The first misses are told the key is wrong; once over the case's limit, the guesser is told to wait.
    expect(refusals.slice(0, perCode)).toEqual(Array(perCode).fill("wrong_key"));
    expect(new Set(refusals.slice(perCode))).toEqual(new Set(["rate_limited"]));
    const guess = await verifyFilerAccess(t.db, c.code, generateAccessKey(), ip, now).catch((e: AppError) => e);
    expect(guess).toMatchObject({ code: "rate_limited", details: { reason: "rate_limited" } });
    expect(Number((guess as AppError).details?.retryAfterSeconds)).toBeGreaterThan(0);
    expect(Number((guess as AppError).details?.retryAfterSeconds)).toBeLessThanOrEqual(600);

    // The citizen, from that same address, with the right pair: in at once, several times over.
    for (let i = 0; i < 3; i++) {
      const access = await verifyFilerAccess(t.db, c.code, c.key, ip, now);
      expect(access.caseId).toBe(c.id);
      expect(await filerCaseIdFor(t.db, c.code, access.token, now)).toBe(c.id);
    }
    // A new window: a mistyped key is told it is wrong again.
    const later = new Date(now.getTime() + 11 * 60_000);
    expect((await refusal(verifyFilerAccess(t.db, c.code, generateAccessKey(), ip, later))).reason).toBe("wrong_key");
  });

  it("counts misses per address and per case apart: one over its limit leaves the other alone", async () => {
    // Many addresses guessing one case: the case's limit stops them; from one of those addresses a miss on another case is not blocked.
    const target = await makeCase();
    const elsewhere = await makeCase();
    const perCode = RATE_LIMITS.accessMissPerCode.limit;
    for (let i = 0; i < perCode; i++) {
      expect((await refusal(verifyFilerAccess(t.db, target.code, generateAccessKey(), `198.51.100.${100 + i}`, now))).reason).toBe("wrong_key");
    }
    expect((await refusal(verifyFilerAccess(t.db, target.code, generateAccessKey(), "198.51.100.200", now))).reason).toBe("rate_limited");
    expect((await refusal(verifyFilerAccess(t.db, elsewhere.code, generateAccessKey(), "198.51.100.200", now))).reason).toBe("wrong_key");
    expect((await verifyFilerAccess(t.db, target.code, target.key, "198.51.100.200", now)).caseId).toBe(target.id);

    // One address guessing many codes: the address's limit stops it; another address on the same case is not blocked.
    const ip = "192.0.2.50";
    const perIp = RATE_LIMITS.accessMissPerIp.limit;
    for (let i = 0; i < perIp; i++) {
      expect((await refusal(verifyFilerAccess(t.db, generateTrackingCode(), generateAccessKey(), ip, now))).reason).toBe("wrong_key");
    }
    const fresh = await makeCase();
    expect((await refusal(verifyFilerAccess(t.db, fresh.code, generateAccessKey(), ip, now))).reason).toBe("rate_limited");
    expect((await refusal(verifyFilerAccess(t.db, "not a code", generateAccessKey(), ip, now))).reason).toBe("rate_limited");
    expect((await refusal(verifyFilerAccess(t.db, fresh.code, generateAccessKey(), "192.0.2.51", now))).reason).toBe("wrong_key");
    expect((await verifyFilerAccess(t.db, fresh.code, fresh.key, ip, now)).caseId).toBe(fresh.id);

    // Codes of no case are counted per address only: a guesser cannot fill the table with one row per guess.
    const rows = await t.db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, "filer-access:code:%"));
    const keys = rows.map((r) => r.key);
    expect(keys).toContain(storedRateLimitKey(`filer-access:code:${target.code}`));
    expect(keys).toContain(storedRateLimitKey(`filer-access:code:${fresh.code}`));
    expect(keys.join()).not.toContain(target.code);
    const caseCodes = new Set((await t.db.select({ code: cases.code }).from(cases)).map((r) => storedRateLimitKey(`filer-access:code:${r.code}`)));
    expect(keys.filter((k) => !caseCodes.has(k))).toEqual([]);
  });
});

describe("the filer's session, held by the server", () => {
  it("keeps only a hash of the token, for exactly one case, for two hours", async () => {
    const c = await makeCase();
    const other = await makeCase();
    const access = await verifyFilerAccess(t.db, c.code, c.key, "198.51.100.3", now);
    const sessions = await t.db.select().from(filerSessions).where(eq(filerSessions.caseId, c.id));
    expect(sessions.length).toBeGreaterThanOrEqual(1);
    const dump = JSON.stringify(await t.db.execute(sql`select * from filer_sessions`));
    expect(dump).not.toContain(access.token);
    for (const s of sessions) expect(s.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions.some((s) => s.expiresAt.getTime() === access.expiresAt.getTime())).toBe(true);

    expect(await readFilerToken(t.db, access.token, c.id, new Date(now.getTime() + (FILER_TOKEN_TTL_SECONDS - 1) * 1000))).toBe(true);
    expect(await readFilerToken(t.db, access.token, c.id, new Date(now.getTime() + FILER_TOKEN_TTL_SECONDS * 1000))).toBe(false);
    expect(await readFilerToken(t.db, access.token, other.id, now)).toBe(false);
    // A token that was never issued, or one character off, opens nothing.
    const forged = `${access.token.slice(0, -1)}${access.token.endsWith("A") ? "B" : "A"}`;
    expect(await readFilerToken(t.db, forged, c.id, now)).toBe(false);
    expect(await readFilerToken(t.db, `${c.id}.9999999999.abc`, c.id, now)).toBe(false);
    expect(await readFilerToken(t.db, undefined, c.id, now)).toBe(false);
    expect(await readFilerToken(t.db, "", c.id, now)).toBe(false);
  });

  it("ends on Thoát: a copy of the cookie is refused at once by the page, the verbs and the downloads; other sessions go on", async () => {
    const c = await makeCase();
    const phone = await verifyFilerAccess(t.db, c.code, c.key, "198.51.100.4", now);
    const laptop = await verifyFilerAccess(t.db, c.code, c.key, "198.51.100.5", now);
    const copied = phone.token;
    await addInformation(t.db, copied, { caseId: c.id, version: c.version, text: "Trước khi thoát" }, [{ name: "anh.png", bytes: PNG }], now);
    const [file] = await t.db.select().from(attachments).where(eq(attachments.caseId, c.id));
    const as = (token: string) => ({ filerToken: () => token, viewer: async () => null });
    expect(await authorizeAttachmentDownload(t.db, file!.id, as(copied), now)).not.toBeNull();

    await endFilerSession(t.db, phone.token);
    expect(await filerCaseIdFor(t.db, c.code, copied, now)).toBeNull();
    expect(await readFilerToken(t.db, copied, c.id, now)).toBe(false);
    expect(await refusal(addInformation(t.db, copied, { caseId: c.id, version: c.version + 1, text: "Sau khi thoát" }, [], now))).toMatchObject({
      code: "forbidden",
      reason: "no_access",
    });
    expect(await authorizeAttachmentDownload(t.db, file!.id, as(copied), now)).toBeNull();
    // The other device's session is its own.
    expect(await filerCaseIdFor(t.db, c.code, laptop.token, now)).toBe(c.id);
    // Ending an unknown or malformed token is harmless.
    await endFilerSession(t.db, "nonsense");
    await endFilerSession(t.db, undefined);
    expect(await filerCaseIdFor(t.db, c.code, laptop.token, now)).toBe(c.id);
  });

  it("refuses a case id that is not one, without asking the database to cast it", async () => {
    const c = await makeCase();
    expect(await refusal(addInformation(t.db, c.token, { caseId: "1 or 1=1", version: 1, text: "x" }, [], now))).toMatchObject({ reason: "no_access" });
    expect(await refusal(addInformation(t.db, c.token, { caseId: 42, version: 1, text: "x" }, [], now))).toMatchObject({ reason: "no_access" });
  });

  it("deletes a case's expired sessions when a new one is opened", async () => {
    const c = await makeCase();
    const old = await createFilerToken(t.db, c.id, now);
    const later = new Date(now.getTime() + (FILER_TOKEN_TTL_SECONDS + 60) * 1000);
    await createFilerToken(t.db, c.id, later);
    const left = await t.db.select().from(filerSessions).where(eq(filerSessions.caseId, c.id));
    expect(left).toHaveLength(1);
    expect(left[0]!.expiresAt.getTime()).toBeGreaterThan(later.getTime());
    // Deleted, not merely expired: even asked at a time it was valid, it is gone.
    expect(await readFilerToken(t.db, old.token, c.id, now)).toBe(false);
  });
});

describe("the filer's view of the case", () => {
  it("shows the filer's own data, the answer even unpublished, public events and the filer's own texts, but no staff notes", async () => {
    const c = await makeCase({ status: "answered" });
    await t.db.insert(caseEvents).values([
      { caseId: c.id, type: "case.note", visibility: "internal", actorRole: "handler", data: { text: "ghi chú nội bộ của cán bộ" } },
      { caseId: c.id, type: "case.answered", visibility: "public", fromStatus: "accepted", toStatus: "answered" },
    ]);
    await t.db.insert(attachments).values([
      { caseId: c.id, fileName: "anh.png", contentType: "image/png", size: 16, sha256: "x", data: Buffer.from(PNG), visibility: "filer" },
      { caseId: c.id, fileName: "noi-bo.pdf", contentType: "application/pdf", size: 5, sha256: "y", data: Buffer.from("%PDF-"), visibility: "internal" },
    ]);
    const view = (await getFilerCase(t.db, c.id, now))!;
    expect(view.code).toBe(c.code);
    expect(view.filer).toMatchObject({ ...FILER, anonymous: false });
    expect(view.answer).toContain("sửa chữa");
    expect(view.answerPublic).toBe(false);
    expect(view.unit.name).toBe("Ủy ban nhân dân xã Chư Păh");
    expect(view.events.map((e) => e.type)).toEqual(["case.received", "case.answered"]);
    expect(JSON.stringify(view.events)).not.toContain("nội bộ");
    expect(view.attachments.map((a) => a.fileName)).toEqual(["anh.png"]);
    expect(view.actions).toEqual({ addInformation: false, provideInfo: false, withdraw: false, rate: true, contest: true });
    // The deadline's basis names the version the case started under, with the day it took effect.
    const version = DEFAULT_DEADLINE_POLICIES.find((p) => p.kind === "petition")!;
    expect(view.policy).toMatchObject({ legalBasis: version.legalBasis, effectiveFrom: version.effectiveFrom });
  });

  it("offers what each status allows", async () => {
    const actions = async (status: CaseStatus, extra: { satisfaction?: "satisfied" } = {}) =>
      (await getFilerCase(t.db, (await makeCase({ status, ...extra })).id, now))!.actions;
    expect(await actions("received")).toEqual({ addInformation: true, provideInfo: false, withdraw: true, rate: false, contest: false });
    expect(await actions("info_requested")).toEqual({ addInformation: true, provideInfo: true, withdraw: true, rate: false, contest: false });
    expect(await actions("not_accepted")).toEqual({ addInformation: false, provideInfo: false, withdraw: false, rate: false, contest: false });
    expect(await actions("closed", { satisfaction: "satisfied" })).toEqual({ addInformation: false, provideInfo: false, withdraw: false, rate: false, contest: true });
    expect(await actions("withdrawn")).toEqual({ addInformation: false, provideInfo: false, withdraw: false, rate: false, contest: false });
  });
});

describe("adding information", () => {
  it("stores the text and files with a public event that carries no content, and audits both events in the same transaction", async () => {
    const c = await makeCase({ status: "accepted" });
    const text = "Xin gửi thêm ảnh chụp hiện trạng đoạn đường sạt lở ngày 20/11.";
    const result = await addInformation(t.db, c.token, { caseId: c.id, version: String(c.version), text }, [{ name: "hien-trang.png", bytes: PNG }], now);
    const after = await row(c.id);
    expect(after.version).toBe(c.version + 1);
    expect(after.status).toBe("accepted");
    const events = (await eventsOf(c.id)).filter((e) => e.type === "case.info_added");
    const pub = events.find((e) => e.visibility === "public")!;
    const internal = events.find((e) => e.visibility === "internal")!;
    expect(pub.id).toBe(result.eventId);
    expect(pub.actorRole).toBe("filer");
    expect(pub.reason).toBeNull();
    expect(pub.data).toBeNull();
    expect(internal.data).toMatchObject({ publicEventId: pub.id, text, attachmentIds: result.attachmentIds });
    const files = await t.db.select().from(attachments).where(eq(attachments.caseId, c.id));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ fileName: "hien-trang.png", contentType: "image/png", visibility: "filer", eventId: pub.id, uploadedBy: null });
    expect((await auditFor([pub.id, internal.id])).map((a) => a.action)).toEqual(["case.info_added", "case.info_added"]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    // The filer sees their own text with the public event.
    const view = (await getFilerCase(t.db, c.id, now))!;
    expect(view.events.find((e) => e.id === pub.id)?.own).toEqual({ text, attachmentIds: result.attachmentIds });
  });

  it("refuses a token for another case, a closed case, a stale version, too long a text and nothing at all", async () => {
    const c = await makeCase({ status: "received" });
    const other = await makeCase({ status: "received" });
    expect(await refusal(addInformation(t.db, other.token, { caseId: c.id, version: 1, text: "x" }, [], now))).toMatchObject({
      code: "forbidden",
      reason: "no_access",
    });
    expect(await refusal(addInformation(t.db, undefined, { caseId: c.id, version: 1, text: "x" }, [], now))).toMatchObject({ code: "forbidden" });
    const answered = await makeCase({ status: "answered" });
    expect(await refusal(addInformation(t.db, answered.token, { caseId: answered.id, version: 1, text: "x" }, [], now))).toMatchObject({
      code: "conflict",
      reason: "not_allowed",
    });
    expect(await refusal(addInformation(t.db, c.token, { caseId: c.id, version: 7, text: "x" }, [], now))).toMatchObject({
      code: "conflict",
      reason: "stale_version",
    });
    expect(await refusal(addInformation(t.db, c.token, { caseId: c.id, version: 1, text: "ạ".repeat(5001) }, [], now))).toEqual({
      code: "invalid_input",
      reason: "invalid_input",
      fields: { text: "too_long" },
    });
    expect((await refusal(addInformation(t.db, c.token, { caseId: c.id, version: 1, text: "   " }, [], now))).fields).toEqual({
      text: "text_or_files_required",
    });
    const script = new TextEncoder().encode("#!/bin/sh\nrm -rf /");
    expect((await refusal(addInformation(t.db, c.token, { caseId: c.id, version: 1, text: "x" }, [{ name: "anh.png", bytes: script }], now))).fields).toEqual({
      files: "attachments_type_not_allowed",
    });
    // Nothing was written by any refusal.
    expect((await row(c.id)).version).toBe(1);
    expect((await eventsOf(c.id)).map((e) => e.type)).toEqual(["case.received"]);
    // Exactly 5000 characters is fine.
    await addInformation(t.db, c.token, { caseId: c.id, version: 1, text: "ạ".repeat(5000) }, [], now);
  });

  it("lets only one of two concurrent submissions made from the same page through", async () => {
    const c = await makeCase({ status: "accepted" });
    const results = await Promise.allSettled(
      [1, 2].map((n) => addInformation(t.db, c.token, { caseId: c.id, version: c.version, text: `lần ${n}` }, [], now)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict", message: "stale_version" });
    expect((await row(c.id)).version).toBe(c.version + 1);
  });
});

describe("replying to an information request", () => {
  it("goes back to accepted and moves the deadline by the pause when the policy pauses the clock", async () => {
    // Petition: 20 calendar days, paused while waiting. Asked on 17/11, answered on 27/11: 10 days later,
    // 20/12 is a Sunday, so the deadline ends on Monday 21/12.
    const c = await makeCase({ kind: "petition", status: "info_requested", resolutionDueOn: "2026-12-10", pausedAt: new Date("2026-11-17T02:00:00Z") });
    const result = await provideRequestedInfo(t.db, c.token, { caseId: c.id, version: c.version, text: "Tôi gửi bản sao sổ đỏ." }, [], now);
    expect(result.resolutionDueOn).toBe("2026-12-21");
    const after = await row(c.id);
    expect(after).toMatchObject({ status: "accepted", resolutionDueOn: "2026-12-21", pausedAt: null, version: c.version + 1 });
    const events = (await eventsOf(c.id)).filter((e) => e.type === "case.info_provided");
    const pub = events.find((e) => e.visibility === "public")!;
    expect(pub).toMatchObject({ fromStatus: "info_requested", toStatus: "accepted", actorRole: "filer" });
    expect(pub.data).toEqual({ resolutionDueOn: "2026-12-21", previousResolutionDueOn: "2026-12-10" });
    expect(events.find((e) => e.visibility === "internal")!.data).toMatchObject({ text: "Tôi gửi bản sao sổ đỏ." });
    expect(await auditFor(events.map((e) => e.id))).toHaveLength(2);
  });

  it("takes the pause from the information request when paused_at was not recorded", async () => {
    const c = await makeCase({ kind: "report", status: "info_requested", resolutionDueOn: "2026-12-01" });
    await t.db.insert(caseEvents).values({
      caseId: c.id,
      type: "case.info_requested",
      visibility: "public",
      fromStatus: "accepted",
      toStatus: "info_requested",
      reason: "Đề nghị gửi ảnh hiện trạng.",
      createdAt: new Date("2026-11-20T02:00:00Z"),
    });
    expect((await getFilerCase(t.db, c.id, now))!.infoRequest).toBe("Đề nghị gửi ảnh hiện trạng.");
    const result = await provideRequestedInfo(t.db, c.token, { caseId: c.id, version: c.version, text: "Ảnh đã gửi kèm." }, [{ name: "a.png", bytes: PNG }], now);
    expect(result.resolutionDueOn).toBe(addCalendarDays("2026-12-01", 7));
  });

  it("keeps the deadline when the policy does not pause, and refuses when nothing was asked", async () => {
    const c = await makeCase({ kind: "complaint", status: "info_requested", resolutionDueOn: "2026-12-10", pausedAt: new Date("2026-11-17T02:00:00Z") });
    expect((await provideRequestedInfo(t.db, c.token, { caseId: c.id, version: c.version, text: "Bổ sung." }, [], now)).resolutionDueOn).toBe("2026-12-10");
    const accepted = await makeCase({ status: "accepted" });
    expect(await refusal(provideRequestedInfo(t.db, accepted.token, { caseId: accepted.id, version: 1, text: "x" }, [], now))).toMatchObject({
      code: "conflict",
      reason: "not_allowed",
    });
  });
});

describe("withdrawing", () => {
  it("needs an explicit confirmation, then withdraws with the reason kept internal", async () => {
    const c = await makeCase({ status: "info_requested", pausedAt: new Date("2026-11-20T02:00:00Z") });
    expect(await refusal(withdrawCase(t.db, c.token, { caseId: c.id, version: c.version, reason: "Đã tự thỏa thuận" }, now))).toMatchObject({
      code: "invalid_input",
      fields: { confirm: "confirm_required" },
    });
    await withdrawCase(t.db, c.token, { caseId: c.id, version: c.version, reason: "Hai bên đã tự thỏa thuận được.", confirm: "yes" }, now);
    expect(await row(c.id)).toMatchObject({ status: "withdrawn", pausedAt: null, version: c.version + 1 });
    const events = (await eventsOf(c.id)).filter((e) => e.type === "case.withdrawn");
    const pub = events.find((e) => e.visibility === "public")!;
    expect(pub).toMatchObject({ fromStatus: "info_requested", toStatus: "withdrawn", reason: null, data: null });
    expect(events.find((e) => e.visibility === "internal")!.data).toMatchObject({ text: "Hai bên đã tự thỏa thuận được." });
    expect(await auditFor(events.map((e) => e.id))).toHaveLength(2);
    // Once withdrawn, nothing more.
    expect(await refusal(withdrawCase(t.db, c.token, { caseId: c.id, version: c.version + 1, confirm: "yes" }, now))).toMatchObject({ reason: "not_allowed" });
  });

  it("withdraws without a reason and writes no internal event", async () => {
    const c = await makeCase({ status: "received" });
    await withdrawCase(t.db, c.token, { caseId: c.id, version: c.version, reason: "", confirm: "yes" }, now);
    expect((await eventsOf(c.id)).filter((e) => e.type === "case.withdrawn").map((e) => e.visibility)).toEqual(["public"]);
  });
});

describe("rating the answer", () => {
  it("records satisfaction once, after the answer", async () => {
    const open = await makeCase({ status: "accepted" });
    expect(await refusal(rateAnswer(t.db, open.token, { caseId: open.id, version: 1, satisfaction: "satisfied" }, now))).toMatchObject({ reason: "not_allowed" });
    const c = await makeCase({ status: "answered" });
    expect((await refusal(rateAnswer(t.db, c.token, { caseId: c.id, version: 1, satisfaction: "so-so" }, now))).fields).toEqual({ satisfaction: "required" });
    const { eventId } = await rateAnswer(t.db, c.token, { caseId: c.id, version: 1, satisfaction: "unsatisfied" }, now);
    expect(await row(c.id)).toMatchObject({ satisfaction: "unsatisfied", status: "answered", version: 2 });
    const [event] = await t.db.select().from(caseEvents).where(eq(caseEvents.id, eventId));
    expect(event).toMatchObject({ type: "case.rated", visibility: "public", data: { satisfaction: "unsatisfied" } });
    expect(await auditFor([eventId])).toHaveLength(1);
    expect(await refusal(rateAnswer(t.db, c.token, { caseId: c.id, version: 2, satisfaction: "satisfied" }, now))).toMatchObject({ reason: "not_allowed" });
  });
});

describe("contesting the answer", () => {
  it("files a first-instance complaint again as a second-instance complaint at the level above, with its own code and key", async () => {
    const c = await makeCase({ kind: "complaint", instance: 1, status: "answered", remoteArea: true });
    expect((await refusal(contestAnswer(t.db, c.token, { caseId: c.id, version: 1, reason: "  " }, now))).fields).toEqual({ reason: "required" });
    const reason = "Tôi không đồng ý với quyết định giải quyết lần đầu vì mức bồi thường thấp hơn giá thị trường.";
    const result = await contestAnswer(t.db, c.token, { caseId: c.id, version: 1, reason }, now);
    if (result.outcome !== "second_instance") throw new Error("expected a second-instance complaint");
    expect(isValidTrackingCode(result.code)).toBe(true);
    expect(result.unitId).toBe(org.province);
    // 10 working days from Friday 27/11/2026.
    expect(result.acceptanceDueOn).toBe("2026-12-11");

    const created = await row(result.caseId);
    expect(created).toMatchObject({
      kind: "complaint",
      instance: 2,
      parentCaseId: c.id,
      status: "received",
      unitId: org.province,
      acceptanceDueOn: "2026-12-11",
      resolutionDueOn: null,
      policyId: policyId.get("complaint-2"),
      body: reason,
      remoteArea: true,
      version: 1,
    });
    expect(verifyAccessKey(result.accessKey, created.accessKeyHash)).toBe(true);
    expect(verifyAccessKey(c.key, created.accessKeyHash)).toBe(false);
    const [party] = await t.db.select().from(caseParties).where(eq(caseParties.caseId, result.caseId));
    expect(unsealPersonalData(party!.keyId, party!.sealed)).toEqual(FILER);
    const newEvents = await eventsOf(result.caseId);
    expect(newEvents.map((e) => [e.type, e.visibility, e.toUnitId])).toEqual([
      ["case.received", "public", null],
      ["case.routed", "public", org.province],
    ]);

    const old = await row(c.id);
    expect(old).toMatchObject({ status: "closed", version: 2 });
    expect(old.closedAt).not.toBeNull();
    const contested = (await eventsOf(c.id)).filter((e) => e.type === "case.contested");
    expect(contested.find((e) => e.visibility === "public")).toMatchObject({ fromStatus: "answered", toStatus: "closed", toUnitId: org.province, reason: null });
    expect(contested.find((e) => e.visibility === "internal")!.data).toMatchObject({ text: reason, secondInstanceCaseId: result.caseId });
    expect(await auditFor([...newEvents, ...contested].map((e) => e.id))).toHaveLength(4);

    // The filer's key for the new case works, and the old case can no longer be contested.
    expect((await verifyFilerAccess(t.db, result.code, result.accessKey, "198.51.100.9", now)).caseId).toBe(result.caseId);
    const view = (await getFilerCase(t.db, c.id, now))!;
    expect(view.secondInstance).toEqual({ code: result.code });
    expect(view.actions.contest).toBe(false);
    expect((await getFilerCase(t.db, result.caseId, now))!.parentCase).toEqual({ code: c.code });
    expect(await refusal(contestAnswer(t.db, c.token, { caseId: c.id, version: 2, reason }, now))).toMatchObject({ reason: "not_allowed" });
  });

  it("files the second instance from a case already closed after its answer, leaving it closed", async () => {
    const c = await makeCase({ kind: "complaint", status: "closed", unitId: org.board });
    const result = await contestAnswer(t.db, c.token, { caseId: c.id, version: 1, reason: "Không đồng ý." }, now);
    expect(result).toMatchObject({ outcome: "second_instance", unitId: org.province });
    expect((await row(c.id)).status).toBe("closed");
  });

  it("refuses a complaint answered at the top (no level above) and a second-instance decision", async () => {
    const top = await makeCase({ kind: "complaint", status: "answered", unitId: org.province });
    expect(await refusal(contestAnswer(t.db, top.token, { caseId: top.id, version: 1, reason: "Không đồng ý." }, now))).toMatchObject({
      code: "conflict",
      reason: "no_higher_unit",
    });
    const second = await makeCase({ kind: "complaint", instance: 2, status: "answered" });
    expect(await refusal(contestAnswer(t.db, second.token, { caseId: second.id, version: 1, reason: "Không đồng ý." }, now))).toMatchObject({
      reason: "not_allowed",
    });
    expect((await getFilerCase(t.db, second.id, now))!.finalDecision).toBe(true);
    const notAnswered = await makeCase({ kind: "complaint", status: "closed", answered: false });
    expect(await refusal(contestAnswer(t.db, notAnswered.token, { caseId: notAnswered.id, version: 1, reason: "x" }, now))).toMatchObject({
      reason: "not_allowed",
    });
  });

  it("reopens any other kind at the level above with a new acceptance deadline from its own policy", async () => {
    const c = await makeCase({ kind: "petition", status: "answered", satisfaction: "unsatisfied", extensionsCount: 1 });
    const result = await contestAnswer(t.db, c.token, { caseId: c.id, version: 1, reason: "Đường vẫn chưa được sửa." }, now);
    expect(result).toEqual({ outcome: "reopened", caseId: c.id, unitId: org.province, acceptanceDueOn: "2026-12-04" });
    expect(await row(c.id)).toMatchObject({
      status: "received",
      unitId: org.province,
      acceptanceDueOn: "2026-12-04",
      acceptedAt: null,
      resolutionDueOn: null,
      answeredAt: null,
      closedAt: null,
      satisfaction: null,
      extensionsCount: 0,
      policyId: policyId.get("petition-any"),
      version: 2,
    });
    const reopened = (await eventsOf(c.id)).filter((e) => e.type === "case.reopened");
    expect(reopened.find((e) => e.visibility === "public")).toMatchObject({
      fromStatus: "answered",
      toStatus: "received",
      fromUnitId: org.commune,
      toUnitId: org.province,
      reason: null,
    });
    expect(reopened.find((e) => e.visibility === "internal")!.data).toMatchObject({ text: "Đường vẫn chưa được sửa.", previousSatisfaction: "unsatisfied" });
    expect(await auditFor(reopened.map((e) => e.id))).toHaveLength(2);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("reopens at the same unit when there is no level above", async () => {
    const c = await makeCase({ kind: "report", status: "closed", unitId: org.province });
    const result = await contestAnswer(t.db, c.token, { caseId: c.id, version: 1, reason: "Chưa thỏa đáng." }, now);
    expect(result).toMatchObject({ outcome: "reopened", unitId: org.province });
    expect((await row(c.id)).status).toBe("received");
  });

  it("refuses a stale version", async () => {
    const c = await makeCase({ kind: "petition", status: "answered" });
    expect(await refusal(contestAnswer(t.db, c.token, { caseId: c.id, version: 3, reason: "x" }, now))).toMatchObject({
      code: "conflict",
      reason: "stale_version",
    });
  });
});

describe("attachment downloads", () => {
  it("serves filer files to the filer's token, and every file to staff of the case's unit or above only", async () => {
    const c = await makeCase({ status: "accepted" });
    const other = await makeCase({ status: "accepted" });
    const [pub, internal] = await t.db
      .insert(attachments)
      .values([
        { caseId: c.id, fileName: "anh.png", contentType: "image/png", size: 16, sha256: "x", data: Buffer.from(PNG), visibility: "filer" },
        { caseId: c.id, fileName: "bao-cao.pdf", contentType: "application/pdf", size: 5, sha256: "y", data: Buffer.from("%PDF-"), visibility: "internal" },
      ])
      .returning({ id: attachments.id });
    const staff = (unitId: string, role: "intake" | "leader"): Viewer => ({
      userId: "u",
      email: "a@b.c",
      name: null,
      locale: "vi",
      memberships: [{ unitId, unitName: "", unitNameEn: "", role }],
    });
    const as = (token: string | undefined, viewer: Viewer | null) => ({
      filerToken: (code: string) => (code === c.code ? token : undefined),
      viewer: async () => viewer,
    });
    expect((await authorizeAttachmentDownload(t.db, pub!.id, as(c.token, null), now))?.fileName).toBe("anh.png");
    expect(await authorizeAttachmentDownload(t.db, internal!.id, as(c.token, null), now)).toBeNull();
    expect(await authorizeAttachmentDownload(t.db, pub!.id, as(other.token, null), now)).toBeNull();
    expect(await authorizeAttachmentDownload(t.db, pub!.id, as(undefined, null), now)).toBeNull();
    expect((await authorizeAttachmentDownload(t.db, internal!.id, as(undefined, staff(org.commune, "intake")), now))?.contentType).toBe("application/pdf");
    expect(await authorizeAttachmentDownload(t.db, internal!.id, as(undefined, staff(org.board, "intake")), now)).toBeNull();
    expect(await authorizeAttachmentDownload(t.db, pub!.id, as(undefined, staff(org.board, "leader")), now)).toBeNull();
    expect(await authorizeAttachmentDownload(t.db, pub!.id, as(undefined, staff(org.province, "leader")), now)).not.toBeNull();
    expect(await authorizeAttachmentDownload(t.db, "not-a-uuid", as(c.token, null), now)).toBeNull();
  });

  it("opens a denunciation's files only to the filer and the named handler, not to the rest of the unit", async () => {
    const c = await makeCase({ kind: "denunciation", status: "accepted", unitId: org.commune });
    const [file] = await t.db
      .insert(attachments)
      .values({ caseId: c.id, fileName: "bang-chung.png", contentType: "image/png", size: 16, sha256: "z", data: Buffer.from(PNG), visibility: "filer" })
      .returning({ id: attachments.id });
    const [handler] = await t.db.insert(users).values({ email: "xuly.tocao@example.com" }).returning({ id: users.id });
    const handlerId = handler!.id;
    await t.db.update(cases).set({ assigneeId: handlerId }).where(eq(cases.id, c.id));
    const member = (userId: string): Viewer => ({ userId, email: "h@b.c", name: null, locale: "vi", memberships: [{ unitId: org.commune, unitName: "", unitNameEn: "", role: "handler" }] });
    const as = (token: string | undefined, viewer: Viewer | null) => ({ filerToken: () => token, viewer: async () => viewer });
    expect(await authorizeAttachmentDownload(t.db, file!.id, as(c.token, null), now)).not.toBeNull();
    expect(await authorizeAttachmentDownload(t.db, file!.id, as(undefined, member(handlerId)), now)).not.toBeNull();
    expect(await authorizeAttachmentDownload(t.db, file!.id, as(undefined, member("another-official")), now)).toBeNull();
  });
});
