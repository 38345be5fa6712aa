import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listRoutingRules } from "@/server/routing-rules/list-routing-rules";
import { isRuleDone, PAGE } from "./form-state";
import { RuleForm, type RuleOptionLists } from "./rule-form";
import { RuleList } from "./rule-list";

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function RoutingRulesPage({ searchParams }: Props) {
  const viewer = await requireStaffPage(PAGE);
  if (!hasRole(viewer, "admin")) forbidden();
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("routingRules")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const done = first(raw.xong);
  const { rules, options } = await listRoutingRules(db, viewer);
  const editing = rules.find((r) => r.id === first(raw.sua));

  const lists: RuleOptionLists = {
    units: options.units.filter((u) => !u.closed).map((u) => ({ id: u.id, label: u[locale] })),
    areas: options.areas.map((a) => ({ id: a.id, label: a[locale] })),
    categories: options.categories.map((c) => ({ id: c.id, label: c[locale] })),
  };
  const sampleDefaults = { sampleKind: "denunciation" };

  // Its forms are client components (pending state, errors by field, the tester's outcome): they get this namespace.
  return (
    <ClientMessages namespaces={["routingRules"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="max-w-prose text-zinc-700">{t("intro")}</p>
        </header>
        {isRuleDone(done) && (
          <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`done.${done}`)}
          </p>
        )}

        {editing && (
          <section id="sua" aria-labelledby="sua-h" className="card space-y-4">
            <h2 id="sua-h" className="text-xl font-semibold">
              {t("edit.title", { n: editing.position })}
            </h2>
            <RuleForm
              key={editing.id}
              op="update"
              options={lists}
              defaults={{
                id: editing.id,
                kind: editing.kind ?? "",
                categoryId: editing.category?.id ?? "",
                areaId: editing.area?.id ?? "",
                subjectUnitId: editing.subjectUnit?.id ?? "",
                unitId: editing.unit.id,
                priority: String(editing.priority),
                note: editing.note ?? "",
                ...sampleDefaults,
                sampleSubjectUnitId: editing.subjectUnit?.id ?? "",
                sampleAreaId: editing.area?.id ?? "",
                sampleCategoryId: editing.category?.id ?? "",
                sampleKind: editing.kind ?? "denunciation",
              }}
            />
            <Link href={PAGE} className="inline-block underline">
              {t("edit.cancel")}
            </Link>
          </section>
        )}

        <section id="quy-tac" aria-labelledby="quy-tac-h" className="card space-y-4">
          <h2 id="quy-tac-h" className="text-xl font-semibold">
            {t("list.title")}
          </h2>
          <p className="max-w-prose text-zinc-700">{t("list.order")}</p>
          <RuleList rules={rules} locale={locale} />
        </section>

        <section id="thu" aria-labelledby="thu-h" className="card space-y-4">
          <h2 id="thu-h" className="text-xl font-semibold">
            {t("tester.title")}
          </h2>
          <RuleForm op="test" options={lists} defaults={sampleDefaults} />
        </section>

        <section id="them" aria-labelledby="them-h" className="card space-y-4">
          <h2 id="them-h" className="text-xl font-semibold">
            {t("create.title")}
          </h2>
          <RuleForm op="create" options={lists} defaults={{ priority: "0", ...sampleDefaults }} />
        </section>
      </div>
    </ClientMessages>
  );
}
