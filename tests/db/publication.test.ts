// "Công khai": which answers are published, and that nothing published can identify a filer. On the demo data
// (its answered cases with consent are published by the seed) and on cases filed here through the real services,
// with the filer's name, phone, email, address and ID number written into the question and the answer.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areas, caseParties, cases, categories, publicAnswers, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { foldText } from "@/domain/dialogue/text-match";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { contestAnswer } from "@/server/filer/contest-answer";
import { createFilerToken } from "@/server/filer/filer-session";
import { rateAnswer } from "@/server/filer/rate-answer";
import { publicAnswerPage, publicAnswersPage, PUBLICATION_CACHED_PAGES } from "@/server/http/cached-publication-pages";
import { submitCase } from "@/server/intake/submit-case";
import type { SubmitCaseInput } from "@/server/intake/submit-case-input";
import { unsealPersonalData, type PersonalData } from "@/server/privacy/personal-data";
import { getPublicCase } from "@/server/tracking/get-public-case";
import { getPublicAnswer, listPublicAnswersForSitemap } from "@/server/publication/get-public-answer";
import { listPublicAnswers, publicAnswerFilterOptions } from "@/server/publication/list-public-answers";
import { readPublicAnswerQuery, type PublicAnswerQuery } from "@/server/publication/public-answer-query";
import { publishAnswers } from "@/server/publication/publish-answers";
import { acceptCase, approveAnswer, saveDraft } from "@/server/workspace/case-actions";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const SEED_NOW = new Date("2026-11-27T03:00:00Z");
const vn = (date: string, time = "09:00") => new Date(`${date}T${time}:00+07:00`);
const id = { area: {} as Record<string, string>, category: {} as Record<string, string> };
let filers: PersonalData[] = [];
let leader: Viewer;
let ip = 0;

const version = async (caseId: string) => (await t.db.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.v;
const ref = async (caseId: string) => ({ caseId, version: await version(caseId) });
const rowOf = async (caseId: string) => (await t.db.select().from(publicAnswers).where(eq(publicAnswers.caseId, caseId)))[0] ?? null;
const query = (q: Partial<PublicAnswerQuery>): PublicAnswerQuery => ({ page: 1, ...q });

/** Every published row and every page's data, as one text to search for identities. */
async function everythingPublished(): Promise<string> {
  const rows = await t.db.select().from(publicAnswers);
  const pages: unknown[] = [];
  const first = await listPublicAnswers(t.db, query({}));
  for (let page = 1; page <= first.pages; page++) pages.push(await listPublicAnswers(t.db, query({ page })));
  for (const r of rows) pages.push(await getPublicAnswer(t.db, r.id));
  pages.push(await publicAnswerFilterOptions(t.db));
  return JSON.stringify([rows, pages]);
}

/** Whether any identity of these people is in the text: names and addresses folded, numbers with any separators. */
function leaks(text: string, people: PersonalData[]): string[] {
  const folded = foldText(text);
  const digits = text.replace(/(?<=\d)[\s.\-]+(?=\d)/g, "");
  const found: string[] = [];
  for (const p of people) {
    for (const v of [p.name, p.address]) if (v && new RegExp(`(^| )${foldText(v)}( |$)`).test(folded)) found.push(v);
    if (p.email && text.toLowerCase().includes(p.email.toLowerCase())) found.push(p.email);
    for (const n of [p.phone, p.idNumber]) {
      const d = n?.replace(/\D/g, "");
      if (d && new RegExp(`(?<!\\d)(${d}|${d.replace(/^0/, "84")})(?!\\d)`).test(digits)) found.push(n!);
    }
  }
  return found;
}

async function file(input: Partial<SubmitCaseInput>, now: Date) {
  const result = await submitCase(
    { db: t.db, ip: `198.51.100.${++ip}`, userId: null, now },
    {
      kind: "petition",
      categoryId: id.category.land!,
      areaId: id.area["demo-23602"]!,
      title: "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
      body: "Gia đình tôi đã nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất nhưng chưa nhận được kết quả.",
      name: "Người gửi thử",
      phone: `0905${String(100000 + ip)}`,
      email: `nguoigui.${randomUUID().slice(0, 6)}@example.com`,
      filerAddress: "Tổ dân phố 5, Phường Pleiku",
      consentPublish: true,
      idempotencyKey: randomUUID(),
      ...input,
    },
    [],
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.receipt.caseId;
}

async function answer(caseId: string, text: string, at: Date) {
  await acceptCase(t.db, leader, await ref(caseId), at);
  await saveDraft(t.db, leader, { ...(await ref(caseId)), draft: text, submit: true }, at);
  await approveAnswer(t.db, leader, await ref(caseId), at);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, SEED_NOW);
  for (const a of await t.db.select().from(areas)) id.area[a.code] = a.id;
  for (const c of await t.db.select().from(categories)) id.category[c.code] = c.id;
  filers = (await t.db.select().from(caseParties)).map((p) => unsealPersonalData(p.keyId, p.sealed));
  const email = "lanhdao.pleiku@doithoai.example";
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  leader = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
});
afterAll(() => t.close());

describe("the demo's published answers", () => {
  it("are exactly the answered cases whose filer consented and whose answer is public, never a denunciation", async () => {
    const published = await t.db.select({ caseId: publicAnswers.caseId, kind: publicAnswers.kind }).from(publicAnswers);
    const expected = await t.db
      .select({ id: cases.id })
      .from(cases)
      .where(sql`consent_publish and answer_public and answer is not null and status in ('answered', 'closed') and answered_at is not null and kind <> 'denunciation'`);
    expect(published.length).toBeGreaterThanOrEqual(6);
    expect(new Set(published.map((p) => p.caseId))).toEqual(new Set(expected.map((e) => e.id)));
    expect(published.every((p) => p.kind !== "denunciation")).toBe(true);
    // A second run finds nothing to do.
    expect(await publishAnswers(t.db)).toEqual({ published: 0, removed: 0 });
  });

  it("contain no identity of any fixture filer or denounced person, in the rows or in the pages' data", async () => {
    expect(filers.filter((f) => f.name).length).toBeGreaterThan(10);
    expect(leaks(await everythingPublished(), filers)).toEqual([]);
  });

  it("are listed by the sitemap and found by the pages' cache", async () => {
    const rows = await t.db.select({ id: publicAnswers.id }).from(publicAnswers);
    const listed = await listPublicAnswersForSitemap(t.db);
    expect(new Set(listed.map((l) => l.id))).toEqual(new Set(rows.map((r) => r.id)));
    expect(PUBLICATION_CACHED_PAGES.map((p) => p.match("/cong-khai"))).toEqual(["", null]);
    expect(publicAnswerPage.match(`/cong-khai/${rows[0]!.id}`)).toBe(rows[0]!.id);
    expect(publicAnswerPage.match("/cong-khai/khong-co")).toBeNull();
    expect(await publicAnswerPage.validator(t.db, rows[0]!.id, SEED_NOW)).toMatch(/\|/);
    expect(await publicAnswerPage.validator(t.db, randomUUID(), SEED_NOW)).toBeNull();
    expect(await getPublicAnswer(t.db, "not-a-uuid")).toBeNull();
    expect(await getPublicAnswer(t.db, randomUUID())).toBeNull();
  });
});

describe("publishing as the answer is given", () => {
  const hoa = { name: "Nguyễn Thị Hoa", phone: "0905123456", email: "hoa.nguyen@example.com", filerAddress: "Tổ dân phố 7, Phường Pleiku", idNumber: "064190001234" };
  let published: string;

  it("publishes with consent, in the answer's own transaction, with the filer's identities hidden", async () => {
    const before = await publicAnswersPage.validator(t.db, "", SEED_NOW);
    published = await file(
      {
        ...hoa,
        title: "Nguyễn Thị Hoa đề nghị sửa đường ống nước",
        body: "Tôi là NGUYEN THI HOA, nhà ở Tổ dân phố 7, Phường Pleiku. Đường ống nước sạch trước nhà bị vỡ đã hai tuần. Số điện thoại của tôi: 0905.123.456 hoặc +84 905 123 456; email Hoa.Nguyen@example.com; CCCD 064190001234.",
      },
      vn("2026-11-30"),
    );
    await answer(published, "Kính gửi bà Hoa, đơn vị đã liên hệ bà theo số 0905 123 456 và sửa xong đoạn ống nước trước nhà bà Nguyễn Thị Hoa tại Tổ dân phố 7.", vn("2026-12-03", "15:00"));
    const row = await rowOf(published);
    expect(row).not.toBeNull();
    const text = `${row!.title}\n${row!.question}\n${row!.answer}\n${row!.searchText}`;
    expect(leaks(text, [{ name: hoa.name, phone: hoa.phone, email: hoa.email, address: hoa.filerAddress, idNumber: hoa.idNumber }])).toEqual([]);
    expect(foldText(text).split(" ")).not.toContain("hoa");
    expect(row!.question).toContain("của tôi: [đã ẩn] hoặc [đã ẩn]; email");
    expect(row!.question).toContain("[đã ẩn]");
    expect(row!.question).toContain("Đường ống nước sạch trước nhà bị vỡ đã hai tuần.");
    expect(row!.answeredOn).toBe("2026-12-03");
    expect(row!.searchText).toBe(foldText(`${row!.title} ${row!.question} ${row!.answer}`));
    expect(await publicAnswersPage.validator(t.db, "", SEED_NOW)).not.toBe(before);
    // The case's status page, linked from the published answer, shows the same redacted texts.
    const status = await getPublicCase(t.db, row!.code, vn("2026-12-03", "16:00"));
    expect({ title: status!.title, body: status!.body, answer: status!.answer }).toEqual({ title: row!.title, body: row!.question, answer: row!.answer });
  });

  it("writes the placeholder in the case's language", async () => {
    const caseId = await file({ language: "en", name: "John Smith", body: "My name is John Smith and the street light in front of my house has been off for a month." }, vn("2026-11-30"));
    await answer(caseId, "Dear John Smith, the street light was repaired.", vn("2026-12-02", "15:00"));
    const row = await rowOf(caseId);
    expect(row!.question).toBe("My name is [hidden] and the street light in front of my house has been off for a month.");
    expect(row!.answer).toBe("Dear [hidden], the street light was repaired.");
  });

  it("does not publish without consent", async () => {
    const caseId = await file({ consentPublish: false }, vn("2026-11-30"));
    await answer(caseId, "Đơn vị đã cấp giấy chứng nhận.", vn("2026-12-02", "15:00"));
    expect((await t.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe("answered");
    expect(await rowOf(caseId)).toBeNull();
  });

  it("never publishes a denunciation, even when its flags say public", async () => {
    const [d] = await t.db.select({ id: cases.id }).from(cases).where(eq(cases.kind, "denunciation")).limit(1);
    await t.db
      .update(cases)
      .set({ status: "answered", answer: "Kết luận nội dung tố cáo.", answeredAt: SEED_NOW, consentPublish: true, answerPublic: true, version: sql`${cases.version} + 1` })
      .where(eq(cases.id, d!.id));
    await publishAnswers(t.db, { now: SEED_NOW });
    await publishAnswers(t.db, { caseIds: [d!.id], now: SEED_NOW });
    expect(await rowOf(d!.id)).toBeNull();
  });

  it("rewrites a row whose case changed, and removes one whose answer is no longer public", async () => {
    const caseId = await file({}, vn("2026-11-30"));
    await answer(caseId, "Đơn vị đã cấp giấy chứng nhận.", vn("2026-12-02", "15:00"));
    const first = await rowOf(caseId);
    await t.db.update(cases).set({ answer: "Đơn vị đã cấp giấy chứng nhận; xin liên hệ 0987 654 321.", version: sql`${cases.version} + 1` }).where(eq(cases.id, caseId));
    expect(await publishAnswers(t.db, { now: vn("2026-12-04") })).toEqual({ published: 1, removed: 0 });
    const second = await rowOf(caseId);
    expect(second!.id).toBe(first!.id);
    expect(second!.publishedAt).toEqual(first!.publishedAt);
    expect(second!.updatedAt).toEqual(vn("2026-12-04"));
    expect(second!.answer).toBe("Đơn vị đã cấp giấy chứng nhận; xin liên hệ [đã ẩn].");
    expect(second!.caseVersion).toBe(await version(caseId));

    await t.db.update(cases).set({ answerPublic: false, version: sql`${cases.version} + 1` }).where(eq(cases.id, caseId));
    expect(await publishAnswers(t.db, { now: vn("2026-12-05") })).toEqual({ published: 0, removed: 1 });
    expect(await rowOf(caseId)).toBeNull();
  });

  it("unpublishes a reopened case at once", async () => {
    const at = vn("2026-12-04");
    const token = (await createFilerToken(t.db, published, at)).token;
    await rateAnswer(t.db, token, { ...(await ref(published)), satisfaction: "unsatisfied" }, at);
    expect(await rowOf(published)).not.toBeNull();
    const result = await contestAnswer(t.db, token, { ...(await ref(published)), reason: "Đường ống vẫn còn rò rỉ." }, at);
    expect(result.outcome).toBe("reopened");
    expect(await rowOf(published)).toBeNull();
  });
});

describe("searching and filtering", () => {
  it("finds the same answers with or without diacritics, in any case", async () => {
    const accented = await listPublicAnswers(t.db, query({ q: "đường liên thôn" }));
    expect(accented.total).toBeGreaterThan(0);
    for (const q of ["duong lien thon", "ĐƯỜNG LIÊN THÔN", "Duong  lien-thon"]) expect((await listPublicAnswers(t.db, query({ q }))).items).toEqual(accented.items);
    for (const item of accented.items) expect(foldText(`${item.title} ${item.excerpt}`)).toMatch(/duong|lien|thon/);
    expect((await listPublicAnswers(t.db, query({ q: "khongcotukhoanay" }))).total).toBe(0);
  });

  it("filters by field, area, unit, kind and months answered", async () => {
    const all = await listPublicAnswers(t.db, query({}));
    const sample = all.items[0]!;
    const byField = await listPublicAnswers(t.db, query({ field: sample.fieldCode }));
    expect(byField.total).toBeGreaterThan(0);
    expect(byField.items.every((i) => i.fieldCode === sample.fieldCode)).toBe(true);
    const byArea = await listPublicAnswers(t.db, query({ area: sample.areaCode }));
    expect(byArea.items.every((i) => i.areaCode === sample.areaCode)).toBe(true);
    const byUnit = await listPublicAnswers(t.db, query({ unit: sample.unitCode }));
    expect(byUnit.items.every((i) => i.unitCode === sample.unitCode)).toBe(true);
    const byKind = await listPublicAnswers(t.db, query({ kind: "report" }));
    expect(byKind.items.every((i) => i.kind === "report")).toBe(true);
    const month = sample.answeredOn.slice(0, 7);
    const inMonth = await listPublicAnswers(t.db, query({ from: month, to: month }));
    expect(inMonth.total).toBeGreaterThan(0);
    expect(inMonth.items.every((i) => i.answeredOn.startsWith(month))).toBe(true);
    const [{ n } = { n: 0 }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(publicAnswers).where(and(sql`to_char(answered_on, 'YYYY-MM') = ${month}`));
    expect(inMonth.total).toBe(n);
    // Pages: the first is the newest answers, 20 at most.
    expect(all.items.length).toBe(Math.min(all.total, 20));
    expect([...all.items].sort((a, b) => b.answeredOn.localeCompare(a.answeredOn))).toEqual(all.items);
  });

  it("reports an unknown code instead of listing everything", async () => {
    expect(await listPublicAnswers(t.db, query({ unit: "khong-co" }))).toMatchObject({ total: 0, items: [], errors: ["unknown_unit"] });
    expect((await listPublicAnswers(t.db, query({ field: "khong-co", area: "khong-co" }))).errors).toEqual(["unknown_field", "unknown_area"]);
    const [u] = await t.db.select({ code: units.code }).from(units).limit(1);
    expect((await listPublicAnswers(t.db, query({ unit: u!.code }))).errors).toEqual([]);
  });

  it("tells a citizen what is wrong with a bad parameter and keeps what was typed", () => {
    const read = readPublicAnswerQuery({ q: "x".repeat(201), loai: "denunciation", tu: "2026-13", den: "2026-05", trang: "-1", "don-vi": "a b" });
    expect(read.errors).toEqual(["search_too_long", "bad_kind", "unknown_unit", "bad_from", "bad_page"]);
    expect(read.raw).toMatchObject({ kind: "denunciation", from: "2026-13", to: "2026-05", page: "-1" });
    expect(read.query).toEqual({ page: 1, to: "2026-05" });
    expect(readPublicAnswerQuery({ tu: "2026-06", den: "2026-05" }).errors).toEqual(["bad_range"]);
    expect(readPublicAnswerQuery({ q: " nước ", "linh-vuc": "land", trang: "2" }).query).toEqual({ q: "nước", field: "land", page: 2 });
  });
});
