import type { RuleSetProblem } from "@/domain/routing-rules/check";
import type { Labels } from "@/server/routing-rules/rule-set";
import type { TryResult } from "@/server/routing-rules/try-routing-rules";

/** What a routing-rule form keeps between posts: what was typed, errors by field, a refusal's reasons, a try's result. */
export type RuleFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, string>>;
  formError?: "invalid" | "not_found" | "no_access" | "cannot_move" | "refused" | "failed";
  /** Why the rule-set check refused the change (with the names it mentions). */
  refusal?: { problems: RuleSetProblem[]; total: number; labels: Labels };
  /** After "Thử" (try): where the sample goes, now and with the change. */
  tried?: TryResult;
};

export const EMPTY_RULE_FORM: RuleFormState = { values: {}, fieldErrors: {} };

export const RULE_DONE = ["created", "updated", "enabled", "disabled", "moved"] as const;
export type RuleDone = (typeof RULE_DONE)[number];
export const isRuleDone = (v: string | undefined): v is RuleDone => (RULE_DONE as readonly string[]).includes(v ?? "");

export const FORM_FIELDS = ["id", "kind", "categoryId", "areaId", "subjectUnitId", "unitId", "priority", "note", "sampleKind", "sampleCategoryId", "sampleAreaId", "sampleSubjectUnitId"] as const;

export const PAGE = "/can-bo/quan-tri/dinh-tuyen";
