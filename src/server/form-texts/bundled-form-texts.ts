import "server-only";
import type { Database } from "@/db/client";
import { bundledFormTexts, type FormTexts } from "@/domain/categories/form-texts";
import { toLocalDate } from "@/domain/calendar";
import { DEFAULT_DEADLINE_POLICIES } from "@/domain/deadline-policies-data";
import { selectPolicy, type DeadlinePolicy, type Period } from "@/domain/deadlines";
import { CASE_KINDS, type CaseKind } from "@/domain/types";
import { translator } from "@/i18n/messages";
import { getReferenceData } from "@/server/intake/reference-data";

type Periods = Partial<Record<CaseKind, { acceptance: Period; resolution: Period | null }>>;

const cache = new Map<string, FormTexts>();

/**
 * Each kind's periods in force today (a first complaint's for complaints): what the form promises a citizen. A kind
 * with no version in force (a database not yet set up) falls back to the bundled defaults rather than a blank.
 */
export function periodsInForce(policies: readonly DeadlinePolicy[], today: string): Periods {
  const periods: Periods = {};
  for (const kind of CASE_KINDS) {
    const instance = kind === "complaint" ? 1 : null;
    const p = selectPolicy(policies, kind, instance, today) ?? selectPolicy(DEFAULT_DEADLINE_POLICIES, kind, instance, "2026-01-01");
    if (p) periods[kind] = { acceptance: p.acceptance, resolution: p.resolution };
  }
  return periods;
}

/**
 * The texts shipped with the platform (messages/intake, kinds), as the form shows them when no row replaces them.
 * What happens next names the periods of the policy version in force today, so a version an administrator adds
 * or confirms on the deadline policies page changes the form's promise on its date, not a developer's edit.
 */
export async function bundledTexts(db: Database, locale: "vi" | "en", now = new Date()): Promise<FormTexts> {
  // The policies come from the reference data intake already keeps (an admin's change clears it in this process).
  return bundledTextsFor(locale, periodsInForce((await getReferenceData(db)).policies, toLocalDate(now)));
}

export function bundledTextsFor(locale: "vi" | "en", periods: Periods): FormTexts {
  const key = `${locale} ${JSON.stringify(periods)}`;
  let texts = cache.get(key);
  if (!texts) {
    const t = translator(locale);
    const period = (p: Period | null | undefined) => (p ? t(`deadlinePolicies.period.${p.unit}`, { amount: p.amount }) : "");
    texts = bundledFormTexts((path) => {
      const next = /^intake\.kindNext\.(\w+)$/.exec(path);
      const kind = next?.[1] as CaseKind | undefined;
      if (!kind) return t(path as never);
      return t(path as never, { acceptance: period(periods[kind]?.acceptance), resolution: period(periods[kind]?.resolution) } as never);
    });
    if (cache.size > 50) cache.clear();
    cache.set(key, texts);
  }
  return texts;
}
