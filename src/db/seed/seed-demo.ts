import "server-only";
import { runInTransaction } from "@/db/transaction";
import { count, eq, inArray, like, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import {
  appMeta,
  areas,
  caseEvents,
  caseParties,
  cases,
  categories,
  deadlinePolicies,
  holidays,
  memberships,
  routingRules,
  scheduledJobRuns,
  units,
  users,
} from "@/db/schema";
import { addCalendarDays, compareDates, createCalendar, toLocalDate, endOfLocalDay } from "@/domain/calendar";
import { DEFAULT_DEADLINE_POLICIES } from "@/domain/deadline-policies-data";
import { acceptanceDueDate, resolutionDueDate, selectPolicy } from "@/domain/deadlines";
import { DEFAULT_HOLIDAYS } from "@/domain/holidays-data";
import { routeCase } from "@/domain/routing";
import { generateAccessKey, generateTrackingCode, hashAccessKey } from "@/domain/tracking-code";
import type { CaseStatus } from "@/domain/types";
import { appendAudit } from "@/server/audit/append-audit";
import { policyFromRow, policyToRow } from "@/server/deadlines/policy-rows";
import { DEMO_DATA_KEY } from "@/server/meta/demo-data";
import { escalationEvent, nextEscalationOn, nextEscalationUnit, type EscalationSpell } from "@/server/scheduler/escalate-overdue-cases";
import { casesDueBy, loadUnitTree } from "@/server/scheduler/open-cases";
import { MORNING_JOBS } from "@/server/scheduler/run-scheduled-jobs";
import { MORNING_RUN_AT } from "@/server/scheduler/settings";
import { emailLookupHash, sealPersonalData } from "@/server/privacy/personal-data";
import { DEMO_CASE_TEXTS, demoFiler } from "./demo-cases";
import { seedDialogue } from "./demo-dialogue";
import { seedReception } from "./demo-reception";
import { seedPublication } from "./demo-publication";
import { seedOpen311 } from "./demo-open311";
import { seedReorganisation } from "./demo-reorganisation";
import {
  DEMO_AREAS,
  DEMO_CATEGORIES,
  DEMO_PROVINCE,
  DEMO_PROVINCE_UNITS,
  DEMO_ROUTING_RULES,
  DEMO_USERS,
  communeUnits,
} from "./demo-organisation";

export type SeedReport = { reference: "ok"; casesCreated: number };

/** Deterministic, so that every newcomer sees the same demo. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedReference(tx: Tx) {
  await tx.insert(areas).values({ ...DEMO_PROVINCE }).onConflictDoNothing({ target: areas.code });
  const [province] = await tx.select().from(areas).where(eq(areas.code, DEMO_PROVINCE.code));
  await tx
    .insert(areas)
    .values(DEMO_AREAS.map(({ slug: _slug, ...a }) => ({ ...a, parentId: province!.id })))
    .onConflictDoNothing({ target: areas.code });
  const areaRows = await tx.select().from(areas).where(like(areas.code, "demo-%"));
  const areaId = new Map<string, string>([["province", province!.id]]);
  for (const a of DEMO_AREAS) areaId.set(a.slug, areaRows.find((r) => r.code === a.code)!.id);

  const allUnits = [...DEMO_PROVINCE_UNITS, ...DEMO_AREAS.flatMap(communeUnits)];
  const unitId = new Map<string, string>();
  // Parents first: the list is ordered so that a unit's parent precedes it.
  for (const u of allUnits) {
    await tx
      .insert(units)
      .values({
        code: u.code,
        name: u.name,
        nameEn: u.nameEn,
        kind: u.kind,
        parentId: u.parent ? unitId.get(u.parent)! : null,
        areaId: u.area ? areaId.get(u.area)! : null,
      })
      .onConflictDoNothing({ target: units.code });
    const [row] = await tx.select({ id: units.id }).from(units).where(eq(units.code, u.code));
    unitId.set(u.code, row!.id);
  }

  await tx
    .insert(categories)
    .values(DEMO_CATEGORIES.map((c, i) => ({ ...c, sortOrder: i })))
    .onConflictDoNothing({ target: categories.code });
  const categoryRows = await tx.select().from(categories);
  const categoryId = new Map(categoryRows.map((c) => [c.code, c.id]));

  await tx
    .insert(holidays)
    .values(DEFAULT_HOLIDAYS.map((h) => ({ date: h.date, kind: h.kind, name: h.name ?? "" })))
    .onConflictDoNothing({ target: holidays.date });

  const [{ value: policyCount } = { value: 0 }] = await tx.select({ value: count() }).from(deadlinePolicies);
  if (policyCount === 0) {
    await tx.insert(deadlinePolicies).values(DEFAULT_DEADLINE_POLICIES.map(({ id: _id, ...p }) => policyToRow(p)));
  }

  const [{ value: ruleCount } = { value: 0 }] = await tx.select({ value: count() }).from(routingRules);
  if (ruleCount === 0) {
    await tx.insert(routingRules).values(
      DEMO_ROUTING_RULES.map((r) => ({
        kind: r.kind as (typeof routingRules.$inferInsert)["kind"],
        categoryId: r.category ? categoryId.get(r.category)! : null,
        areaId: r.area ? areaId.get(r.area)! : null,
        subjectUnitId: r.subject ? unitId.get(r.subject)! : null,
        unitId: unitId.get(r.unit)!,
        note: r.note,
      })),
    );
  }

  await tx
    .insert(users)
    .values(DEMO_USERS.map((u) => ({ email: u.email, name: u.name, emailVerified: new Date() })))
    .onConflictDoNothing({ target: users.email });
  const userRows = await tx.select().from(users).where(inArray(users.email, DEMO_USERS.map((u) => u.email)));
  const userId = new Map(userRows.map((u) => [u.email, u.id]));
  const membershipRows = DEMO_USERS.flatMap((u) =>
    u.memberships.map((m) => ({ userId: userId.get(u.email)!, unitId: unitId.get(m.unit)!, role: m.role, validFrom: "2025-07-01" })),
  );
  await tx.insert(memberships).values(membershipRows).onConflictDoNothing();

  return { areaId, unitId, categoryId, userId };
}

/** The instant of a given hour, Vietnam time, on a date. */
function atLocalHour(date: string, hour: number): Date {
  return new Date(endOfLocalDay(date).getTime() + 1 - (24 - hour) * 3_600_000);
}

type Plan = { status: CaseStatus; ageDays: number; overdue?: boolean };

/** Every status, some overdue; ages in calendar days before now. */
const PLANS: Plan[] = [
  ...[0, 1, 2, 3, 5, 6].map((ageDays) => ({ status: "received" as const, ageDays })),
  ...[24, 31].map((ageDays) => ({ status: "received" as const, ageDays, overdue: true })),
  ...[12, 15, 18, 22, 26, 30, 35].map((ageDays) => ({ status: "accepted" as const, ageDays })),
  ...[75, 90, 110].map((ageDays) => ({ status: "accepted" as const, ageDays, overdue: true })),
  ...[16, 28, 40].map((ageDays) => ({ status: "info_requested" as const, ageDays })),
  ...[9, 20, 45].map((ageDays) => ({ status: "not_accepted" as const, ageDays })),
  ...[30, 42, 55, 60, 70, 85, 95, 120].map((ageDays) => ({ status: "answered" as const, ageDays })),
  ...[100, 130, 150, 170, 200].map((ageDays) => ({ status: "closed" as const, ageDays })),
  ...[8, 50].map((ageDays) => ({ status: "withdrawn" as const, ageDays })),
];

async function seedCases(tx: Tx, ids: Awaited<ReturnType<typeof seedReference>>, now: Date): Promise<number> {
  const random = prng(20170314);
  const calendar = createCalendar(DEFAULT_HOLIDAYS);
  const policies = (await tx.select().from(deadlinePolicies)).map(policyFromRow);
  const ruleRows = await tx.select().from(routingRules);
  const unitRows = await tx.select().from(units);
  const areaRows = await tx.select().from(areas);
  const areaBySlug = new Map(DEMO_AREAS.map((a) => [a.slug, a]));
  const citizenEmail = "congdan@doithoai.example";
  // Handlers by unit: a case is only ever assigned to someone of the unit that handles it.
  const handlersByUnit = new Map<string, string[]>();
  for (const user of DEMO_USERS) {
    for (const m of user.memberships.filter((m) => m.role === "handler")) {
      const unitId = ids.unitId.get(m.unit)!;
      handlersByUnit.set(unitId, [...(handlersByUnit.get(unitId) ?? []), ids.userId.get(user.email)!]);
    }
  }

  let created = 0;
  for (const [i, plan] of PLANS.entries()) {
    const text = DEMO_CASE_TEXTS[i % DEMO_CASE_TEXTS.length]!;
    // Half the demo cases are in the two wards whose demo officers a newcomer signs in as.
    const area = i % 4 === 0 ? DEMO_AREAS[0]! : i % 4 === 1 ? DEMO_AREAS[2]! : DEMO_AREAS[(i * 7) % DEMO_AREAS.length]!;
    const receivedAt = new Date(now.getTime() - plan.ageDays * 86_400_000 - Math.floor(random() * 8) * 3_600_000);
    const receivedOn = toLocalDate(receivedAt);
    const policy = selectPolicy(policies, text.kind, 1, receivedOn)!;
    const remote = areaBySlug.get(area.slug)!.remote;
    const decision = routeCase(
      { kind: text.kind, categoryId: ids.categoryId.get(text.category)!, areaId: ids.areaId.get(area.slug)!, today: receivedOn, denounced: null },
      {
        rules: ruleRows.map((r) => ({ ...r, priority: r.priority, active: r.active })),
        units: unitRows,
        areas: areaRows,
      },
    );
    if ("error" in decision) throw new Error(`demo routing found no unit for case ${i}`);
    const acceptanceDueOn = acceptanceDueDate(calendar, policy, receivedOn);
    const acceptedOn = calendar.addWorkingDays(receivedOn, 1 + Math.floor(random() * 4));
    const accepted = ["accepted", "info_requested", "answered", "closed"].includes(plan.status);
    const resolutionDueOn = accepted ? resolutionDueDate(calendar, policy, acceptedOn, { remote }) : null;
    const at = (date: string, hour: number) => atLocalHour(date, hour);
    const acceptedAt = accepted ? at(acceptedOn, 9) : null;
    const answeredOn =
      plan.status === "answered" || plan.status === "closed"
        ? // Most answers are on time; every fourth is late.
          addCalendarDays(resolutionDueOn!, i % 4 === 0 ? 6 : -Math.floor(random() * 10) - 1)
        : null;
    const answeredAt = answeredOn ? at(answeredOn, 15) : null;
    const consent = text.kind !== "denunciation" && random() < 0.7;
    const demo = demoFiler(i, area.name, text.kind);
    const email = i % 5 === 0 ? citizenEmail : demo.email;
    const anonymous = text.kind === "contribution" && i % 2 === 1;
    const unitName = unitRows.find((u) => u.id === decision.unitId)!.name;
    const assignee = accepted ? (handlersByUnit.get(decision.unitId)?.[0] ?? null) : null;
    const withDraft = plan.status === "accepted" && !plan.overdue && assignee !== null && i % 2 === 0;

    const [row] = await tx
      .insert(cases)
      .values({
        code: generateTrackingCode(),
        accessKeyHash: hashAccessKey(generateAccessKey()),
        kind: text.kind,
        channel: i % 6 === 3 ? "reception" : "web",
        status: plan.status,
        categoryId: ids.categoryId.get(text.category)!,
        areaId: ids.areaId.get(area.slug)!,
        address: `Thôn ${1 + (i % 9)}, ${area.name}`,
        title: text.title,
        body: text.body,
        consentPublish: consent,
        unitId: decision.unitId,
        assigneeId: assignee,
        // Some cases wait for the leader's approval of a draft answer, so that a demo leader has work to do.
        ...(withDraft
          ? {
              draftAnswer: `Kính gửi ông/bà, ${unitName} đã kiểm tra nội dung phản ánh và sẽ khắc phục trong tháng tới. Trân trọng.`,
              draftStatus: "submitted" as const,
              draftAuthorId: assignee,
              draftUpdatedAt: new Date(now.getTime() - 86_400_000),
            }
          : {}),
        routingRuleId: decision.ruleId,
        routingReason: decision.reason,
        policyId: policy.id,
        remoteArea: remote,
        receivedAt,
        acceptanceDueOn,
        acceptedAt,
        resolutionDueOn,
        pausedAt: plan.status === "info_requested" ? new Date(acceptedAt!.getTime() + 3 * 86_400_000) : null,
        answeredAt,
        closedAt: plan.status === "closed" ? new Date(answeredAt!.getTime() + 7 * 86_400_000) : null,
        answer: answeredAt
          ? `${unitName} đã kiểm tra thực tế, làm việc với các bên liên quan và trả lời: nội dung phản ánh là có cơ sở một phần. Đơn vị đã chỉ đạo khắc phục và sẽ tiếp tục theo dõi. Xin cảm ơn ông/bà đã gửi ý kiến.`
          : null,
        answerPublic: consent && !!answeredAt,
        satisfaction: plan.status === "closed" ? (i % 3 === 0 ? "unsatisfied" : "satisfied") : null,
        filerEmailHash: anonymous ? null : emailLookupHash(email),
        version: 1,
      })
      .returning({ id: cases.id });
    const caseId = row!.id;
    created++;

    const filer = anonymous ? {} : { ...demo, email };
    await tx.insert(caseParties).values([
      { caseId, role: "filer" as const, anonymous, ...sealPersonalData(filer) },
      ...(text.kind === "denunciation"
        ? [{ caseId, role: "subject" as const, anonymous: false, ...sealPersonalData({ name: "Trần Văn B", position: "Công chức địa chính", organisation: `UBND ${area.name}` }) }]
        : []),
    ]);

    const events: (typeof caseEvents.$inferInsert)[] = [
      { caseId, type: "case.received", visibility: "public", toStatus: "received", createdAt: receivedAt, data: { channel: i % 6 === 3 ? "reception" : "web" } },
      { caseId, type: "case.routed", visibility: "public", toUnitId: decision.unitId, createdAt: receivedAt, data: { ruleId: decision.ruleId, reason: decision.reason, trail: decision.trail } },
    ];
    if (accepted) {
      events.push({ caseId, type: "case.accepted", visibility: "public", fromStatus: "received", toStatus: "accepted", createdAt: acceptedAt!, data: { resolutionDueOn } });
      if (assignee) events.push({ caseId, type: "case.assigned", visibility: "internal", createdAt: acceptedAt!, data: { assigneeId: assignee } });
    }
    if (withDraft) {
      events.push({ caseId, type: "case.draft_submitted", visibility: "internal", actorUserId: assignee, actorRole: "handler", createdAt: new Date(now.getTime() - 86_400_000), data: {} });
    }
    if (plan.status === "info_requested") {
      events.push({ caseId, type: "case.info_requested", visibility: "public", fromStatus: "accepted", toStatus: "info_requested", reason: "Đề nghị bổ sung bản sao giấy tờ liên quan và ảnh chụp hiện trạng.", createdAt: new Date(acceptedAt!.getTime() + 3 * 86_400_000) });
    }
    if (plan.status === "not_accepted") {
      events.push({ caseId, type: "case.not_accepted", visibility: "public", fromStatus: "received", toStatus: "not_accepted", reason: "Nội dung đã được cơ quan có thẩm quyền giải quyết bằng quyết định có hiệu lực pháp luật (Luật Khiếu nại số 02/2011/QH13, Điều 11).", data: { redirect: "Tòa án nhân dân khu vực nơi có đất, nếu ông/bà không đồng ý với quyết định giải quyết." }, createdAt: at(calendar.addWorkingDays(receivedOn, 5), 10) });
    }
    if (answeredAt) {
      events.push({ caseId, type: "case.answered", visibility: "public", fromStatus: "accepted", toStatus: "answered", createdAt: answeredAt });
    }
    if (plan.status === "closed") {
      events.push({ caseId, type: "case.closed", visibility: "public", fromStatus: "answered", toStatus: "closed", createdAt: new Date(answeredAt!.getTime() + 7 * 86_400_000) });
    }
    if (plan.status === "withdrawn") {
      events.push({ caseId, type: "case.withdrawn", visibility: "public", fromStatus: "received", toStatus: "withdrawn", reason: "Người gửi rút đơn.", createdAt: new Date(receivedAt.getTime() + 2 * 86_400_000) });
    }
    await tx.insert(caseEvents).values(events);
  }
  return created;
}

/**
 * A demo that starts calm: the sample reads as if the platform had been running. Cases overdue long enough were
 * escalated on each morning a step fell due (the first after the threshold, then again at each interval, up the
 * tree: public timeline events then, no mail now), and this morning's scheduled work counts as done, so a
 * newcomer's first start neither escalates a batch of cases nor fills the local outbox with notices and digests.
 * From the next working morning the jobs run as usual, each case on its own cadence.
 */
async function settleDemoHistory(tx: Tx, now: Date): Promise<void> {
  const calendar = createCalendar(DEFAULT_HOLIDAYS);
  const today = toLocalDate(now);
  const tree = await loadUnitTree(tx);
  for (const c of await casesDueBy(tx, addCalendarDays(today, -1))) {
    let spell: EscalationSpell = null;
    for (let on = nextEscalationOn(calendar, c.dueOn, spell); compareDates(on, today) <= 0; on = nextEscalationOn(calendar, c.dueOn, spell)) {
      const escalatedAt = new Date(Math.min(atLocalHour(on, MORNING_RUN_AT.hour).getTime(), now.getTime()));
      const above = nextEscalationUnit(tree, c.unitId, spell);
      const round: number = (spell?.round ?? 0) + 1;
      await tx.update(cases).set({ escalatedAt, escalatedToUnitId: above }).where(eq(cases.id, c.id));
      await tx.insert(caseEvents).values({ ...escalationEvent(c, above, calendar.workingDaysBetween(c.dueOn, on), round), createdAt: escalatedAt });
      spell = { lastOn: on, lastToUnitId: above, round };
    }
  }
  await tx
    .insert(scheduledJobRuns)
    .values(MORNING_JOBS.map((job) => ({ job: job.name, runKey: today, startedAt: now, finishedAt: now, result: { demo: "done when the demo data was loaded" } })))
    .onConflictDoNothing();
}

/**
 * Loads the demo sample. Idempotent: reference data is upserted by code, and cases are created only once
 * (a marker row written in the same transaction).
 */
export async function seedDemoData(db: Database, now = new Date()): Promise<SeedReport> {
  return runInTransaction(db, async (tx) => {
    // One seeder at a time, even with several instances starting together.
    await tx.execute(sql`select pg_advisory_xact_lock(73011947)`);
    const ids = await seedReference(tx);
    const [marker] = await tx.select().from(appMeta).where(eq(appMeta.key, DEMO_DATA_KEY));
    if (marker) return { reference: "ok", casesCreated: 0 };
    const created = await seedCases(tx, ids, now);
    // Cases registered at receptions are escalated back then like the others: before the history is settled.
    await seedReception(tx, ids, now);
    await settleDemoHistory(tx, now);
    await seedDialogue(tx, ids, now);
    await seedPublication(tx, now);
    await seedOpen311(tx, now);
    await seedReorganisation(tx, now);
    await tx.insert(appMeta).values({ key: DEMO_DATA_KEY, value: now.toISOString() });
    await appendAudit(tx, { actorUserId: null, action: "demo.seeded", entityType: "installation", entityId: "demo", data: { cases: created } });
    return { reference: "ok", casesCreated: created };
  });
}

/** An empty database gets demo data in local mode (what a newcomer's `npm start` shows). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ value: count() }).from(areas);
  return (row?.value ?? 0) === 0;
}
