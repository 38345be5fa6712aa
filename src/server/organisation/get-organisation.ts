import "server-only";
import type { DbOrTx } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { organisationTrees, type Branch } from "@/domain/organisation/changes";
import type { AreaKind, IsoDate, UnitKind } from "@/domain/types";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { loadAreaRows, loadUnitRows } from "./org-frame";

type Node = { id: string; parentId: string | null; code: string; name: string; nameEn: string | null; validFrom: IsoDate; validTo: IsoDate | null };
export type AreaNode = Node & { kind: AreaKind; remote: boolean };
export type UnitNode = Node & { kind: UnitKind; areaId: string | null; email: string | null; successorId: string | null };

export type OrganisationView = {
  today: IsoDate;
  areas: { open: Branch<AreaNode>[]; closed: AreaNode[]; all: AreaNode[] };
  units: { open: Branch<UnitNode>[]; closed: UnitNode[]; all: UnitNode[] };
};

/** Both trees for the admin page: open nodes nested under their parents, closed ones apart. Administrators only. */
export async function getOrganisation(db: DbOrTx, viewer: Viewer | null, now = new Date()): Promise<OrganisationView> {
  assertAdmin(viewer);
  const today = toLocalDate(now);
  const [areaRows, unitRows] = await Promise.all([loadAreaRows(db), loadUnitRows(db)]);
  const areas: AreaNode[] = areaRows.map((a) => ({ id: a.id, parentId: a.parentId, code: a.code, name: a.name, nameEn: a.nameEn, kind: a.kind, remote: a.remote, validFrom: a.validFrom, validTo: a.validTo }));
  const units: UnitNode[] = unitRows.map((u) => ({ id: u.id, parentId: u.parentId, code: u.code, name: u.name, nameEn: u.nameEn, kind: u.kind, areaId: u.areaId, email: u.email, successorId: u.successorId, validFrom: u.validFrom, validTo: u.validTo }));
  return { today, areas: { ...organisationTrees(areas, today), all: areas }, units: { ...organisationTrees(units, today), all: units } };
}
