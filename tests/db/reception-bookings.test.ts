import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, receptionBookingAddresses, receptionBookingFiles, receptionBookings, receptionDays, receptionPositions, units, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { runInTransaction } from "@/db/transaction";
import { toLocalDate } from "@/domain/calendar";
import type { IsoDate } from "@/domain/types";
import { loadMemberships, type Viewer } from "@/server/auth/roles";
import { bodyLimitFor } from "@/server/http/body-limits";
import { loadCalendar } from "@/server/deadlines/policy-rows";
import { renderInMemory, renderPendingEmails } from "@/server/email/render-pending";
import { unsealPersonalData } from "@/server/privacy/personal-data";
import { bookSlot, type BookSlotInput } from "@/server/reception/bookings/book-slot";
import { getBookingFile } from "@/server/reception/bookings/booking-file";
import { bookingCodeHash } from "@/server/reception/bookings/booking-data";
import { cancelBooking, findBookingByCode } from "@/server/reception/bookings/cancel-booking";
import { listDayBookings } from "@/server/reception/bookings/list-day-bookings";
import { markBooking } from "@/server/reception/bookings/mark-booking";
import { vietnamInstant } from "@/domain/calendar";
import { remindReceptionBookings } from "@/server/scheduler/remind-reception-bookings";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// Tuesday 1/12/2026, 10:00 in Vietnam.
const now = new Date("2026-12-01T03:00:00Z");
const unit: Record<string, string> = {};
const viewers: Record<string, Viewer> = {};
let positionId: string;
let otherPositionId: string;

async function viewer(name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  if (viewers[email]) return viewers[email];
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  viewers[email] = { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(t.db, user!.id) };
  return viewers[email];
}

/** A reception day of the province chair, run by the provincial citizen reception board. */
async function addDay(over: Partial<typeof receptionDays.$inferInsert> & { on?: IsoDate } = {}) {
  const { on = "2026-12-15", ...rest } = over;
  const [row] = await t.db
    .insert(receptionDays)
    .values({
      positionId,
      unitId: unit["demo-ubnd"]!,
      officeUnitId: unit["demo-btcd"]!,
      origin: "added",
      startsAt: vietnamInstant(on, "07:30"),
      endsAt: vietnamInstant(on, "11:00"),
      place: "Trụ sở Ban Tiếp công dân tỉnh",
      status: "confirmed",
      capacity: 10,
      ...rest,
    })
    .returning();
  return row!;
}
const dayRow = async (id: string) => (await t.db.select().from(receptionDays).where(eq(receptionDays.id, id)))[0]!;

let keyCounter = 0;
const freshKey = () => `booking-key-${String(++keyCounter).padStart(8, "0")}`;
function input(dayId: string, over: Partial<BookSlotInput> = {}): BookSlotInput {
  return { dayId, name: "Nguyễn Thị Hoa", contact: `hoa${keyCounter}@example.com`, summary: "Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất.", language: "vi", idempotencyKey: freshKey(), ...over };
}
const book = (dayId: string, over: Partial<BookSlotInput> = {}, ip = "203.0.113.1", at = now, files: { name: string; bytes: Uint8Array }[] = []) => bookSlot({ db: t.db, ip, now: at }, input(dayId, over), files);
const PDF = new TextEncoder().encode("%PDF-1.4\n%test\n");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
  for (const u of await t.db.select().from(units)) unit[u.code] = u.id;
  const [p] = await t.db
    .insert(receptionPositions)
    .values({ unitId: unit["demo-ubnd"]!, officeUnitId: unit["demo-btcd"]!, kind: "province_pc_chair", title: "Chủ tịch UBND tỉnh (thử)", titleEn: "Provincial chair (test)", place: "Trụ sở Ban Tiếp công dân tỉnh" })
    .returning();
  positionId = p!.id;
  const [o] = await t.db
    .insert(receptionPositions)
    .values({ unitId: unit["demo-ubnd-pleiku"]!, officeUnitId: unit["demo-ubnd-pleiku"]!, kind: "commune_pc_chair", title: "Chủ tịch UBND phường Pleiku (thử)", titleEn: "Pleiku ward chair (test)", place: "UBND phường Pleiku" })
    .returning();
  otherPositionId = o!.id;
});
afterAll(() => t.close());

describe("booking a place", () => {
  it("books without an account: the code is shown once, only its keyed hash is stored, the contact is sealed, the email carries the code as a secret", async () => {
    const day = await addDay();
    const result = await book(day.id, { name: "Trần Văn Bình", contact: "Binh.Tran@Example.com" }, "203.0.113.1", now, [{ name: "don.pdf", bytes: PDF }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { code } = result.booking;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(result.booking.replayed).toBe(false);
    expect(result.booking.contactIsEmail).toBe(true);

    const [row] = await t.db.select().from(receptionBookings).where(eq(receptionBookings.id, result.booking.bookingId));
    expect(row!.codeHash).toBe(bookingCodeHash(code));
    const stored = JSON.stringify(row);
    for (const secret of [code, code.replace("-", ""), "Trần Văn Bình", "binh.tran@example.com", "giấy chứng nhận"]) expect(stored).not.toContain(secret);
    expect(unsealPersonalData(row!.keyId, row!.sealed)).toMatchObject({ name: "Trần Văn Bình", email: "binh.tran@example.com", summary: expect.stringContaining("giấy chứng nhận") });
    expect(row!.status).toBe("booked");
    expect((await dayRow(day.id)).booked).toBe(1);
    // The booking changes what the public page shows (places left), not the day's plan: its version stays.
    expect((await dayRow(day.id)).version).toBe(day.version);
    expect((await t.db.select().from(receptionBookingFiles).where(eq(receptionBookingFiles.bookingId, row!.id))).map((f) => f.fileName)).toEqual(["don.pdf"]);

    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `reception-booking:${row!.id}`));
    expect(mail).toMatchObject({ toAddress: "binh.tran@example.com", renderer: "reception-booking", template: "reception-booking" });
    expect(mail!.secret).not.toBeNull();
    expect(JSON.stringify(mail!.renderProps)).not.toContain(code);
    // The code is in the message as the citizen reads it, but never stored rendered.
    const rendered = await renderInMemory({ ...mail!, locale: "vi" });
    expect(rendered!.text).toContain(`Mã đặt lịch: ${code}`);
    expect(await renderPendingEmails(t.db, { ids: [mail!.id] })).toBe(0);

    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "reception.booking_created"), eq(auditLog.entityId, row!.id)));
    expect(audit).toBeDefined();
    expect(JSON.stringify(audit)).not.toMatch(/Bình|binh\.tran/);
  });

  it("a retried post shows the same code and books once; the same form key with other content is another booking", async () => {
    const day = await addDay();
    const same = input(day.id, { contact: "0912 345 678" });
    const first = await bookSlot({ db: t.db, ip: "203.0.113.2", now }, same);
    const again = await bookSlot({ db: t.db, ip: "203.0.113.2", now }, same);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.booking).toMatchObject({ code: first.booking.code, bookingId: first.booking.bookingId, replayed: true, contactIsEmail: false });
    expect((await dayRow(day.id)).booked).toBe(1);
    // The cached page gives every visitor the same key: someone else's booking with it is theirs, with its own code.
    const other = await bookSlot({ db: t.db, ip: "203.0.113.3", now }, { ...same, name: "Lê Văn Cường", contact: "0987654321" });
    expect(other.ok && other.booking.code !== first.booking.code && !other.booking.replayed).toBe(true);
    expect((await dayRow(day.id)).booked).toBe(2);
    // No email for a phone contact.
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `reception-booking:${first.booking.bookingId}`))).toHaveLength(0);
  });

  it("takes a form with attachments on the day page only", () => {
    expect(bodyLimitFor("/tiep-cong-dan/6f1c2b9e-8a51-4a7e-9c1e-0b2d3f4a5b6c").name).toBe("upload");
    expect(bodyLimitFor("/tiep-cong-dan/huy-dat-lich").name).toBe("form");
    expect(bodyLimitFor("/tiep-cong-dan").name).toBe("form");
  });

  it("gives each problem by its field and books nothing", async () => {
    const day = await addDay();
    const result = await book(day.id, { name: "  ", contact: "12345", summary: "ngắn" });
    expect(result).toEqual({ ok: false, reason: "invalid", fields: { name: "required", contact: "invalidContact", summary: "tooShort" } });
    expect(await book(day.id, { summary: "x".repeat(1001) })).toMatchObject({ ok: false, reason: "invalid", fields: { summary: "tooLong" } });
    expect(await book(day.id, {}, "203.0.113.1", now, [{ name: "virus.exe", bytes: new Uint8Array([0x4d, 0x5a, 1, 2]) }])).toMatchObject({ ok: false, reason: "attachments", problem: "type_not_allowed" });
    expect(await book(day.id, { website: "http://spam.example" })).toEqual({ ok: false, reason: "honeypot" });
    expect(await book("not-a-day")).toEqual({ ok: false, reason: "not_found" });
    expect((await dayRow(day.id)).booked).toBe(0);
  });

  it("holds the capacity, one live booking per contact and five per address, in the database", async () => {
    const small = await addDay({ capacity: 2 });
    expect((await book(small.id, { contact: "a@example.com" })).ok).toBe(true);
    expect(await book(small.id, { contact: "A@example.com" }, "198.51.100.9")).toEqual({ ok: false, reason: "refused", refusal: "already_booked" });
    expect((await book(small.id, { contact: "b@example.com" })).ok).toBe(true);
    expect(await book(small.id, { contact: "c@example.com" })).toEqual({ ok: false, reason: "refused", refusal: "full" });
    expect((await dayRow(small.id)).booked).toBe(2);

    const day = await addDay();
    for (let i = 0; i < 5; i++) expect((await book(day.id, { contact: `nat${i}@example.com` }, "192.0.2.50")).ok).toBe(true);
    expect(await book(day.id, { contact: "nat5@example.com" }, "192.0.2.50")).toEqual({ ok: false, reason: "refused", refusal: "address_cap" });
    // Refused in one transaction: neither the place nor the address count moved.
    expect((await dayRow(day.id)).booked).toBe(5);
    expect((await book(day.id, { contact: "nat5@example.com" }, "192.0.2.51")).ok).toBe(true);
  });

  it("refuses a closed, a past and a cancelled day, saying which", async () => {
    expect(await book((await addDay({ bookingsOpen: false })).id)).toEqual({ ok: false, reason: "refused", refusal: "closed" });
    expect(await book((await addDay({ on: "2026-11-30" })).id)).toEqual({ ok: false, reason: "refused", refusal: "past" });
    expect(await book((await addDay({ status: "cancelled", statusReason: "Lãnh đạo đi công tác" })).id)).toEqual({ ok: false, reason: "refused", refusal: "cancelled" });
    expect(await book((await addDay({ status: "held" })).id)).toEqual({ ok: false, reason: "refused", refusal: "past" });
  });

  it("gives the last place to exactly one of many concurrent bookings", async () => {
    const day = await addDay({ capacity: 3 });
    expect((await book(day.id, { contact: "first@example.com" })).ok).toBe(true);
    expect((await book(day.id, { contact: "second@example.com" })).ok).toBe(true);
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) => book(day.id, { contact: `race${i}@example.com` }, `198.51.100.${i + 1}`)));
    expect(attempts.filter((a) => a.ok)).toHaveLength(1);
    expect(attempts.filter((a) => !a.ok)).toEqual(Array.from({ length: 7 }, () => ({ ok: false, reason: "refused", refusal: "full" })));
    expect((await dayRow(day.id)).booked).toBe(3);
    expect(await t.db.select().from(receptionBookings).where(eq(receptionBookings.receptionDayId, day.id))).toHaveLength(3);
  });
});

describe("cancelling with the code", () => {
  it("shows the day, then frees the place and the address's count in one step; a second cancel is refused", async () => {
    const day = await addDay({ capacity: 1 });
    const sent = input(day.id, { contact: "huy@example.com" });
    const made = await bookSlot({ db: t.db, ip: "192.0.2.77", now }, sent);
    if (!made.ok) throw new Error("not booked");
    const found = await findBookingByCode({ db: t.db, ip: "192.0.2.99", now }, made.booking.code.toLowerCase().replace("-", " "));
    expect(found).toMatchObject({ ok: true, booking: { status: "booked", cancellable: true, day: { id: day.id, title: "Chủ tịch UBND tỉnh (thử)" } } });
    expect(JSON.stringify(found)).not.toContain("huy@example.com");
    expect(await book(day.id, { contact: "next@example.com" })).toMatchObject({ refusal: "full" });

    expect(await cancelBooking({ db: t.db, ip: "192.0.2.99", now }, made.booking.code)).toEqual({ ok: true, dayId: day.id });
    expect((await dayRow(day.id)).booked).toBe(0);
    const [address] = await t.db.select().from(receptionBookingAddresses).where(eq(receptionBookingAddresses.receptionDayId, day.id));
    expect(address!.count).toBe(0);
    const [row] = await t.db.select().from(receptionBookings).where(eq(receptionBookings.id, made.booking.bookingId));
    expect(row).toMatchObject({ status: "cancelled", cancelledAt: now });
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, "reception.booking_cancelled"), eq(auditLog.entityId, row!.id)))).toHaveLength(1);
    expect(await cancelBooking({ db: t.db, ip: "192.0.2.99", now }, made.booking.code)).toEqual({ ok: false, reason: "not_cancellable", status: "cancelled" });
    // The freed place and the same contact may book again, even from the same cached form with the same words.
    const again = await bookSlot({ db: t.db, ip: "192.0.2.77", now }, sent);
    expect(again).toMatchObject({ ok: true, booking: { replayed: false } });
    if (again.ok) expect(again.booking.code).not.toBe(made.booking.code);
    expect(await bookSlot({ db: t.db, ip: "192.0.2.77", now }, sent)).toMatchObject({ ok: true, booking: { replayed: true } });
    expect((await dayRow(day.id)).booked).toBe(1);
  });

  it("refuses once the reception has begun", async () => {
    const day = await addDay({ on: "2026-12-02" });
    const made = await book(day.id, { contact: "late@example.com" });
    if (!made.ok) throw new Error("not booked");
    const during = new Date("2026-12-02T01:00:00Z");
    expect(await cancelBooking({ db: t.db, ip: "192.0.2.98", now: during }, made.booking.code)).toEqual({ ok: false, reason: "not_cancellable", status: "started" });
  });

  it("refuses wrong codes and, after ten from one address, refuses that address even a right code", async () => {
    const day = await addDay();
    const made = await book(day.id, { contact: "guess@example.com" });
    if (!made.ok) throw new Error("not booked");
    const ctx = { db: t.db, ip: "198.18.0.1", now };
    expect(await cancelBooking(ctx, "not a code")).toEqual({ ok: false, reason: "invalid" });
    expect(await cancelBooking(ctx, "00000-00000")).toEqual({ ok: false, reason: "not_found" });
    for (let i = 0; i < 8; i++) await findBookingByCode(ctx, `0000${i}-00000`);
    expect(await findBookingByCode(ctx, "11111-11111")).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await findBookingByCode(ctx, made.booking.code)).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await cancelBooking(ctx, made.booking.code)).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((await findBookingByCode({ ...ctx, ip: "198.18.0.2" }, made.booking.code)).ok).toBe(true);
    expect((await dayRow(day.id)).booked).toBe(1);
  });
});

describe("the office's view of the bookings", () => {
  it("shows the receiving office each citizen, contact, summary and files; another office and a handler are refused", async () => {
    const day = await addDay();
    const made = await book(day.id, { name: "Phạm Thị Dung", contact: "dung@example.com" }, "203.0.113.40", now, [{ name: "anh-giay-to.pdf", bytes: PDF }]);
    if (!made.ok) throw new Error("not booked");
    const list = await listDayBookings(t.db, await viewer("tiepnhan.tinh"), day.id);
    expect(list).toEqual([expect.objectContaining({ number: 1, name: "Phạm Thị Dung", email: "dung@example.com", phone: null, status: "booked", summary: expect.stringContaining("giấy chứng nhận") })]);
    expect(await listDayBookings(t.db, await viewer("lanhdao.btcd"), day.id)).toHaveLength(1);
    const fileId = list[0]!.files[0]!.id;
    expect((await getBookingFile(t.db, await viewer("tiepnhan.tinh"), day.id, fileId)).fileName).toBe("anh-giay-to.pdf");

    await expect(listDayBookings(t.db, await viewer("tiepnhan.pleiku"), day.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listDayBookings(t.db, await viewer("xuly.tinh"), day.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listDayBookings(t.db, null, day.id)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getBookingFile(t.db, await viewer("tiepnhan.pleiku"), day.id, fileId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getBookingFile(t.db, await viewer("xuly.tinh"), day.id, fileId)).rejects.toMatchObject({ code: "forbidden" });
    // A file is reached only through its own day.
    const other = await addDay();
    await expect(getBookingFile(t.db, await viewer("tiepnhan.tinh"), other.id, fileId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("marks attended or absent once the day has begun, with an audit entry; refusals before, for a cancelled booking and for others", async () => {
    const day = await addDay({ on: "2026-12-03" });
    const a = await book(day.id, { contact: "den@example.com" });
    const b = await book(day.id, { contact: "vang@example.com" });
    const c = await book(day.id, { contact: "huy2@example.com" });
    if (!a.ok || !b.ok || !c.ok) throw new Error("not booked");
    await cancelBooking({ db: t.db, ip: "192.0.2.1", now }, c.booking.code);
    const staff = await viewer("tiepnhan.tinh");
    await expect(markBooking(t.db, staff, { dayId: day.id, bookingId: a.booking.bookingId, mark: "attended" }, now)).rejects.toMatchObject({ code: "conflict", details: { reason: "not_started" } });
    const during = new Date("2026-12-03T01:00:00Z");
    expect(await markBooking(t.db, staff, { dayId: day.id, bookingId: a.booking.bookingId, mark: "attended" }, during)).toEqual({ mark: "attended" });
    expect(await markBooking(t.db, staff, { dayId: day.id, bookingId: b.booking.bookingId, mark: "absent" }, during)).toEqual({ mark: "absent" });
    await expect(markBooking(t.db, staff, { dayId: day.id, bookingId: c.booking.bookingId, mark: "attended" }, during)).rejects.toMatchObject({ code: "conflict", details: { reason: "cancelled" } });
    await expect(markBooking(t.db, staff, { dayId: day.id, bookingId: a.booking.bookingId, mark: "maybe" }, during)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(markBooking(t.db, await viewer("xuly.tinh"), { dayId: day.id, bookingId: b.booking.bookingId, mark: "attended" }, during)).rejects.toMatchObject({ code: "forbidden" });
    await expect(markBooking(t.db, await viewer("tiepnhan.pleiku"), { dayId: day.id, bookingId: b.booking.bookingId, mark: "attended" }, during)).rejects.toMatchObject({ code: "not_found" });
    // A booking of another day is not reached through this one.
    const other = await addDay({ on: "2026-12-03", positionId: otherPositionId, unitId: unit["demo-ubnd-pleiku"]!, officeUnitId: unit["demo-ubnd-pleiku"]! });
    await expect(markBooking(t.db, await viewer("tiepnhan.pleiku"), { dayId: other.id, bookingId: b.booking.bookingId, mark: "attended" }, during)).rejects.toMatchObject({ code: "not_found" });

    const rows = await t.db.select().from(receptionBookings).where(eq(receptionBookings.receptionDayId, day.id));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [a.booking.bookingId]: "attended", [b.booking.bookingId]: "absent", [c.booking.bookingId]: "cancelled" });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "reception.booking_marked"));
    expect(audits.filter((x) => x.entityId === a.booking.bookingId || x.entityId === b.booking.bookingId)).toHaveLength(2);
    // Attended and absent still hold their contact's place for the day: the same contact cannot book again.
    expect((await dayRow(day.id)).booked).toBe(2);
  });
});

describe("the reminder the working day before", () => {
  it("emails each live booking with an email once, on the working day before (a Friday covers Saturday to Monday)", async () => {
    const friday = new Date("2026-12-04T00:00:00Z"); // Friday 4/12/2026, 07:00 in Vietnam
    const monday = await addDay({ on: "2026-12-07" });
    const tuesday = await addDay({ on: "2026-12-08" });
    const withEmail = await book(monday.id, { contact: "nhac@example.com", language: "en" });
    const withPhone = await book(monday.id, { contact: "0905123456" });
    const cancelled = await book(monday.id, { contact: "dahuy@example.com" });
    const later = await book(tuesday.id, { contact: "sau@example.com" });
    if (!withEmail.ok || !withPhone.ok || !cancelled.ok || !later.ok) throw new Error("not booked");
    await cancelBooking({ db: t.db, ip: "192.0.2.2", now }, cancelled.booking.code);

    const calendar = await loadCalendar(t.db);
    const ctx = { now: friday, today: toLocalDate(friday), calendar, lastRunOn: null };
    const first = await runInTransaction(t.db, (tx) => remindReceptionBookings(tx, ctx));
    expect(first).toMatchObject({ messages: 1 });
    const reminders = await t.db.select().from(emailOutbox).where(like(emailOutbox.dedupeKey, "reception-reminder:%"));
    expect(reminders).toEqual([expect.objectContaining({ toAddress: "nhac@example.com", locale: "en", renderer: "reception-reminder", dedupeKey: `reception-reminder:${withEmail.booking.bookingId}:2026-12-07` })]);
    expect(JSON.stringify(reminders[0]!.renderProps)).not.toMatch(/nhac@|giấy chứng nhận/);
    expect(await runInTransaction(t.db, (tx) => remindReceptionBookings(tx, ctx))).toMatchObject({ messages: 0 });

    // On Monday itself, Tuesday's booking is reminded.
    const mondayMorning = new Date("2026-12-07T00:00:00Z");
    expect(await runInTransaction(t.db, (tx) => remindReceptionBookings(tx, { ...ctx, now: mondayMorning, today: toLocalDate(mondayMorning) }))).toMatchObject({ messages: 1 });
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `reception-reminder:${later.booking.bookingId}:2026-12-08`))).toHaveLength(1);
  });
});
