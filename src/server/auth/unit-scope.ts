import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { Viewer } from "./roles";

/**
 * Units whose cases a viewer may see: their own unit for intake officers and handlers,
 * the unit's whole subtree for leaders, overseers and admins.
 */
export async function visibleUnitIds(db: DbOrTx, viewer: Viewer): Promise<string[]> {
  const own = viewer.memberships.filter((m) => m.role === "intake" || m.role === "handler").map((m) => m.unitId);
  const roots = viewer.memberships
    .filter((m) => m.role === "leader" || m.role === "overseer" || m.role === "admin")
    .map((m) => m.unitId);
  const ids = new Set(own);
  if (roots.length > 0) {
    const result = await db.execute(sql`
      with recursive subtree(id) as (
        select id from units where id in (${sql.join(roots.map((id) => sql`${id}::uuid`), sql`, `)})
        union
        select u.id from units u join subtree s on u.parent_id = s.id
      )
      select id from subtree`);
    for (const row of rowsOf<{ id: string }>(result)) ids.add(row.id);
  }
  return [...ids];
}
