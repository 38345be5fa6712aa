"use client";

// The duty admin forms: each a plain <form> posting to one server action. Without JavaScript the browser posts and
// gets the page back with what was typed and the errors by field; with it, the same happens in place.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SpecField, type FieldSpec } from "@/components/forms/spec-field";
import { dutyAdminAction } from "./actions";
import { EMPTY_DUTY_ADMIN_FORM } from "./form-state";

type Props = {
  op: "add_rule" | "confirm_rule" | "save_position" | "assign_holder";
  hidden?: Record<string, string>;
  fields: FieldSpec[];
  defaults?: Record<string, string>;
  submit: string;
  secondary?: boolean;
};

function problemText(t: ReturnType<typeof useTranslations<"duty.admin">>, field: string, problem: string): string {
  if (field === "times") return t("problems.times");
  const key = `problems.${problem}` as "problems.invalid";
  return t.has(key) ? t(key) : t("problems.invalid");
}

export function DutyAdminForm({ op, hidden = {}, fields, defaults = {}, submit, secondary = false }: Props) {
  const t = useTranslations("duty.admin.errors");
  const [state, action, pending] = useActionState(dutyAdminAction, EMPTY_DUTY_ADMIN_FORM);
  const tp = useTranslations("duty.admin");
  const problemOf = (name: string) => {
    const problem = state.fieldErrors[name];
    return problem && problemText(tp, name, problem);
  };
  const refused = state.formError !== undefined;
  const valueOf = (name: string) => (refused ? (state.values[name] ?? "") : (defaults[name] ?? ""));
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="op" value={op} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.formError && (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          <p>{t(state.formError)}</p>
          {state.formError === "stale_version" && (
            <p className="mt-2">
              <Link href="/can-bo/tiep-cong-dan/nhiem-vu" className="font-semibold underline underline-offset-4">
                {t("reload")}
              </Link>
            </p>
          )}
        </div>
      )}
      {fields.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2">
          {fields.map((f) => (
            <div key={f.name} className={f.type === "textarea" ? "sm:col-span-2" : undefined}>
              <SpecField spec={f} value={valueOf(f.name)} problem={problemOf(f.name)} />
            </div>
          ))}
        </div>
      )}
      <button type="submit" className={secondary ? "btn-secondary" : "btn-primary"} disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
