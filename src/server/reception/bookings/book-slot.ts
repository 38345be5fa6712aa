import "server-only";
import { createHash } from "node:crypto";
import { and, count, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { receptionBookingAddresses, receptionBookingFiles, receptionBookings, receptionDays, receptionPositions } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { bookingRefusal, type BookingRefusal } from "@/domain/reception/booking-availability";
import { deferRenderWithSecret } from "@/emails/registry";
import type { BookedDayData } from "@/emails/reception-booking";
import { checkAttachments, type AttachmentProblem, type CheckedFile, type IncomingFile } from "@/server/attachments/store-attachments";
import { appendAudit } from "@/server/audit/append-audit";
import { violates } from "@/server/dialogue/questions/keys";
import { sendEmail } from "@/server/email/send-email";
import { isUuid } from "@/server/workspace/case-access";
import { bookingAddressHash, bookingCodeHash, bookingContactHash, deriveBookingCode, sealBooking } from "./booking-data";
import { bookingFieldErrors, bookSlotSchema, type BookingField, type BookingFieldError, type BookSlotValues } from "./booking-input";

export type BookContext = { db: Database; ip: string; now?: Date };

export type BookSlotInput = {
  dayId: string;
  name?: unknown;
  contact?: unknown;
  summary?: unknown;
  language?: unknown;
  idempotencyKey?: unknown;
  /** The honeypot: people never see it, bots fill it. */
  website?: string;
};

/** Why a place was not booked, beyond the day's own state: one address's cap, or this contact already booked. */
export type BookingProblem = BookingRefusal | "address_cap" | "already_booked";

export type BookedPlace = { bookingId: string; dayId: string; code: string; contactIsEmail: boolean; replayed: boolean };

export type BookSlotResult =
  | { ok: true; booking: BookedPlace }
  | { ok: false; reason: "invalid"; fields: Partial<Record<BookingField, BookingFieldError>> }
  | { ok: false; reason: "attachments"; problem: AttachmentProblem; fileName?: string }
  | { ok: false; reason: "refused"; refusal: BookingProblem }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "honeypot" };

/**
 * The stored idempotency key: the form's one-time key bound to the day and to what was sent. The public day page
 * is cached for everyone, so many visitors may post the same form key: only a retry of the same booking finds it.
 */
function fingerprint(dayId: string, v: BookSlotValues, files: CheckedFile[], cancelledBefore: number): string {
  return createHash("sha256")
    .update(JSON.stringify(["booking", v.idempotencyKey, dayId, v.name, contactOf(v), v.summary, files.map((f) => f.sha256), cancelledBefore]))
    .digest("hex");
}

const contactOf = (v: BookSlotValues) => ("email" in v.contact ? v.contact.email : v.contact.phone);

/**
 * How many of this contact's bookings of the day were cancelled: part of the fingerprint, so that booking again
 * after cancelling, from the same cached form with the same words, is a new booking rather than the cancelled one.
 */
async function cancelledBookings(db: Database, dayId: string, contactHash: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(receptionBookings)
    .where(and(eq(receptionBookings.receptionDayId, dayId), eq(receptionBookings.contactHash, contactHash), eq(receptionBookings.status, "cancelled")));
  return row?.n ?? 0;
}

async function existing(db: Database, key: string): Promise<BookedPlace | null> {
  const [row] = await db
    .select({ id: receptionBookings.id, dayId: receptionBookings.receptionDayId, contactIsEmail: receptionBookings.contactIsEmail })
    .from(receptionBookings)
    .where(eq(receptionBookings.idempotencyKey, key))
    .limit(1);
  return row ? { bookingId: row.id, dayId: row.dayId, code: deriveBookingCode(key), contactIsEmail: row.contactIsEmail, replayed: true } : null;
}

class Refused extends Error {
  constructor(readonly refusal: BookingProblem) {
    super(refusal);
  }
}

/**
 * A citizen books a place at a reception day, without an account: their name, one contact (email or a
 * Vietnamese phone number), a short summary of the matter, optional files. The limits hold in the database, in
 * one transaction, so that two instances never overbook: the day's `booked` rises only while it is below the
 * capacity and the day is open and ahead; one address books at most BOOKINGS_PER_ADDRESS_PER_DAY places a day
 * (a check constraint); one contact holds one live booking a day (a unique index). The booking code is shown
 * once, emailed when the contact is an email, and kept only as a keyed hash; a retried post shows the same code.
 */
export async function bookSlot(ctx: BookContext, raw: BookSlotInput, files: IncomingFile[] = []): Promise<BookSlotResult> {
  const { db } = ctx;
  const now = ctx.now ?? new Date();
  if (raw.website) return { ok: false, reason: "honeypot" };
  if (!isUuid(raw.dayId)) return { ok: false, reason: "not_found" };
  const [day] = await db
    .select({ id: receptionDays.id, status: receptionDays.status, bookingsOpen: receptionDays.bookingsOpen, capacity: receptionDays.capacity, booked: receptionDays.booked, startsAt: receptionDays.startsAt })
    .from(receptionDays)
    .where(eq(receptionDays.id, raw.dayId))
    .limit(1);
  if (!day) return { ok: false, reason: "not_found" };

  const parsed = bookSlotSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid", fields: bookingFieldErrors(parsed.error) };
  const v = parsed.data;
  const checked = checkAttachments(files);
  if (!checked.ok) return { ok: false, reason: "attachments", problem: checked.problem, fileName: checked.fileName };

  const contactHash = bookingContactHash(contactOf(v));
  const key = fingerprint(day.id, v, checked.files, await cancelledBookings(db, day.id, contactHash));
  const replay = await existing(db, key);
  if (replay) return { ok: true, booking: replay };
  // A first answer without a write; the transaction decides.
  const refusal = bookingRefusal(day, now);
  if (refusal) return { ok: false, reason: "refused", refusal };

  try {
    return { ok: true, booking: await runInTransaction(db, (tx) => insertBooking(tx, ctx.ip, day.id, v, key, contactHash, checked.files, now)) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: "refused", refusal: error.refusal };
    if (violates(error, "check", "reception_booking_addresses_cap")) return { ok: false, reason: "refused", refusal: "address_cap" };
    if (violates(error, "unique", "reception_bookings_contact_key")) return { ok: false, reason: "refused", refusal: "already_booked" };
    // Two copies of one post raced: the loser shows the winner's code.
    if (violates(error, "unique", "reception_bookings_idempotency_key")) {
      const winner = await existing(db, key);
      if (winner) return { ok: true, booking: winner };
    }
    throw error;
  }
}

async function insertBooking(tx: Tx, ip: string, dayId: string, v: BookSlotValues, key: string, contactHash: string, files: CheckedFile[], now: Date): Promise<BookedPlace> {
  // The place first: this row lock orders concurrent bookings of one day, and the conditions are re-read after it.
  const [taken] = await tx
    .update(receptionDays)
    .set({ booked: sql`${receptionDays.booked} + 1`, updatedAt: now })
    .where(
      and(
        eq(receptionDays.id, dayId),
        lt(receptionDays.booked, receptionDays.capacity),
        eq(receptionDays.bookingsOpen, true),
        inArray(receptionDays.status, ["planned", "confirmed"]),
        gt(receptionDays.startsAt, now),
      ),
    )
    .returning({ id: receptionDays.id, positionId: receptionDays.positionId, startsAt: receptionDays.startsAt, place: receptionDays.place, mode: receptionDays.mode, onlineUrl: receptionDays.onlineUrl });
  if (!taken) {
    const [day] = await tx.select().from(receptionDays).where(eq(receptionDays.id, dayId));
    throw new Refused(day ? (bookingRefusal(day, now) ?? "full") : "cancelled");
  }

  const address = bookingAddressHash(ip);
  await tx
    .insert(receptionBookingAddresses)
    .values({ receptionDayId: dayId, addressHash: address, count: 1 })
    .onConflictDoUpdate({ target: [receptionBookingAddresses.receptionDayId, receptionBookingAddresses.addressHash], set: { count: sql`${receptionBookingAddresses.count} + 1` } });

  const email = "email" in v.contact ? v.contact.email : undefined;
  const phone = "phone" in v.contact ? v.contact.phone : undefined;
  const code = deriveBookingCode(key);
  const sealed = sealBooking({ name: v.name, email, phone, summary: v.summary, addressHash: address });
  const [row] = await tx
    .insert(receptionBookings)
    .values({
      receptionDayId: dayId,
      codeHash: bookingCodeHash(code)!,
      status: "booked",
      keyId: sealed.keyId,
      sealed: sealed.sealed,
      contactHash,
      contactIsEmail: !!email,
      language: v.language,
      idempotencyKey: key,
      createdAt: now,
    })
    .returning({ id: receptionBookings.id });
  const bookingId = row!.id;
  if (files.length > 0) {
    await tx.insert(receptionBookingFiles).values(files.map((f) => ({ bookingId, fileName: f.fileName, contentType: f.contentType, size: f.bytes.byteLength, content: Buffer.from(f.bytes) })));
  }
  // No personal data in the audit: which day, how many files, whether an email was given.
  await appendAudit(tx, { actorUserId: null, action: "reception.booking_created", entityType: "reception_booking", entityId: bookingId, data: { dayId, files: files.length, contactIsEmail: !!email } });

  if (email) {
    const [position] = await tx.select({ title: receptionPositions.title, titleEn: receptionPositions.titleEn }).from(receptionPositions).where(eq(receptionPositions.id, taken.positionId));
    const day: BookedDayData = {
      dayId,
      title: position?.title ?? "",
      titleEn: position?.titleEn ?? "",
      startsAt: taken.startsAt.toISOString(),
      place: taken.place,
      mode: taken.mode,
      onlineUrl: taken.onlineUrl,
    };
    // The code is the message's secret: sealed apart from the props, never stored in clear.
    await sendEmail(tx, { ...deferRenderWithSecret("reception-booking", { day }, { code }), to: email, template: "reception-booking", locale: v.language, dedupeKey: `reception-booking:${bookingId}` });
  }
  return { bookingId, dayId, code, contactIsEmail: !!email, replayed: false };
}
