import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, categories, memberships, receptionBookings, receptionMatters, units, users } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { mayReceptionAction } from "@/domain/reception/permissions";
import type { MatterOutcome } from "@/domain/reception/vocabulary";
import type { IsoDate } from "@/domain/types";
import type { Viewer } from "@/server/auth/roles";
import { unsealPersonalData } from "@/server/privacy/personal-data";
import { loadReceptionDayForStaff } from "../reception-access";

export type StaffMatter = {
  id: string;
  number: number;
  summary: string;
  outcome: MatterOutcome;
  response: string | null;
  category: { nameVi: string; nameEn: string } | null;
  case: { id: string; code: string; status: string } | null;
  answerDueOn: IsoDate | null;
  refusalNoticeDueOn: IsoDate | null;
  refusalNotifiedOn: IsoDate | null;
  bookingId: string | null;
};

export type ReceptionRecordForStaff = {
  may: { record: boolean; conclude: boolean };
  matters: StaffMatter[];
  /** Officials of the head's unit and of the office, for "received by". */
  officials: { userId: string; name: string }[];
  /** Live bookings of the day, to link a matter to (names only with view_bookings: the receiving office). */
  bookings: { id: string; label: string; status: string }[];
  categories: { id: string; nameVi: string; nameEn: string }[];
  units: { id: string; name: string; nameEn: string }[];
};

/**
 * The office's view of a reception's record: its matters with their summaries and cases, and the choices the
 * forms offer. Authorised from the day ("view_staff"); the forms are shown only to those who may use them.
 */
export async function getReceptionRecordForStaff(db: DbOrTx, viewer: Viewer | null, dayId: string, now = new Date()): Promise<ReceptionRecordForStaff> {
  const { day, roles, isHead } = await loadReceptionDayForStaff(db, viewer, dayId, "view_staff");
  const may = { record: mayReceptionAction("record", roles, { isHead }), conclude: mayReceptionAction("conclude", roles, { isHead }) };
  const seesBookings = mayReceptionAction("view_bookings", roles, { isHead });
  const today = toLocalDate(now);
  const [matters, officials, bookings, categoryRows, unitRows] = await Promise.all([
    db
      .select({ m: receptionMatters, caseCode: cases.code, caseStatus: cases.status, categoryVi: categories.nameVi, categoryEn: categories.nameEn })
      .from(receptionMatters)
      .leftJoin(cases, eq(cases.id, receptionMatters.caseId))
      .leftJoin(categories, eq(categories.id, receptionMatters.categoryId))
      .where(eq(receptionMatters.receptionDayId, day.id))
      .orderBy(asc(receptionMatters.number)),
    may.record
      ? db
          .selectDistinct({ userId: users.id, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              inArray(memberships.unitId, [day.unitId, day.officeUnitId]),
              isNull(users.disabledAt),
              lte(memberships.validFrom, sql`current_date`),
              or(isNull(memberships.validTo), gte(memberships.validTo, sql`current_date`)),
            ),
          )
          .orderBy(asc(users.name))
      : [],
    may.record && seesBookings
      ? db
          .select({ id: receptionBookings.id, keyId: receptionBookings.keyId, sealed: receptionBookings.sealed, status: receptionBookings.status })
          .from(receptionBookings)
          .where(and(eq(receptionBookings.receptionDayId, day.id), inArray(receptionBookings.status, ["booked", "attended", "absent"])))
          .orderBy(asc(receptionBookings.createdAt))
      : [],
    may.record ? db.select({ id: categories.id, nameVi: categories.nameVi, nameEn: categories.nameEn }).from(categories).where(eq(categories.active, true)).orderBy(asc(categories.sortOrder)) : [],
    may.conclude
      ? db
          .select({ id: units.id, name: units.name, nameEn: units.nameEn })
          .from(units)
          .where(or(isNull(units.validTo), gte(units.validTo, today)))
          .orderBy(asc(units.name))
      : [],
  ]);
  return {
    may,
    matters: matters.map(({ m, caseCode, caseStatus, categoryVi, categoryEn }) => ({
      id: m.id,
      number: m.number,
      summary: m.summary,
      outcome: m.outcome,
      response: m.response,
      category: categoryVi !== null && categoryEn !== null ? { nameVi: categoryVi, nameEn: categoryEn } : null,
      case: m.caseId && caseCode ? { id: m.caseId, code: caseCode, status: caseStatus ?? "" } : null,
      answerDueOn: m.answerDueOn as IsoDate | null,
      refusalNoticeDueOn: m.refusalNoticeDueOn as IsoDate | null,
      refusalNotifiedOn: m.refusalNotifiedOn as IsoDate | null,
      bookingId: m.bookingId,
    })),
    officials: officials.map((o) => ({ userId: o.userId, name: o.name ?? "" })),
    bookings: bookings.map((b, i) => {
      let name = "";
      try {
        name = unsealPersonalData(b.keyId, b.sealed).name ?? "";
      } catch {
        // A booking sealed with a retired key still shows by its number.
      }
      return { id: b.id, label: name ? `${i + 1}. ${name}` : `${i + 1}`, status: b.status };
    }),
    categories: categoryRows,
    units: unitRows,
  };
}
