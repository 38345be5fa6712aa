"use client";

// A listed rule's small forms: enable/disable and move up/down, each a plain <form> (works without JavaScript).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { rowAction } from "./actions";
import { Refusal } from "./explain";
import { EMPTY_RULE_FORM } from "./form-state";

type Props = { id: string; position: number; active: boolean; canMoveUp: boolean; canMoveDown: boolean };

export function RuleRowForms({ id, position, active, canMoveUp, canMoveDown }: Props) {
  const t = useTranslations("routingRules");
  const [state, action, pending] = useActionState(rowAction, EMPTY_RULE_FORM);
  return (
    <div className="space-y-2">
      {state.refusal ? (
        <Refusal refusal={state.refusal} />
      ) : (
        state.formError && (
          <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
            <p>{t(`errors.${state.formError}`)}</p>
          </div>
        )
      )}
      <div className="flex flex-wrap gap-2">
        <form action={action}>
          <input type="hidden" name="op" value="active" />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="active" value={active ? "0" : "1"} />
          <button type="submit" className="btn-secondary" disabled={pending} aria-label={`${active ? t("list.disable") : t("list.enable")} · ${t("list.position", { n: position })}`}>
            {active ? t("list.disable") : t("list.enable")}
          </button>
        </form>
        {(["up", "down"] as const)
          .filter((d) => (d === "up" ? canMoveUp : canMoveDown))
          .map((direction) => (
            <form key={direction} action={action}>
              <input type="hidden" name="op" value="move" />
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="direction" value={direction} />
              <button type="submit" className="btn-secondary" disabled={pending} aria-label={`${t(`list.${direction}`)} · ${t("list.position", { n: position })}`}>
                {t(`list.${direction}`)}
              </button>
            </form>
          ))}
      </div>
    </div>
  );
}
