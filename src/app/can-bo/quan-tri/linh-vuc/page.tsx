import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listCategories } from "@/server/categories/list-categories";
import { listFormTexts } from "@/server/form-texts/list-form-texts";
import { CategoryItem } from "./category-list";
import { FormTextItem } from "./form-text-list";
import { isCategoriesDone } from "./form-state";
import { CategoryForm } from "./forms";

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CategoriesAdminPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/quan-tri/linh-vuc");
  if (!hasRole(viewer, "admin")) forbidden();
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("categories")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const done = first(raw.xong);
  const [list, texts] = await Promise.all([listCategories(db, viewer), listFormTexts(db, viewer)]);

  // Its forms are client components (pending state, errors by field): they get this namespace's words.
  return (
    <ClientMessages namespaces={["categories"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="max-w-prose text-zinc-700">{t("intro")}</p>
        </header>
        {isCategoriesDone(done) && (
          <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`done.${done}`)}
          </p>
        )}

        <section id="linh-vuc" aria-labelledby="linh-vuc-h" className="space-y-4">
          <h2 id="linh-vuc-h" className="text-xl font-semibold">
            {t("list.title")}
          </h2>
          {list.length === 0 && <p className="card">{t("list.empty")}</p>}
          <ol className="space-y-4">
            {list.map((c, i) => (
              <CategoryItem key={c.id} c={c} t={t} locale={locale} first={i === 0} last={i === list.length - 1} />
            ))}
          </ol>
        </section>

        <section id="them" aria-labelledby="them-h" className="card space-y-4">
          <h2 id="them-h" className="text-xl font-semibold">
            {t("add.title")}
          </h2>
          <CategoryForm submit={t("add.submit")} />
        </section>

        <section id="loi-giai-thich" aria-labelledby="loi-giai-thich-h" className="space-y-4">
          <h2 id="loi-giai-thich-h" className="text-xl font-semibold">
            {t("texts.title")}
          </h2>
          <p className="max-w-prose text-zinc-700">{t("texts.intro")}</p>
          <ul className="space-y-4">
            {texts.map((text) => (
              <FormTextItem key={text.key} text={text} t={t} locale={locale} />
            ))}
          </ul>
        </section>
      </div>
    </ClientMessages>
  );
}
