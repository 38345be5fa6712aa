import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { mayManagePeople } from "@/domain/people/rules";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listPeople } from "@/server/people/list-people";
import { inviteFields } from "./field-specs";
import { isPeopleDone } from "./form-state";
import { PeopleForm } from "./forms";
import { PersonCard } from "./person-card";

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PeoplePage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/quan-tri/nguoi-dung");
  if (!mayManagePeople(viewer.memberships.map((m) => m.role))) forbidden();
  const [db, raw, localeRaw, t] = await Promise.all([getDb(), searchParams, getLocale(), getTranslations("people")]);
  const locale = localeRaw === "en" ? "en" : "vi";
  const done = first(raw.xong);
  const view = await listPeople(db, viewer, { query: first(raw.q) ?? "" });

  // Its forms are client components (pending state, errors by field): they get this namespace's words.
  return (
    <ClientMessages namespaces={["people"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="max-w-prose text-zinc-700">{t("intro")}</p>
        </header>
        {isPeopleDone(done) && (
          <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`done.${done}`)}
          </p>
        )}

        <section id="moi" aria-labelledby="moi-h" className="card space-y-4">
          <h2 id="moi-h" className="text-xl font-semibold">
            {t("invite.title")}
          </h2>
          <p className="max-w-prose text-zinc-700">{t("invite.note")}</p>
          <PeopleForm op="invite" fields={inviteFields(t, view, locale)} submit={t("invite.submit")} />
        </section>

        <section id="nguoi-dung" aria-labelledby="nguoi-dung-h" className="space-y-4">
          <h2 id="nguoi-dung-h" className="text-xl font-semibold">
            {t("title")}
          </h2>
          <form method="get" role="search" className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1">
              <label htmlFor="people-q" className="field-label">
                {t("search.label")}
              </label>
              <input id="people-q" name="q" type="search" defaultValue={view.query} className="field-input" />
            </div>
            <button type="submit" className="btn-secondary">
              {t("search.submit")}
            </button>
            {view.query && (
              <Link href="/can-bo/quan-tri/nguoi-dung" className="underline underline-offset-4">
                {t("search.clear")}
              </Link>
            )}
          </form>
          {view.people.length === 0 && <p className="card">{t("search.none")}</p>}
          {view.truncated && <p>{t("search.truncated")}</p>}
          {view.people.map((person) => (
            <PersonCard key={person.id} person={person} view={view} t={t} locale={locale} />
          ))}
        </section>
      </div>
    </ClientMessages>
  );
}
