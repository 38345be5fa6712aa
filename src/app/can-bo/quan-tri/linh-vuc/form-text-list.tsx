import type { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import { MESSAGES } from "@/i18n/messages";
import { CASE_KINDS, type CaseKind } from "@/domain/types";
import type { FormTextView } from "@/server/form-texts/list-form-texts";
import { FormTextForm, RestoreTextForm } from "./forms";

type T = Awaited<ReturnType<typeof getTranslations<"categories">>>;

const kindOf = (key: string): CaseKind | undefined => CASE_KINDS.find((k) => key === `kind_${k}`);

/** One text of the citizens' form: where it shows, whether it is the default, its editor and the way back. */
export function FormTextItem({ text, t, locale }: { text: FormTextView; t: T; locale: "vi" | "en" }) {
  const name = t(`texts.keys.${text.key}`);
  const kind = kindOf(text.key);
  const current = text.stored ? { textVi: text.stored.vi, textEn: text.stored.en } : { textVi: text.bundled.vi, textEn: text.bundled.en };
  return (
    <li id={`lg-${text.key}`} className="card space-y-3">
      <h3 className="font-semibold">{name}</h3>
      <p className="text-sm text-zinc-700">
        {text.stored
          ? text.stored.updatedBy
            ? t("texts.customBy", { date: formatDate(text.stored.updatedAt, locale), name: text.stored.updatedBy })
            : t("texts.custom", { date: formatDate(text.stored.updatedAt, locale) })
          : t("texts.default")}
      </p>
      <FormTextForm
        textKey={text.key}
        name={name}
        max={text.max}
        defaults={current}
        kindName={kind ? { vi: MESSAGES.vi.kinds[kind].name, en: MESSAGES.en.kinds[kind].name } : undefined}
      />
      {text.stored && (
        <>
          <details className="text-sm text-zinc-700">
            <summary className="cursor-pointer font-semibold">{t("texts.bundled")}</summary>
            <p className="mt-2">{text.bundled.vi}</p>
            <p lang="en" className="mt-1">
              {text.bundled.en}
            </p>
          </details>
          <RestoreTextForm textKey={text.key} name={name} />
        </>
      )}
    </li>
  );
}
