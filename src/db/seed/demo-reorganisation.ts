import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { reorganisations, reorganisationUnits, units } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";

/** The demo's planned merger: Quy Nhơn Nam ward's People's Committee into Quy Nhơn ward's. */
export const DEMO_REORGANISATION = {
  decision: "Nghị quyết số 01/NQ-HĐND (mẫu): sáp nhập phường Quy Nhơn Nam vào phường Quy Nhơn",
  oldUnitCodes: ["demo-ubnd-quynhonnam"],
  successorCode: "demo-ubnd-quynhon",
};

/**
 * A planned reorganisation, clearly labelled "(mẫu)", for a newcomer to see on /can-bo/quan-tri/sap-xep (preview,
 * cancel). Dated 1 January of the year after next, far enough ahead that no test or demo session simulating the
 * coming months has the scheduler apply it.
 */
export async function seedReorganisation(tx: Tx, now: Date): Promise<void> {
  const effectiveOn = `${Number(toLocalDate(now).slice(0, 4)) + 2}-01-01`;
  const rows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(inArray(units.code, [...DEMO_REORGANISATION.oldUnitCodes, DEMO_REORGANISATION.successorCode]));
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const successor = byCode.get(DEMO_REORGANISATION.successorCode);
  const old = DEMO_REORGANISATION.oldUnitCodes.map((c) => byCode.get(c));
  if (!successor || old.some((id) => !id)) throw new Error("demo reorganisation: its units are missing from the demo organisation");
  const [row] = await tx
    .insert(reorganisations)
    .values({ decision: DEMO_REORGANISATION.decision, effectiveOn, successorUnitId: successor, status: "planned", createdAt: now })
    .returning({ id: reorganisations.id });
  await tx.insert(reorganisationUnits).values(old.map((unitId) => ({ reorganisationId: row!.id, unitId: unitId! })));
}

