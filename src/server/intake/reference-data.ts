import "server-only";
import type { Database } from "@/db/client";
import { areas, categories, routingRules, units } from "@/db/schema";
import type { WorkCalendar } from "@/domain/calendar";
import type { DeadlinePolicy } from "@/domain/deadlines";
import { loadCalendar, loadPolicies } from "@/server/deadlines/policy-rows";

export type ReferenceData = {
  rules: (typeof routingRules.$inferSelect)[];
  units: (typeof units.$inferSelect)[];
  areas: (typeof areas.$inferSelect)[];
  categories: { id: string; active: boolean }[];
  policies: DeadlinePolicy[];
  calendar: WorkCalendar;
  loadedAt: number;
};

/**
 * Routing rules, units, areas, fields, deadline policies and holidays change a few times a year but are read by
 * every submission, so each process keeps them for a short while. An admin's change reaches every instance
 * within MAX_AGE_MS; an id missing from the cached copy forces a reload at once.
 */
const MAX_AGE_MS = 30_000;
const cache = new WeakMap<Database, Promise<ReferenceData>>();

async function load(db: Database): Promise<ReferenceData> {
  const [rules, unitRows, areaRows, categoryRows, policies, calendar] = await Promise.all([
    db.select().from(routingRules),
    db.select().from(units),
    db.select().from(areas),
    db.select({ id: categories.id, active: categories.active }).from(categories),
    loadPolicies(db),
    loadCalendar(db),
  ]);
  return { rules, units: unitRows, areas: areaRows, categories: categoryRows, policies, calendar, loadedAt: Date.now() };
}

export async function getReferenceData(db: Database, options: { mustContain?: { areaId?: string; categoryId?: string; unitId?: string } } = {}): Promise<ReferenceData> {
  let pending = cache.get(db);
  let data = pending ? await pending.catch(() => null) : null;
  const want = options.mustContain ?? {};
  const missing =
    !!data &&
    ((want.areaId && !data.areas.some((a) => a.id === want.areaId)) ||
      (want.categoryId && !data.categories.some((c) => c.id === want.categoryId)) ||
      (want.unitId && !data.units.some((u) => u.id === want.unitId)));
  if (!data || missing || Date.now() - data.loadedAt > MAX_AGE_MS) {
    pending = load(db);
    cache.set(db, pending);
    data = await pending;
  }
  return data;
}

/** For the admin screens that change these tables: this process sees the change at once. */
export function invalidateReferenceData(db: Database): void {
  cache.delete(db);
}
