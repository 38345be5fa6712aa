"use client";

// One labelled field of the staff forms, described by a spec: its hint and its problem are tied to it by
// aria-describedby, and it shows the value a refused post sent back. Each form words its own problems.
import { useId } from "react";

type Option = { value: string; label: string };
type Common = { name: string; label: string; hint?: string; /** Spans both columns of the form's grid. */ wide?: boolean };

export type FieldSpec =
  | (Common & { type: "text" | "email" | "date" | "time" | "number"; min?: number; max?: number; maxLength?: number; inputMode?: "numeric"; autoComplete?: string })
  | (Common & { type: "textarea"; rows?: number; maxLength?: number })
  | (Common & { type: "select"; options: Option[]; /** An empty first choice, labelled. */ choose?: string })
  | (Common & { type: "checkbox" });

type Props = {
  spec: FieldSpec;
  value: string;
  /** The problem, already worded; none when the field is fine. */
  problem?: string;
  /** For inputs whose spec names none. */
  autoComplete?: string;
  /** Lets the field shrink in its grid cell, for long option labels (the organisation tree's). */
  shrink?: boolean;
};

export function SpecField({ spec, value, problem, autoComplete, shrink = false }: Props) {
  const id = `${useId()}-${spec.name}`;
  const describedBy = [spec.hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = { id, name: spec.name, "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy } as const;
  const hint = spec.hint && (
    <p id={`${id}-hint`} className="field-hint">
      {spec.hint}
    </p>
  );
  const error = problem && (
    <p id={`${id}-error`} className="field-error">
      {problem}
    </p>
  );
  // Each control is keyed by the value sent back: React resets a form after its action.
  if (spec.type === "checkbox") {
    return (
      <div className={spec.wide ? "sm:col-span-2" : undefined}>
        <div className="flex min-h-11 items-center gap-3">
          <input key={`c-${value}`} {...common} type="checkbox" defaultChecked={value === "on"} className={shrink ? "h-5 w-5 shrink-0" : "h-5 w-5"} />
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
    <div className={[shrink && "min-w-0", spec.wide && "sm:col-span-2"].filter(Boolean).join(" ") || undefined}>
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
        <textarea key={`a-${value}`} {...common} rows={spec.rows} maxLength={spec.maxLength} defaultValue={value} className="field-input" />
      ) : (
        <input key={`i-${value}`} {...common} type={spec.type} inputMode={spec.inputMode} min={spec.min} max={spec.max} maxLength={spec.maxLength} autoComplete={spec.autoComplete ?? autoComplete} defaultValue={value} className="field-input" />
      )}
      {hint}
      {error}
    </div>
  );
}
