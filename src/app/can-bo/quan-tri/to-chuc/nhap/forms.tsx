"use client";

// The import form: a plain multipart <form> posting the file to one server action, with or without JavaScript.
// The preview is the action's state, the file's text and hashes in it; React binds that state to the forms (hidden
// fields without JavaScript), so the second button posts it back to be written.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import type { FieldValue, ImportChange } from "@/domain/organisation/csv-diff";
import { fileValueOfKind, type ImportProblem } from "@/domain/organisation/csv-format";
import { IMPORT_MAX_BYTES } from "@/domain/organisation/csv-read";
import { importAction } from "./actions";
import { EMPTY_IMPORT_FORM, type ImportFormState } from "./form-state";

type T = ReturnType<typeof useTranslations<"orgImport">>;
const MAX_KB = IMPORT_MAX_BYTES / 1024;

function problemText(t: T, p: ImportProblem): string {
  const where = p.column ? t("problems.whereColumn", { line: p.line, column: p.column }) : t("problems.where", { line: p.line });
  const key = `problems.${p.problem}` as "problems.required";
  return `${where}: ${t.has(key) ? t(key, (p.params ?? {}) as never) : p.problem}`;
}

function valueText(t: T, field: string, value: FieldValue): string {
  if (value === null || value === "") return t("preview.empty");
  if (typeof value === "boolean") return value ? t("preview.yes") : t("preview.no");
  return field === "kind" ? fileValueOfKind(value) : value;
}

function ChangeItem({ change }: { change: Exclude<ImportChange, { op: "unchanged" }> }) {
  const t = useTranslations("orgImport");
  const entity = t(`entity.${change.entity}`);
  if (change.op === "create") return <li>{t("preview.create", { line: change.line, entity, code: change.code, name: change.values.name })}</li>;
  return (
    <li>
      {t("preview.update", { line: change.line, entity, code: change.code })}
      <ul className="list-[circle] pl-5">
        {change.fields.map((f) => (
          <li key={f.field}>{t("preview.field", { field: t(`fields.${f.field}`), before: valueText(t, f.field, f.before), after: valueText(t, f.field, f.after) })}</li>
        ))}
      </ul>
    </li>
  );
}

function Problems({ state }: { state: ImportFormState }) {
  const t = useTranslations("orgImport");
  if (!state.problems || state.problems.length === 0) return null;
  const count = state.problemCount ?? state.problems.length;
  return (
    <div className="space-y-2">
      <p className="font-semibold">{t("problems.title", { count })}</p>
      <ul className="list-disc space-y-1 pl-5 break-words">
        {state.problems.map((p, i) => (
          <li key={`${p.line}-${p.column ?? ""}-${i}`}>{problemText(t, p)}</li>
        ))}
      </ul>
      {count > state.problems.length && <p>{t("problems.more", { count: count - state.problems.length })}</p>}
    </div>
  );
}

function Preview({ preview, action, pending }: { preview: NonNullable<ImportFormState["preview"]>; action: (form: FormData) => void; pending: boolean }) {
  const t = useTranslations("orgImport");
  const { counts } = preview;
  return (
    <section role="status" aria-labelledby="xem-truoc-h" className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-amber-950">
      <h2 id="xem-truoc-h" className="text-lg font-semibold">
        {t("preview.title")}
      </h2>
      <p>{t("preview.lines", { lines: preview.lines })}</p>
      <p>{t("preview.areas", counts.area)}</p>
      <p>{t("preview.units", counts.unit)}</p>
      {preview.changeCount === 0 ? (
        <p className="font-semibold">{t("preview.none")}</p>
      ) : (
        <>
          <h3 className="font-semibold">{t("preview.changesTitle")}</h3>
          <ul className="list-disc space-y-1 pl-5 break-words">
            {preview.changes.map((c) => (
              <ChangeItem key={`${c.entity}-${c.code}`} change={c} />
            ))}
          </ul>
          {preview.changeCount > preview.changes.length && <p>{t("preview.more", { count: preview.changeCount - preview.changes.length })}</p>}
          <form action={action} className="space-y-2">
            <input type="hidden" name="op" value="apply" />
            <p>{t("preview.applyNote")}</p>
            <button type="submit" className="btn-primary" disabled={pending}>
              {t("preview.apply", { count: preview.changeCount })}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

export function ImportForm() {
  const t = useTranslations("orgImport");
  const [state, action, pending] = useActionState(importAction, EMPTY_IMPORT_FORM);
  const id = useId();
  const fileKey = state.fileError && state.fileError !== "has_problems" ? (`fileErrors.${state.fileError}` as "fileErrors.required") : null;
  const described = [`${id}-hint`, (fileKey || state.problems?.length) && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="space-y-4">
      {state.formError && (
        <div role="alert" id={`${id}-error`} className="space-y-2 rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          <p>{t(`errors.${state.formError}`)}</p>
          {fileKey && t.has(fileKey) && <p>{t(fileKey, { maxKb: MAX_KB })}</p>}
          <Problems state={state} />
        </div>
      )}
      {state.preview && <Preview preview={state.preview} action={action} pending={pending} />}
      <form action={action} className="space-y-3">
        <input type="hidden" name="op" value="preview" />
        <div>
          <label htmlFor={`${id}-file`} className="field-label">
            {t("upload.label")}
          </label>
          <input id={`${id}-file`} name="file" type="file" accept=".csv,text/csv" aria-invalid={state.formError === "invalid" ? true : undefined} aria-describedby={described} className="field-input" />
          <p id={`${id}-hint`} className="field-hint">
            {t("upload.hint", { maxKb: MAX_KB })}
          </p>
        </div>
        <button type="submit" className="btn-secondary" disabled={pending}>
          {t("upload.submit")}
        </button>
      </form>
    </div>
  );
}
