"use client";

// The holiday forms: each a plain <form> posting to one server action, with or without JavaScript. A change is
// posted once to see which open deadlines it would move, then again (the "save" button) to save it.
import { useActionState, useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { HOLIDAY_KINDS } from "@/domain/holidays/entries";
import { formatDate, formatDateTime } from "@/lib/format";
import { holidayAction } from "./actions";
import { EMPTY_HOLIDAY_FORM, type HolidayFormState } from "./form-state";

type T = ReturnType<typeof useTranslations<"holidays">>;

function problemText(t: T, problem: string): string {
  const key = `problems.${problem}` as "problems.invalid";
  return t.has(key) ? t(key) : t("problems.invalid");
}

function FieldError({ id, problem }: { id: string; problem?: string }) {
  const t = useTranslations("holidays");
  return problem ? (
    <p id={id} className="field-error">
      {problemText(t, problem)}
    </p>
  ) : null;
}

function FormAlert({ state }: { state: HolidayFormState }) {
  const t = useTranslations("holidays");
  const locale = useLocale();
  if (state.formError)
    return (
      <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
        <p>{t(`errors.${state.formError}`)}</p>
      </div>
    );
  if (!state.preview) return null;
  const { moved, op } = state.preview;
  return (
    <div role="status" className="space-y-2 rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-amber-950">
      <p className="font-semibold">{t("preview.title")}</p>
      <p>{moved.length === 0 ? t("preview.none") : t("preview.count", { count: moved.length })}</p>
      {moved.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {moved.map((m) => (
            <li key={`${m.code}-${m.which}`}>
              {t("preview.item", { code: m.code, which: t(`preview.${m.which}`), before: formatDate(m.before, locale), after: formatDate(m.after, locale) })}
            </li>
          ))}
        </ul>
      )}
      {state.preview.receptionDays.length > 0 && (
        <>
          <p>{t("preview.receptionDays", { count: state.preview.receptionDays.length })}</p>
          <ul className="list-disc space-y-1 pl-5">
            {state.preview.receptionDays.map((d) => (
              <li key={d.id}>
                <a href={`/can-bo/tiep-cong-dan/${d.id}`} className="underline underline-offset-4">
                  {t("preview.receptionDay", { title: locale === "en" ? d.titleEn : d.title, time: formatDateTime(new Date(d.startsAt), locale) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="submit" name="apply" value="1" className="btn-primary">
        {op === "remove" ? t("preview.applyRemove") : t("preview.apply")}
      </button>
    </div>
  );
}

type EntryProps = { op: "add" | "edit"; defaults?: Record<string, string> };

/** Adding a day (date, kind, name, confirmed), or editing one (its date fixed). */
export function HolidayEntryForm({ op, defaults = {} }: EntryProps) {
  const t = useTranslations("holidays");
  const [state, action, pending] = useActionState(holidayAction, EMPTY_HOLIDAY_FORM);
  const id = useId();
  const kept = state.formError !== undefined || state.preview !== undefined;
  const valueOf = (name: string) => (kept ? (state.values[name] ?? "") : (defaults[name] ?? ""));
  const err = state.fieldErrors;
  const described = (name: string, hint = false) => [hint && `${id}-${name}-hint`, err[name] && `${id}-${name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="op" value={op} />
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {op === "add" ? (
          <div>
            <label htmlFor={`${id}-date`} className="field-label">
              {t("fields.date")}
            </label>
            <input key={`d-${valueOf("date")}`} id={`${id}-date`} name="date" type="date" defaultValue={valueOf("date")} aria-invalid={err.date ? true : undefined} aria-describedby={described("date", true)} className="field-input" />
            <p id={`${id}-date-hint`} className="field-hint">
              {t("fields.dateHint")}
            </p>
            <FieldError id={`${id}-date-error`} problem={err.date} />
          </div>
        ) : (
          <input type="hidden" name="date" value={defaults.date ?? ""} />
        )}
        <div>
          <label htmlFor={`${id}-kind`} className="field-label">
            {t("fields.kind")}
          </label>
          <select key={`k-${valueOf("kind")}`} id={`${id}-kind`} name="kind" defaultValue={valueOf("kind") || "holiday"} aria-invalid={err.kind ? true : undefined} aria-describedby={described("kind")} className="field-input">
            {HOLIDAY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-kind-error`} problem={err.kind} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-name`} className="field-label">
            {t("fields.name")}
          </label>
          <input key={`n-${valueOf("name")}`} id={`${id}-name`} name="name" type="text" defaultValue={valueOf("name")} aria-invalid={err.name ? true : undefined} aria-describedby={described("name")} className="field-input" />
          <FieldError id={`${id}-name-error`} problem={err.name} />
        </div>
        <div className="flex min-h-11 items-center gap-3 sm:col-span-2">
          <input key={`c-${valueOf("confirmed")}`} id={`${id}-confirmed`} name="confirmed" type="checkbox" defaultChecked={valueOf("confirmed") === "on"} className="h-5 w-5" />
          <label htmlFor={`${id}-confirmed`} className="font-semibold">
            {t("fields.confirmed")}
          </label>
        </div>
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {op === "add" ? t("add.submit") : t("edit.submit")}
      </button>
    </form>
  );
}

export function RemoveHolidayForm({ date }: { date: string }) {
  const t = useTranslations("holidays");
  const [state, action, pending] = useActionState(holidayAction, EMPTY_HOLIDAY_FORM);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="op" value="remove" />
      <input type="hidden" name="date" value={date} />
      <FormAlert state={state} />
      {!state.preview && (
        <button type="submit" className="btn-secondary" disabled={pending}>
          {t("edit.remove")}
        </button>
      )}
    </form>
  );
}

export function PrefillForm({ year }: { year: number }) {
  const t = useTranslations("holidays");
  const [state, action, pending] = useActionState(holidayAction, EMPTY_HOLIDAY_FORM);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="op" value="prefill" />
      <input type="hidden" name="year" value={String(year)} />
      <FormAlert state={state} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("prefill.submit", { year })}
      </button>
    </form>
  );
}
