"use client";

// The office's record forms: each a plain <form> posting to a server action, usable without JavaScript; a refused
// post comes back with what was typed and each problem beside its field.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { SpecField, type FieldSpec } from "@/components/forms/spec-field";
import { conclusionAction, matterAction, notifiedAction, recordAction } from "./record-actions";
import { EMPTY_RECORD_FORM, type RecordFormState } from "./record-form-state";

type Option = { value: string; label: string };

function FormProblem({ state, dayId }: { state: RecordFormState; dayId: string }) {
  const t = useTranslations("receptionRecord.errors");
  if (!state.formError) return null;
  const key = t.has(state.formError as "invalid") ? (state.formError as "invalid") : "failed";
  return (
    <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-2 text-red-900">
      {t(key)}{" "}
      {key !== "invalid" && (
        <a href={`/can-bo/tiep-cong-dan/${dayId}#ghi-nhan`} className="font-semibold underline underline-offset-4">
          {t("reload")}
        </a>
      )}
    </p>
  );
}

/** A record form's field: what a refused post sent back comes before the initial value. */
function Field({ state, initial, ...spec }: FieldSpec & { state: RecordFormState; initial?: string }) {
  const t = useTranslations("receptionRecord.problems");
  const problem = state.fieldErrors[spec.name];
  return <SpecField spec={spec} value={state.values[spec.name] ?? initial ?? ""} problem={problem && (t.has(problem as "required") ? t(problem as "required") : t("invalid"))} />;
}

export type RecordInitial = { receiver: string; receivedByUserId: string; receivedByName: string; citizensCount: string; delegationsCount: string; recordingRef: string };

/** Who received, how many citizens and delegations, the recording's reference. */
export function RecordForm(props: { dayId: string; version: number; headName: string | null; officials: Option[]; online: boolean; initial: RecordInitial; held: boolean }) {
  const [state, action, pending] = useActionState(recordAction, EMPTY_RECORD_FORM);
  const t = useTranslations("receptionRecord.staff");
  const tp = useTranslations("receptionRecord.problems");
  const name = useId();
  const receiver = state.values.receiver ?? props.initial.receiver;
  const receiverError = state.fieldErrors.receiver;
  return (
    <form action={action} className="card space-y-4" aria-busy={pending || undefined}>
      <input type="hidden" name="dayId" value={props.dayId} />
      <input type="hidden" name="version" value={props.version} />
      <FormProblem state={state} dayId={props.dayId} />
      <fieldset className="space-y-2" aria-describedby={receiverError ? `${name}-receiver-error` : `${name}-receiver-hint`}>
        <legend className="font-semibold">{t("receiver")}</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="receiver" value="head" defaultChecked={receiver === "head"} disabled={!props.headName} className="mt-1" />
          <span>{props.headName ? t("receiverHead", { name: props.headName }) : t("receiverNoHead")}</span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="receiver" value="other" defaultChecked={receiver === "other"} className="mt-1" />
          <span>{t("receiverOther")}</span>
        </label>
        <p id={`${name}-receiver-hint`} className="field-hint">
          {t("receiverOtherHint")}
        </p>
        {receiverError && (
          <p id={`${name}-receiver-error`} className="field-error">
            {tp.has(receiverError as "required") ? tp(receiverError as "required") : tp("invalid")}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field state={state} name="receivedByUserId" label={t("receivedByUserId")} type="select" options={[{ value: "", label: t("chooseOfficial") }, ...props.officials]} initial={props.initial.receivedByUserId} />
        <Field state={state} name="receivedByName" label={t("receivedByName")} hint={t("receivedByNameHint")} type="text" maxLength={300} initial={props.initial.receivedByName} />
        <Field state={state} name="citizensCount" label={t("citizensCount")} type="number" inputMode="numeric" min={0} initial={props.initial.citizensCount} />
        <Field state={state} name="delegationsCount" label={t("delegationsCount")} type="number" inputMode="numeric" min={0} initial={props.initial.delegationsCount} />
      </div>
      {props.online && <Field state={state} name="recordingRef" label={t("recordingRef")} hint={t("recordingRefHint")} type="text" maxLength={500} initial={props.initial.recordingRef} />}
      <button type="submit" className="btn-primary" disabled={pending}>
        {props.held ? t("submitUpdate") : t("submitRecord")}
      </button>
    </form>
  );
}

/** One matter answered on the spot, guided elsewhere or refused. */
export function MatterForm(props: { dayId: string; categories: Option[]; bookings: Option[] }) {
  const [state, action, pending] = useActionState(matterAction, EMPTY_RECORD_FORM);
  const t = useTranslations("receptionRecord.staff");
  const outcomes = (["answered", "guided", "refused"] as const).map((o) => ({ value: o, label: t(`outcomes.${o}`) }));
  return (
    <form action={action} className="card space-y-4" aria-busy={pending || undefined}>
      <h4 className="text-lg font-semibold">{t("matterTitle")}</h4>
      <input type="hidden" name="dayId" value={props.dayId} />
      <FormProblem state={state} dayId={props.dayId} />
      <Field state={state} name="summary" label={t("summary")} hint={t("summaryHint")} type="textarea" rows={3} maxLength={2000} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field state={state} name="outcome" label={t("outcomeLabel")} type="select" options={outcomes} initial="answered" />
        <Field state={state} name="categoryId" label={t("category")} type="select" options={[{ value: "", label: t("noCategory") }, ...props.categories]} />
      </div>
      <Field state={state} name="response" label={t("response")} hint={t("responseHint")} type="textarea" rows={4} maxLength={5000} />
      {props.bookings.length > 0 && <Field state={state} name="bookingId" label={t("booking")} type="select" options={[{ value: "", label: t("noBooking") }, ...props.bookings]} />}
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("submitMatter")}
      </button>
    </form>
  );
}

/** The date a refusal notice was sent. */
export function NotifiedForm(props: { dayId: string; matterId: string; today: string }) {
  const [state, action, pending] = useActionState(notifiedAction, EMPTY_RECORD_FORM);
  const t = useTranslations("receptionRecord.staff");
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-busy={pending || undefined}>
      <input type="hidden" name="dayId" value={props.dayId} />
      <input type="hidden" name="matterId" value={props.matterId} />
      <FormProblem state={state} dayId={props.dayId} />
      <Field state={state} name="notifiedOn" label={t("notifiedOn")} type="date" initial={props.today} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("markNotified")}
      </button>
    </form>
  );
}

/** The conclusion notice with its items (mode "publish"), or more items once published (mode "add"). */
export function ConclusionForm(props: { dayId: string; version: number; mode: "publish" | "add"; units: Option[]; slots: number; formKey: string; today: string }) {
  const [state, action, pending] = useActionState(conclusionAction, EMPTY_RECORD_FORM);
  const t = useTranslations("receptionRecord.staff");
  return (
    <form action={action} className="card space-y-4" aria-busy={pending || undefined}>
      {props.mode === "add" && <h4 className="text-lg font-semibold">{t("addItemsTitle")}</h4>}
      <input type="hidden" name="dayId" value={props.dayId} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="mode" value={props.mode} />
      <input type="hidden" name="formKey" value={state.values.formKey ?? props.formKey} />
      <FormProblem state={state} dayId={props.dayId} />
      {props.mode === "publish" && <Field state={state} name="text" label={t("conclusionText")} type="textarea" rows={8} maxLength={20000} />}
      <p className="field-hint">{t("itemsHint")}</p>
      {Array.from({ length: props.slots }, (_, i) => (
        <fieldset key={i} className="space-y-3 border-t border-zinc-200 pt-3">
          <legend className="font-semibold">{t("item", { n: i + 1 })}</legend>
          <Field state={state} name={`items.${i}.what`} label={t("what")} type="textarea" rows={2} maxLength={2000} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field state={state} name={`items.${i}.ownerUnitId`} label={t("owner")} type="select" options={[{ value: "", label: t("chooseUnit") }, ...props.units]} />
            <Field state={state} name={`items.${i}.dueOn`} label={t("dueOn")} type="date" />
          </div>
        </fieldset>
      ))}
      <button type="submit" className="btn-primary" disabled={pending}>
        {props.mode === "publish" ? t("publish") : t("addItems")}
      </button>
    </form>
  );
}
