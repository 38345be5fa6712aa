"use client";

// The forms of the fields-of-life page: each a plain <form> posting to a server action, with or without
// JavaScript. After a refusal the page comes back with what was typed and the problems beside each field.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { CATEGORY_LIMITS } from "@/domain/categories/category-rules";
import { categoryAction, formTextAction } from "./actions";
import { EMPTY_CATEGORIES_FORM, type CategoriesFormState, type CategoryOp } from "./form-state";

function Alert({ state }: { state: CategoriesFormState }) {
  const t = useTranslations("categories.errors");
  return state.formError ? (
    <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      {t(state.formError)}
    </p>
  ) : null;
}

type FieldProps = { name: string; label: string; hint?: string; state: CategoriesFormState; value: string; multiline?: boolean; lang?: string };

function Field({ name, label, hint, state, value, multiline = false, lang }: FieldProps) {
  const t = useTranslations("categories.problems");
  const id = `${useId()}-${name}`;
  const problem = state.fieldErrors[name];
  const describedBy = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = { id, name, lang, defaultValue: value, className: "field-input", "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy } as const;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? <textarea key={`t-${value}`} rows={3} {...common} /> : <input key={`i-${value}`} type="text" autoComplete="off" {...common} />}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="field-error">
          {t.has(problem as "invalid") ? t(problem as "invalid") : t("invalid")}
        </p>
      )}
    </div>
  );
}

type CategoryFormProps = { id?: string; defaults?: Record<string, string>; submit: string; /** Folded under this summary, opened again after a refusal. */ summary?: string };

/** Adding a field (with its code), or editing one's names and explanations (its code fixed). */
export function CategoryForm({ id, defaults = {}, submit, summary }: CategoryFormProps) {
  const t = useTranslations("categories.fields");
  const [state, action, pending] = useActionState(categoryAction, EMPTY_CATEGORIES_FORM);
  const kept = state.formError !== undefined;
  const valueOf = (name: string) => (kept ? (state.values[name] ?? "") : (defaults[name] ?? ""));
  const descriptionHint = t("descriptionHint", { max: CATEGORY_LIMITS.description });
  const body = (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="op" value={id ? "update" : "create"} />
      {id && <input type="hidden" name="id" value={id} />}
      <Alert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {!id && (
          <div className="sm:col-span-2">
            <Field name="code" label={t("code")} hint={t("codeHint")} state={state} value={valueOf("code")} />
          </div>
        )}
        <Field name="nameVi" label={t("nameVi")} state={state} value={valueOf("nameVi")} />
        <Field name="nameEn" label={t("nameEn")} state={state} value={valueOf("nameEn")} lang="en" />
        <Field name="descriptionVi" label={t("descriptionVi")} hint={descriptionHint} state={state} value={valueOf("descriptionVi")} multiline />
        <Field name="descriptionEn" label={t("descriptionEn")} hint={descriptionHint} state={state} value={valueOf("descriptionEn")} multiline lang="en" />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {submit}
      </button>
    </form>
  );
  if (!summary) return body;
  // Without JavaScript a refused edit comes back as a new page: the form must be open to show its problems.
  return (
    <details className="rounded-md border border-zinc-300 p-3" open={kept || undefined}>
      <summary className="cursor-pointer font-semibold">{summary}</summary>
      <div className="mt-3">{body}</div>
    </details>
  );
}

/** One button changing a field at once: up, down, deactivate, reactivate. */
export function CategoryButton({ op, id, label, fullLabel }: { op: Exclude<CategoryOp, "create" | "update">; id: string; label: string; fullLabel: string }) {
  const [state, action, pending] = useActionState(categoryAction, EMPTY_CATEGORIES_FORM);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="id" value={id} />
      <Alert state={state} />
      <button type="submit" className="btn-secondary" disabled={pending} aria-label={fullLabel}>
        {label}
      </button>
    </form>
  );
}

type TextFormProps = {
  textKey: string;
  name: string;
  max: number;
  defaults: { textVi: string; textEn: string };
  /** A kind's explanation is previewed in its card, under the kind's name. */
  kindName?: { vi: string; en: string };
};

/** Rewording one text of the citizens' form: preview first (shown as on the form), then save. */
export function FormTextForm({ textKey, name, max, defaults, kindName }: TextFormProps) {
  const t = useTranslations("categories.texts");
  const [state, action, pending] = useActionState(formTextAction, EMPTY_CATEGORIES_FORM);
  const kept = state.formError !== undefined || state.preview !== undefined;
  const valueOf = (field: "textVi" | "textEn") => (kept ? (state.values[field] ?? "") : defaults[field]);
  const hint = t("hint", { max });
  return (
    <form action={action} className="space-y-4" noValidate aria-label={name}>
      <input type="hidden" name="key" value={textKey} />
      <Alert state={state} />
      <Field name="textVi" label={t("textVi")} hint={hint} state={state} value={valueOf("textVi")} multiline />
      <Field name="textEn" label={t("textEn")} hint={hint} state={state} value={valueOf("textEn")} multiline lang="en" />
      {state.preview && (
        <div role="status" className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">{t("previewTitle")}</p>
          {(["textVi", "textEn"] as const).map((f) => (
            <div key={f} lang={f === "textEn" ? "en" : "vi"} className="rounded-md border border-zinc-300 bg-white p-3 text-zinc-900">
              {kindName && <span className="block font-semibold">{f === "textEn" ? kindName.en : kindName.vi}</span>}
              <span className="block text-sm text-zinc-700">{state.preview![f]}</span>
            </div>
          ))}
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="op" value="preview" className="btn-secondary" disabled={pending}>
          {t("preview")}
        </button>
        <button type="submit" name="op" value="save" className="btn-primary" disabled={pending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}

export function RestoreTextForm({ textKey, name }: { textKey: string; name: string }) {
  const t = useTranslations("categories.texts");
  const [state, action, pending] = useActionState(formTextAction, EMPTY_CATEGORIES_FORM);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="key" value={textKey} />
      <input type="hidden" name="op" value="restore" />
      <Alert state={state} />
      <button type="submit" className="btn-secondary" disabled={pending} aria-label={t("restoreLabel", { name })}>
        {t("restore")}
      </button>
    </form>
  );
}
