import type { getTranslations } from "next-intl/server";
import type { CategoryView } from "@/server/categories/list-categories";
import { CategoryButton, CategoryForm } from "./forms";

type T = Awaited<ReturnType<typeof getTranslations<"categories">>>;

/** One field of life: its names, code, explanations, use, and the buttons and form that change it. */
export function CategoryItem({ c, t, locale, first, last }: { c: CategoryView; t: T; locale: "vi" | "en"; first: boolean; last: boolean }) {
  const name = locale === "en" ? c.nameEn : c.nameVi;
  return (
    <li id={`lv-${c.id}`} className="card space-y-3">
      <h3 className="font-semibold">
        {c.nameVi}{" "}
        <span lang="en" className="font-normal text-zinc-700">
          / {c.nameEn}
        </span>{" "}
        <span className={c.active ? "rounded border border-green-700 px-1 text-sm text-green-900" : "rounded border border-amber-600 px-1 text-sm text-amber-900"}>
          {c.active ? t("list.active") : t("list.inactive")}
        </span>
      </h3>
      <p className="text-sm text-zinc-700">
        {t("list.code", { code: c.code })} · {t("list.cases", { count: c.cases })}
      </p>
      {c.descriptionVi || c.descriptionEn ? (
        <div className="space-y-1 text-sm">
          {c.descriptionVi && <p>{c.descriptionVi}</p>}
          {c.descriptionEn && (
            <p lang="en" className="text-zinc-700">
              {c.descriptionEn}
            </p>
          )}
        </div>
      ) : (
        <p className="text-sm text-zinc-600">{t("list.noDescription")}</p>
      )}
      <div className="flex flex-wrap gap-3">
        {!first && <CategoryButton op="up" id={c.id} label={t("list.up")} fullLabel={t("list.upLabel", { name })} />}
        {!last && <CategoryButton op="down" id={c.id} label={t("list.down")} fullLabel={t("list.downLabel", { name })} />}
        {c.active ? (
          <CategoryButton op="deactivate" id={c.id} label={t("list.deactivate")} fullLabel={t("list.deactivateLabel", { name })} />
        ) : (
          <CategoryButton op="reactivate" id={c.id} label={t("list.reactivate")} fullLabel={t("list.reactivateLabel", { name })} />
        )}
      </div>
      <CategoryForm
        id={c.id}
        summary={t("list.edit", { name })}
        submit={t("list.save")}
        defaults={{ nameVi: c.nameVi, nameEn: c.nameEn, descriptionVi: c.descriptionVi ?? "", descriptionEn: c.descriptionEn ?? "" }}
      />
    </li>
  );
}
