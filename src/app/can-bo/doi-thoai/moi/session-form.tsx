"use client";

// The schedule and edit form. A plain <form> posting to a server action: with JavaScript it submits in place,
// without it the browser posts and gets the page back with what was typed and the problems beside the fields.
import { useActionState, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { EMPTY_SESSION_FORM, LEADER_SLOTS, type SessionFormState } from "./form-state";

type Option = { value: string; label: string };
type Action = (state: SessionFormState, form: FormData) => Promise<SessionFormState>;

// Kept equal to SESSION_LIMITS (src/server/dialogue/session-details.ts), which the server enforces.
const MAX = { title: 200, topic: 200, description: 5000, location: 300, url: 500, position: 200 };

export type SessionFormProps = {
  mode: "schedule" | "edit";
  action: Action;
  units?: Option[];
  areas: Option[];
  leaders: Option[];
  defaults: Record<string, string>;
  hidden?: Record<string, string>;
};

function Problem({ id, problem }: { id: string; problem: string | undefined }) {
  const t = useTranslations("dialogue.problems");
  if (!problem) return null;
  return (
    <p id={id} className="field-error">
      {t.has(problem as "required") ? t(problem as "required") : t("invalid")}
    </p>
  );
}

function described(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

function Field(props: {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  values: Record<string, string>;
  errors: Record<string, string>;
  children: (attrs: { id: string; name: string; defaultValue: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string }) => ReactNode;
}) {
  const t = useTranslations("dialogue.form");
  const base = useId();
  const id = `${base}-${props.name.replace(/\./g, "-")}`;
  const error = props.errors[props.name];
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {props.label} {props.optional && <span className="font-normal text-zinc-600">({t("optional")})</span>}
      </label>
      {props.children({
        id,
        name: props.name,
        defaultValue: props.values[props.name] ?? "",
        "aria-invalid": error ? true : undefined,
        "aria-describedby": described(props.hint && `${id}-hint`, error && `${id}-error`),
        className: "field-input",
      })}
      {props.hint && (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      <Problem id={`${id}-error`} problem={error} />
    </div>
  );
}

/** A choice list; `choose` is the empty first option, left out when there is nothing to choose between. */
function Select({ options, choose, ...attrs }: { options: Option[]; choose: string | null } & { id: string; name: string; defaultValue: string; className: string }) {
  return (
    <select {...attrs}>
      {choose !== null && <option value="">{choose}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function SessionForm({ mode, action, units, areas, leaders, defaults, hidden }: SessionFormProps) {
  const [state, formAction, pending] = useActionState<SessionFormState, FormData>(action, EMPTY_SESSION_FORM);
  const t = useTranslations("dialogue.form");
  const tErrors = useTranslations("dialogue.errors");
  const tKinds = useTranslations("dialogue.kinds");
  const values = state.formError ? state.values : defaults;
  const errors = state.fieldErrors;
  const common = { values, errors };
  const leadersLegend = useId();
  return (
    <form action={formAction} className="space-y-5" aria-busy={pending || undefined} noValidate>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.formError && (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          <p>{tErrors(state.formError)}</p>
        </div>
      )}
      {/* Remounted after each refusal so that every field shows what was sent, selects included. */}
      <div key={JSON.stringify(values)} className="space-y-5">
        {mode === "schedule" && units && (
          <Field name="unitId" label={t("unit")} {...common}>
            {(attrs) => <Select {...attrs} options={units} choose={units.length === 1 ? null : t("unitChoose")} defaultValue={attrs.defaultValue || (units.length === 1 ? units[0]!.value : "")} />}
          </Field>
        )}
        <Field name="kind" label={t("kind")} hint={t("kindHelpConference")} {...common}>
          {(attrs) => (
            <select {...attrs} defaultValue={attrs.defaultValue || "dialogue"}>
              <option value="dialogue">{tKinds("dialogue")}</option>
              <option value="conference">{tKinds("conference")}</option>
            </select>
          )}
        </Field>
        <Field name="title" label={t("title")} {...common}>
          {(attrs) => <input {...attrs} type="text" maxLength={MAX.title + 50} />}
        </Field>
        <Field name="topic" label={t("topic")} {...common}>
          {(attrs) => <input {...attrs} type="text" maxLength={MAX.topic + 50} />}
        </Field>
        <Field name="description" label={t("description")} optional {...common}>
          {(attrs) => <textarea {...attrs} rows={4} maxLength={MAX.description + 100} />}
        </Field>
        <Field name="areaId" label={t("area")} {...common}>
          {(attrs) => <Select {...attrs} options={areas} choose={t("areaChoose")} />}
        </Field>

        <fieldset className="space-y-3 rounded-md border border-zinc-300 p-3" aria-describedby={described(`${leadersLegend}-hint`, errors.leaders && `${leadersLegend}-error`)}>
          <legend className="px-1 font-semibold">{t("leadersLegend")}</legend>
          <p id={`${leadersLegend}-hint`} className="field-hint">
            {t("leadersHint")}
          </p>
          <Problem id={`${leadersLegend}-error`} problem={errors.leaders} />
          {Array.from({ length: LEADER_SLOTS }, (_, i) => (
            <div key={i} className="grid gap-3 border-t border-zinc-200 pt-3 sm:grid-cols-3">
              <Field name={`leaders.${i}.userId`} label={t("leader", { n: i + 1 })} optional={i > 0} {...common}>
                {(attrs) => <Select {...attrs} options={leaders} choose={t("leaderChoose")} />}
              </Field>
              <Field name={`leaders.${i}.position`} label={t("position")} {...common}>
                {(attrs) => <input {...attrs} type="text" maxLength={MAX.position + 50} />}
              </Field>
              <Field name={`leaders.${i}.positionEn`} label={t("positionEn")} {...common}>
                {(attrs) => <input {...attrs} type="text" lang="en" maxLength={MAX.position + 50} />}
              </Field>
            </div>
          ))}
        </fieldset>

        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="date" label={t("date")} {...common}>
            {(attrs) => <input {...attrs} type="date" />}
          </Field>
          <Field name="startTime" label={t("startTime")} hint={t("timeHint")} {...common}>
            {(attrs) => <input {...attrs} type="time" step={60} />}
          </Field>
          <Field name="endTime" label={t("endTime")} {...common}>
            {(attrs) => <input {...attrs} type="time" step={60} />}
          </Field>
        </div>
        <Field name="location" label={t("location")} {...common}>
          {(attrs) => <input {...attrs} type="text" maxLength={MAX.location + 50} />}
        </Field>
        <Field name="livestreamUrl" label={t("livestreamUrl")} hint={t("livestreamHint")} optional {...common}>
          {(attrs) => <input {...attrs} type="url" inputMode="url" maxLength={MAX.url + 50} placeholder="https://" />}
        </Field>

        <fieldset className="space-y-3 rounded-md border border-zinc-300 p-3">
          <legend className="sr-only">{t("questionsInAdvance")}</legend>
          <label className="flex items-center gap-2 font-semibold">
            <input type="checkbox" name="questionsInAdvance" defaultChecked={values.questionsInAdvance === "on"} className="size-5" aria-describedby={errors.questionsInAdvance ? "q-adv-error" : undefined} />
            {t("questionsInAdvance")}
          </label>
          <Problem id="q-adv-error" problem={errors.questionsInAdvance} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field name="questionsCloseDate" label={t("questionsCloseDate")} hint={t("questionsCloseHint")} optional {...common}>
              {(attrs) => <input {...attrs} type="date" />}
            </Field>
            <Field name="questionsCloseTime" label={t("questionsCloseTime")} optional {...common}>
              {(attrs) => <input {...attrs} type="time" step={60} />}
            </Field>
          </div>
        </fieldset>
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {mode === "schedule" ? t("submit") : t("save")}
      </button>
    </form>
  );
}
