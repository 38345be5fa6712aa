"use client";

// One planning form: a plain <form> posting to a server action, usable without JavaScript. A refused post comes
// back with what was typed and a message beside each field.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { EMPTY_PLAN_FORM, type PlanField, type PlanFormState } from "./plan-form-state";

type Props = {
  action: (prev: PlanFormState, form: FormData) => Promise<PlanFormState>;
  title?: string;
  help?: string;
  hidden: Record<string, string>;
  fields: PlanField[];
  submit: string;
  danger?: boolean;
  reloadHref: string;
};

export function PlanForm(props: Props) {
  const [state, formAction, pending] = useActionState<PlanFormState, FormData>(props.action, EMPTY_PLAN_FORM);
  const t = useTranslations("reception");
  const base = useId();
  const headingId = `${base}-title`;
  const problem = (p: string) => (t.has(`problems.${p}` as "problems.invalid") ? t(`problems.${p}` as "problems.invalid") : t("problems.invalid"));
  const value = (f: PlanField) => (state.formError ? (state.values[f.name] ?? "") : (f.defaultValue ?? ""));
  return (
    <form action={formAction} className="card space-y-3" aria-busy={pending || undefined} aria-labelledby={props.title ? headingId : undefined}>
      {Object.entries(props.hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {props.title && (
        <h3 id={headingId} className="text-lg font-semibold">
          {props.title}
        </h3>
      )}
      {props.help && <p className="text-sm text-zinc-700">{props.help}</p>}
      {state.formError && (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-2 text-red-900">
          {t(`errors.${state.formError}`)}{" "}
          {state.formError !== "invalid" && (
            <a href={props.reloadHref} className="font-semibold underline underline-offset-4">
              {t("errors.reload")}
            </a>
          )}
        </p>
      )}
      {state.fieldErrors.form && <p className="field-error">{problem(state.fieldErrors.form)}</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        {props.fields.map((f) => {
          const id = `${base}-${f.name}`;
          const error = state.fieldErrors[f.name];
          const describedBy = [f.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
          const common = { id, name: f.name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
          const wide = f.type === "textarea" || f.type === "url" || f.type === "select" || f.name === "place" || f.name === "reason";
          return (
            <div key={f.name} className={wide ? "sm:col-span-2" : undefined}>
              {f.type === "checkbox" ? (
                <label htmlFor={id} className="flex items-center gap-2 font-semibold">
                  <input {...common} type="checkbox" defaultChecked={state.formError ? state.values[f.name] === "on" : f.defaultValue === "on"} className="h-5 w-5" />
                  {f.label}
                </label>
              ) : (
                <label htmlFor={id} className="field-label">
                  {f.label}
                </label>
              )}
              {f.type === "textarea" && <textarea {...common} rows={3} maxLength={f.maxLength} defaultValue={value(f)} className="field-input" />}
              {f.type === "select" && (
                <select {...common} defaultValue={value(f)} className="field-input">
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
              {(f.type === "text" || f.type === "url" || f.type === "date" || f.type === "time" || f.type === "number") && (
                <input
                  {...common}
                  type={f.type}
                  step={f.type === "time" ? 60 : undefined}
                  min={f.type === "number" ? 0 : undefined}
                  max={f.type === "number" ? 500 : undefined}
                  inputMode={f.type === "number" ? "numeric" : undefined}
                  maxLength={f.maxLength}
                  defaultValue={value(f)}
                  className="field-input"
                />
              )}
              {f.hint && (
                <p id={`${id}-hint`} className="field-hint">
                  {f.hint}
                </p>
              )}
              {error && (
                <p id={`${id}-error`} className="field-error">
                  {problem(error)}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <button type="submit" className={props.danger ? "btn-secondary border-red-700 text-red-800" : "btn-primary"} disabled={pending}>
        {props.submit}
      </button>
    </form>
  );
}
