// A small organisation for mail and scheduler tests: a province committee with two wards below it, staff in each
// role, the holiday calendar, and a factory for cases with or without a filer email.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { areas, caseParties, cases, categories, holidays, memberships, units, users } from "@/db/schema";
import { DEFAULT_HOLIDAYS } from "@/domain/holidays-data";
import { generateAccessKey, generateTrackingCode, hashAccessKey } from "@/domain/tracking-code";
import type { CaseStatus } from "@/domain/types";
import { sealPersonalData } from "@/server/privacy/personal-data";

export type Org = Awaited<ReturnType<typeof makeOrganisation>>;

export async function makeOrganisation(db: Database) {
  const tag = randomBytes(3).toString("hex");
  await db.insert(holidays).values(DEFAULT_HOLIDAYS.map((h) => ({ date: h.date, kind: h.kind, name: h.name ?? "" }))).onConflictDoNothing();
  const [province] = await db.insert(areas).values({ code: `p-${tag}`, name: "Tỉnh Gia Lai", kind: "province" }).returning();
  const [ward] = await db.insert(areas).values({ code: `w-${tag}`, name: "Phường Quy Nhơn", kind: "ward", parentId: province!.id }).returning();
  const [category] = await db.insert(categories).values({ code: `c-${tag}`, nameVi: "Đất đai", nameEn: "Land" }).returning();
  const [top] = await db.insert(units).values({ code: `u-top-${tag}`, name: "UBND tỉnh Gia Lai", nameEn: "Gia Lai Provincial People's Committee", kind: "peoples_committee", areaId: province!.id }).returning();
  const [wardUnit] = await db
    .insert(units)
    .values({ code: `u-qn-${tag}`, name: "UBND phường Quy Nhơn", nameEn: "Quy Nhon Ward People's Committee", kind: "peoples_committee", parentId: top!.id, areaId: ward!.id })
    .returning();
  const [otherUnit] = await db
    .insert(units)
    .values({ code: `u-pk-${tag}`, name: "UBND phường Pleiku", nameEn: "Pleiku Ward People's Committee", kind: "peoples_committee", parentId: top!.id })
    .returning();
  const person = async (key: string, locale: "vi" | "en", roles: [string, "intake" | "handler" | "leader" | "overseer" | "admin"][], extra: Partial<typeof users.$inferInsert> = {}) => {
    const [user] = await db.insert(users).values({ email: `${key}-${tag}@example.com`, name: key, locale, ...extra }).returning();
    for (const [unitId, role] of roles) await db.insert(memberships).values({ userId: user!.id, unitId, role, validFrom: "2025-07-01" });
    return user!;
  };
  const people = {
    intakeWard: await person("intake-ward", "vi", [[wardUnit!.id, "intake"]]),
    intakeWardEn: await person("intake-ward-en", "en", [[wardUnit!.id, "intake"]]),
    handlerWard: await person("handler-ward", "vi", [[wardUnit!.id, "handler"]]),
    leaderWard: await person("leader-ward", "en", [[wardUnit!.id, "leader"]]),
    leaderTop: await person("leader-top", "vi", [[top!.id, "leader"]]),
    overseerTop: await person("overseer-top", "vi", [[top!.id, "overseer"]]),
    intakeOther: await person("intake-other", "vi", [[otherUnit!.id, "intake"]]),
    admin: await person("admin", "vi", [[top!.id, "admin"]]),
    disabledIntake: await person("disabled-intake", "vi", [[wardUnit!.id, "intake"]], { disabledAt: new Date("2026-01-01T00:00:00Z") }),
  };
  // A membership that ended: no mail.
  const [former] = await db.insert(users).values({ email: `former-${tag}@example.com`, name: "former", locale: "vi" }).returning();
  await db.insert(memberships).values({ userId: former!.id, unitId: wardUnit!.id, role: "intake", validFrom: "2025-07-01", validTo: "2025-12-31" });
  return { tag, areaId: ward!.id, categoryId: category!.id, top: top!, ward: wardUnit!, other: otherUnit!, people };
}

export type CaseFields = {
  status?: CaseStatus;
  kind?: "petition" | "report" | "complaint" | "denunciation" | "contribution";
  language?: "vi" | "en";
  unitId?: string;
  acceptanceDueOn?: string;
  resolutionDueOn?: string | null;
  pausedAt?: Date | null;
  assigneeId?: string | null;
  draftAuthorId?: string | null;
  /** null: the filer gave no email; "anonymous": no identity at all. */
  filerEmail?: string | null | "anonymous";
};

export async function makeCase(db: Database, org: Org, f: CaseFields = {}) {
  const [row] = await db
    .insert(cases)
    .values({
      code: generateTrackingCode(),
      accessKeyHash: hashAccessKey(generateAccessKey()),
      kind: f.kind ?? "report",
      status: f.status ?? "received",
      categoryId: org.categoryId,
      areaId: org.areaId,
      title: "Đèn đường hỏng",
      body: "Nội dung",
      language: f.language ?? "vi",
      unitId: f.unitId ?? org.ward.id,
      routingReason: "test",
      acceptanceDueOn: f.acceptanceDueOn ?? "2027-02-18",
      resolutionDueOn: f.resolutionDueOn ?? null,
      pausedAt: f.pausedAt ?? null,
      assigneeId: f.assigneeId ?? null,
      draftAuthorId: f.draftAuthorId ?? null,
    })
    .returning();
  const email = f.filerEmail === undefined ? `filer-${row!.code.toLowerCase()}@example.com` : f.filerEmail;
  await db.insert(caseParties).values({
    caseId: row!.id,
    role: "filer",
    anonymous: email === "anonymous",
    ...sealPersonalData(email === "anonymous" ? {} : { name: "Nguyễn Văn A", ...(email ? { email } : {}) }),
  });
  return { ...row!, filerEmail: email === "anonymous" ? null : email };
}

export async function caseById(db: Database, id: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row!;
}

/** An instant given as local (Asia/Ho_Chi_Minh) date and time. */
export function vn(date: string, time = "08:00"): Date {
  return new Date(`${date}T${time}:00+07:00`);
}
