"use client";

// The duty admin forms: each a plain <form> posting to one server action. Without JavaScript the browser posts and
// gets the page back with what was typed and the errors by field; with it, the same happens in place.
import Link from "next/link";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { dutyAdminAction } from "./actions";
import { EMPTY_DUTY_ADMIN_FORM, type DutyAdminFormState } from "./form-state";

export type FieldSpec =
  | { name: string; label: string; type: "text" | "date" | "time" | "number" | "textarea"; hint?: string; min?: number; max?: number }
  | { name: string; label: string; type: "select"; hint?: string; options: { value: string; label: string }[]; choose?: string }
  | { name: string; label: string; type: "checkbox"; hint?: string };

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

function Field({ spec, state, value }: { spec: FieldSpec; state: DutyAdminFormState; value: string }) {
  const t = useTranslations("duty.admin");
  const id = `${useId()}-${spec.name}`;
  const problem = state.fieldErrors[spec.name];
  const describedBy = [spec.hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = { id, name: spec.name, "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy } as const;
  const hint = spec.hint && (
    <p id={`${id}-hint`} className="field-hint">
      {spec.hint}
    </p>
  );
  const error = problem && (
    <p id={`${id}-error`} className="field-error">
      {problemText(t, spec.name, problem)}
    </p>
  );
  if (spec.type === "checkbox") {
    return (
      <div>
        <div className="flex min-h-11 items-center gap-3">
          {/* Keyed by the value sent back: React resets a form after its action. */}
          <input key={`c-${value}`} type="checkbox" {...common} defaultChecked={value === "on"} className="h-5 w-5" />
          <label htmlFor={id} className="font-semibold">
            {spec.label}
          </label>
        </div>
        {hint}
        {error}
      </div>
    );
  }
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {spec.label}
      </label>
      {spec.type === "select" ? (
        <select key={`s-${value}`} {...common} defaultValue={value} className="field-input">
          {spec.choose !== undefined && <option value="">{spec.choose}</option>}
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : spec.type === "textarea" ? (
        <textarea key={`a-${value}`} {...common} rows={2} defaultValue={value} className="field-input" />
      ) : (
        <input key={`i-${value}`} {...common} type={spec.type} min={spec.min} max={spec.max} defaultValue={value} className="field-input" />
      )}
      {hint}
      {error}
    </div>
  );
}

export function DutyAdminForm({ op, hidden = {}, fields, defaults = {}, submit, secondary = false }: Props) {
  const t = useTranslations("duty.admin.errors");
  const [state, action, pending] = useActionState(dutyAdminAction, EMPTY_DUTY_ADMIN_FORM);
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
              <Field spec={f} state={state} value={valueOf(f.name)} />
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
