import "server-only";
import { and, count, gte, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases } from "@/db/schema";
import { toLocalDate } from "@/domain/calendar";
import { canMove, inTryOrder } from "@/domain/routing-rules/order";
import type { CaseKind } from "@/domain/types";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { loadRuleSetting, toRoutingRule } from "./rule-set";

export const FIRED_WINDOW_DAYS = 90;

type Named = { id: string; vi: string; en: string };
export type ListedRule = {
  id: string;
  /** 1-based place in the order the router tries them. */
  position: number;
  kind: CaseKind | null;
  category: Named | null;
  area: Named | null;
  subjectUnit: Named | null;
  unit: Named & { closed: boolean };
  priority: number;
  active: boolean;
  note: string | null;
  /** Cases it routed in the last 90 days. */
  fired: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
};
export type RuleOptions = { units: (Named & { closed: boolean })[]; areas: Named[]; categories: (Named & { active: boolean })[] };

/** The rules in the order the router tries them, each with how often it fired lately; and what a rule can name. */
export async function listRoutingRules(db: DbOrTx, viewer: Viewer | null, now = new Date()): Promise<{ rules: ListedRule[]; options: RuleOptions }> {
  assertAdmin(viewer);
  const since = new Date(now.getTime() - FIRED_WINDOW_DAYS * 86_400_000);
  const [setting, firedRows] = await Promise.all([
    loadRuleSetting(db),
    db
      .select({ ruleId: cases.routingRuleId, n: count() })
      .from(cases)
      .where(and(isNotNull(cases.routingRuleId), gte(cases.receivedAt, since)))
      .groupBy(cases.routingRuleId),
  ]);
  const today = toLocalDate(now);
  const fired = new Map(firedRows.map((r) => [r.ruleId, Number(r.n)]));
  const unit = (id: string | null) => {
    const u = id ? setting.units.find((x) => x.id === id) : undefined;
    return u ? { id: u.id, vi: u.name, en: u.nameEn, closed: u.validTo != null && u.validTo < today } : null;
  };
  const area = (id: string | null) => {
    const a = id ? setting.areas.find((x) => x.id === id) : undefined;
    return a ? { id: a.id, vi: a.name, en: a.nameEn ?? a.name } : null;
  };
  const category = (id: string | null) => {
    const c = id ? setting.categories.find((x) => x.id === id) : undefined;
    return c ? { id: c.id, vi: c.nameVi, en: c.nameEn } : null;
  };
  const plain = setting.rules.map(toRoutingRule);
  const ordered = inTryOrder(setting.rules.map((r) => ({ ...toRoutingRule(r), row: r })));
  const rules: ListedRule[] = ordered.map(({ row }, i) => ({
    id: row.id,
    position: i + 1,
    kind: row.kind,
    category: category(row.categoryId),
    area: area(row.areaId),
    subjectUnit: unit(row.subjectUnitId),
    unit: unit(row.unitId) ?? { id: row.unitId, vi: "?", en: "?", closed: true },
    priority: row.priority,
    active: row.active,
    note: row.note,
    fired: fired.get(row.id) ?? 0,
    canMoveUp: canMove(plain, row.id, "up"),
    canMoveDown: canMove(plain, row.id, "down"),
  }));
  const byName = <T extends Named>(xs: T[]) => xs.sort((a, b) => a.vi.localeCompare(b.vi, "vi"));
  return {
    rules,
    options: {
      units: byName(setting.units.map((u) => unit(u.id)!)),
      areas: byName(setting.areas.map((a) => area(a.id)!)),
      categories: [...setting.categories].sort((a, b) => a.sortOrder - b.sortOrder).map((c) => ({ ...category(c.id)!, active: c.active })),
    },
  };
}
