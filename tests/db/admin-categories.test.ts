// Fields of life and the citizen-form texts, administered: each change by an administrator only, checked by field,
// audited in the same transaction; the filing form then offers the active fields and shows the texts as reworded.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, categories, formTexts, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { MESSAGES } from "@/i18n/messages";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { createCategory } from "@/server/categories/create-category";
import { deactivateCategory } from "@/server/categories/deactivate-category";
import { listCategories } from "@/server/categories/list-categories";
import { listCategoryHelp } from "@/server/categories/list-category-help";
import { moveCategory } from "@/server/categories/move-category";
import { reactivateCategory } from "@/server/categories/reactivate-category";
import { updateCategory } from "@/server/categories/update-category";
import { AppError } from "@/server/errors";
import { citizenFormTexts } from "@/server/form-texts/citizen-form-texts";
import { listFormTexts } from "@/server/form-texts/list-form-texts";
import { previewFormText } from "@/server/form-texts/preview-form-text";
import { restoreFormText } from "@/server/form-texts/restore-form-text";
import { saveFormText } from "@/server/form-texts/save-form-text";
import { listIntakeOptions } from "@/server/intake/list-intake-options";
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

async function refusedWith(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  const error = await (typeof p === "function" ? Promise.resolve().then(p) : p).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const admin = () => viewer("quantri");
const nonAdmins = ["canbo.syt", "lanhdao.tinh"];
const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));
const byCode = async (code: string) => (await t.db.select().from(categories).where(eq(categories.code, code)))[0];
const order = async () => (await listCategories(t.db, await admin())).map((c) => c.code);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});

afterAll(async () => {
  await t?.close();
});

describe("fields of life", () => {
  it("lists the demo fields in the form's order, with descriptions in both languages and case counts", async () => {
    const list = await listCategories(t.db, await admin());
    expect(list[0]!.code).toBe("land");
    expect(list.at(-1)!.code).toBe("other");
    expect(list.every((c) => c.active)).toBe(true);
    expect(list.find((c) => c.code === "land")).toMatchObject({ descriptionVi: expect.stringContaining("đất"), descriptionEn: expect.stringContaining("land") });
    expect(list.reduce((n, c) => n + c.cases, 0)).toBeGreaterThan(0);
  });

  it("creates a field last on the form, code lower-cased and texts cleaned, audited", async () => {
    const { id } = await createCategory(t.db, await admin(), { code: " Water_Supply ", nameVi: "  Cấp   nước ", nameEn: "Water supply", descriptionVi: "Nước sạch,\r\n nước sinh hoạt.", descriptionEn: "" });
    const row = await byCode("water_supply");
    expect(row).toMatchObject({ id, nameVi: "Cấp nước", descriptionVi: "Nước sạch, nước sinh hoạt.", descriptionEn: null, active: true });
    expect((await order()).at(-1)).toBe("water_supply");
    const [audit] = await audits("category.created");
    expect(audit).toMatchObject({ entityType: "category", entityId: id });
    expect((audit!.data as { after: { code: string } }).after.code).toBe("water_supply");
    // The filing form offers it at once in this process.
    expect((await listIntakeOptions(t.db)).categories.map((c) => c.code)).toContain("water_supply");
  });

  it("refuses a taken code, a bad code, missing names and over-long texts, by field", async () => {
    const taken = await refusedWith(createCategory(t.db, await admin(), { code: "land", nameVi: "Đất", nameEn: "Land" }));
    expect(taken.details?.fields).toEqual({ code: "taken" });
    const bad = await refusedWith(createCategory(t.db, await admin(), { code: "đất-đai", nameVi: "", nameEn: " ", descriptionVi: "x".repeat(401) }));
    expect(bad.code).toBe("invalid_input");
    expect(bad.details?.fields).toEqual({ code: "invalid", nameVi: "required", nameEn: "required", descriptionVi: "too_long" });
    const missing = await refusedWith(createCategory(t.db, await admin(), {}));
    expect(missing.details?.fields).toMatchObject({ code: "required", nameVi: "required" });
    expect(await audits("category.created")).toHaveLength(1);
  });

  it("updates names and descriptions in both languages, keeping the code; audited with before and after", async () => {
    const row = await byCode("water_supply");
    await updateCategory(t.db, await admin(), { id: row!.id, nameVi: "Cấp nước sạch", nameEn: "Clean water", descriptionVi: "", descriptionEn: "Drinking water." });
    expect(await byCode("water_supply")).toMatchObject({ nameVi: "Cấp nước sạch", nameEn: "Clean water", descriptionVi: null, descriptionEn: "Drinking water." });
    const [audit] = await audits("category.updated");
    expect(audit!.data).toMatchObject({ before: { nameVi: "Cấp nước" }, after: { nameVi: "Cấp nước sạch", code: "water_supply" } });
    const e = await refusedWith(updateCategory(t.db, await admin(), { id: row!.id, nameVi: "", nameEn: "x" }));
    expect(e.details?.fields).toEqual({ nameVi: "required" });
    expect((await refusedWith(updateCategory(t.db, await admin(), { id: "not-an-id", nameVi: "x", nameEn: "x" }))).code).toBe("not_found");
    expect((await refusedWith(updateCategory(t.db, await admin(), { id: "00000000-0000-4000-8000-000000000000", nameVi: "x", nameEn: "x" }))).code).toBe("not_found");
  });

  it("moves a field up and down one place; at an end nothing changes", async () => {
    const before = await order();
    const row = await byCode("water_supply");
    expect(await moveCategory(t.db, await admin(), { id: row!.id, direction: "up" })).toEqual({ moved: true });
    const after = await order();
    expect(after.at(-1)).toBe(before.at(-2));
    expect(after.at(-2)).toBe("water_supply");
    await moveCategory(t.db, await admin(), { id: row!.id, direction: "down" });
    expect(await order()).toEqual(before);
    const land = await byCode("land");
    expect(await moveCategory(t.db, await admin(), { id: land!.id, direction: "up" })).toEqual({ moved: false });
    expect(await order()).toEqual(before);
    // The form offers them in the same order.
    expect((await listIntakeOptions(t.db)).categories.map((c) => c.code)).toEqual(before);
    expect(await audits("category.moved")).toHaveLength(3);
    const bad = await refusedWith(moveCategory(t.db, await admin(), { id: land!.id, direction: "sideways" }));
    expect(bad.details?.fields).toEqual({ direction: "invalid" });
  });

  it("deactivates a field: no longer offered to citizens, its cases keep it; reactivates it", async () => {
    const env = await byCode("environment");
    const casesBefore = (await listCategories(t.db, await admin())).find((c) => c.code === "environment")!.cases;
    expect(casesBefore).toBeGreaterThan(0);
    await deactivateCategory(t.db, await admin(), { id: env!.id });
    expect((await byCode("environment"))!.active).toBe(false);
    expect((await listIntakeOptions(t.db)).categories.map((c) => c.code)).not.toContain("environment");
    expect((await listCategoryHelp(t.db, "vi"))[env!.id]).toBeUndefined();
    expect((await listCategories(t.db, await admin())).find((c) => c.code === "environment")).toMatchObject({ active: false, cases: casesBefore });
    await reactivateCategory(t.db, await admin(), { id: env!.id });
    expect((await listIntakeOptions(t.db)).categories.map((c) => c.code)).toContain("environment");
    expect(await audits("category.deactivated")).toHaveLength(1);
    expect(await audits("category.reactivated")).toHaveLength(1);
  });

  it("refuses to deactivate the last active field, writing nothing", async () => {
    const all = await t.db.select().from(categories);
    const keep = all.find((c) => c.code === "other")!;
    await t.db.update(categories).set({ active: false });
    await t.db.update(categories).set({ active: true }).where(eq(categories.id, keep.id));
    const e = await refusedWith(deactivateCategory(t.db, await admin(), { id: keep.id }));
    expect(e.message).toBe("last_active");
    expect((await byCode("other"))!.active).toBe(true);
    expect(await audits("category.deactivated")).toHaveLength(1);
    for (const c of all) await t.db.update(categories).set({ active: c.active }).where(eq(categories.id, c.id));
  });

  it("gives the filing form each active field's description in the reader's language", async () => {
    const land = await byCode("land");
    const vi = await listCategoryHelp(t.db, "vi");
    const en = await listCategoryHelp(t.db, "en");
    expect(vi[land!.id]).toBe(land!.descriptionVi);
    expect(en[land!.id]).toBe(land!.descriptionEn);
    const water = await byCode("water_supply");
    // Described in English only: nothing for a Vietnamese reader.
    expect(vi[water!.id]).toBeUndefined();
    expect(en[water!.id]).toBe("Drinking water.");
  });
});

describe("citizen-form texts", () => {
  it("lists every key with its bundled default in both languages, none reworded yet", async () => {
    const texts = await listFormTexts(t.db, await admin());
    expect(texts.map((x) => x.key)).toContain("term_accept");
    expect(texts.every((x) => x.stored === null)).toBe(true);
    expect(texts.find((x) => x.key === "term_accept")!.bundled).toEqual({ vi: MESSAGES.vi.intake.termAccept, en: MESSAGES.en.intake.termAccept });
    expect((await citizenFormTexts(t.db, "vi")).term_accept).toBe(MESSAGES.vi.intake.termAccept);
  });

  it("previews a text cleaned, saving nothing", async () => {
    const shown = previewFormText(await admin(), { key: "term_accept", textVi: " Thụ lý:\n cơ quan nhận giải quyết. ", textEn: "Accepted: taken up." });
    expect(shown).toEqual({ key: "term_accept", textVi: "Thụ lý: cơ quan nhận giải quyết.", textEn: "Accepted: taken up." });
    expect(await t.db.select().from(formTexts)).toHaveLength(0);
  });

  it("saves a text in both languages; the form shows it; saving again replaces it; audited with before and after", async () => {
    const a = await admin();
    await saveFormText(t.db, a, { key: "term_accept", textVi: "Thụ lý: cơ quan nhận giải quyết.", textEn: "Accepted: taken up." });
    expect((await citizenFormTexts(t.db, "vi")).term_accept).toBe("Thụ lý: cơ quan nhận giải quyết.");
    expect((await citizenFormTexts(t.db, "en")).term_accept).toBe("Accepted: taken up.");
    expect((await citizenFormTexts(t.db, "vi")).privacy).toBe(MESSAGES.vi.intake.identityNote);
    await saveFormText(t.db, a, { key: "term_accept", textVi: "Thụ lý là nhận giải quyết.", textEn: "Accepted means taken up." });
    const [row] = await t.db.select().from(formTexts).where(eq(formTexts.key, "term_accept"));
    expect(row).toMatchObject({ textVi: "Thụ lý là nhận giải quyết.", updatedBy: a.userId });
    const saved = await audits("form_text.saved");
    expect(saved).toHaveLength(2);
    expect(saved.map((s) => s.data)).toContainEqual({ before: { vi: "Thụ lý: cơ quan nhận giải quyết.", en: "Accepted: taken up." }, after: { vi: "Thụ lý là nhận giải quyết.", en: "Accepted means taken up." } });
    const listed = (await listFormTexts(t.db, a)).find((x) => x.key === "term_accept")!;
    expect(listed.stored).toMatchObject({ vi: "Thụ lý là nhận giải quyết.", updatedBy: a.name ?? a.email });
  });

  it("refuses a missing or over-long text by field, and an unknown key as not found", async () => {
    const e = await refusedWith(saveFormText(t.db, await admin(), { key: "consent", textVi: "", textEn: "x".repeat(301) }));
    expect(e.details?.fields).toEqual({ textVi: "required", textEn: "too_long" });
    const preview = await refusedWith(async () => previewFormText(await admin(), { key: "consent", textVi: "  ", textEn: "ok" }));
    expect(preview.details?.fields).toEqual({ textVi: "required" });
    expect((await refusedWith(saveFormText(t.db, await admin(), { key: "kind.petition", textVi: "x", textEn: "y" }))).code).toBe("not_found");
    expect(await t.db.select().from(formTexts).where(eq(formTexts.key, "consent"))).toHaveLength(0);
  });

  it("restores the default by deleting the row (kept in the audit entry)", async () => {
    const { restored } = await restoreFormText(t.db, await admin(), { key: "term_accept" });
    expect(restored).toBe(true);
    expect(await t.db.select().from(formTexts)).toHaveLength(0);
    expect((await citizenFormTexts(t.db, "vi")).term_accept).toBe(MESSAGES.vi.intake.termAccept);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "form_text.restored"), eq(auditLog.entityId, "term_accept")));
    expect(audit!.data).toEqual({ before: { vi: "Thụ lý là nhận giải quyết.", en: "Accepted means taken up." } });
    expect((await refusedWith(restoreFormText(t.db, await admin(), { key: "nope" }))).code).toBe("not_found");
  });
});

describe("non-administrators", () => {
  it("are refused every read and change, and nothing is written", async () => {
    const land = await byCode("land");
    const auditsBefore = (await t.db.select().from(auditLog)).length;
    for (const name of nonAdmins) {
      const v = await viewer(name);
      const attempts: (() => Promise<unknown> | unknown)[] = [
        () => listCategories(t.db, v),
        () => createCategory(t.db, v, { code: "sneaky", nameVi: "Lén", nameEn: "Sneaky" }),
        () => updateCategory(t.db, v, { id: land!.id, nameVi: "Đổi", nameEn: "Changed" }),
        () => moveCategory(t.db, v, { id: land!.id, direction: "down" }),
        () => deactivateCategory(t.db, v, { id: land!.id }),
        () => reactivateCategory(t.db, v, { id: land!.id }),
        () => listFormTexts(t.db, v),
        () => previewFormText(v, { key: "intro", textVi: "x", textEn: "y" }),
        () => saveFormText(t.db, v, { key: "intro", textVi: "Lén", textEn: "Sneaky" }),
        () => restoreFormText(t.db, v, { key: "intro" }),
      ];
      for (const attempt of attempts) expect((await refusedWith(attempt)).code).toBe("forbidden");
    }
    expect((await refusedWith(listCategories(t.db, null))).code).toBe("unauthenticated");
    expect(await byCode("sneaky")).toBeUndefined();
    expect(await byCode("land")).toMatchObject({ nameVi: "Đất đai", active: true });
    expect(await t.db.select().from(formTexts)).toHaveLength(0);
    expect((await t.db.select().from(auditLog)).length).toBe(auditsBefore);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
