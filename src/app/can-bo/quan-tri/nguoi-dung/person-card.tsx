import Link from "next/link";
import type { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import type { PeopleView, Person } from "@/server/people/list-people";
import { giveFields } from "./field-specs";
import { PeopleForm } from "./forms";

type T = Awaited<ReturnType<typeof getTranslations<"people">>>;
type Locale = "vi" | "en";

/** One official: their state, their roles (each removable), a form to give another, and (de)activation. */
export function PersonCard({ person, view, t, locale }: { person: Person; view: PeopleView; t: T; locale: Locale }) {
  const headingId = `nd-${person.id}-h`;
  const unitName = (m: Person["memberships"][number]) => (locale === "en" ? m.unitNameEn : m.unitName);
  return (
    <article id={`nd-${person.id}`} aria-labelledby={headingId} className="card space-y-3">
      <header>
        <h3 id={headingId} className="text-lg font-semibold">
          {person.name ?? person.email}
        </h3>
        <p className="break-all text-zinc-700">{person.email}</p>
        <p className="mt-1 flex flex-wrap gap-2 text-sm">
          {person.disabledAt ? (
            <span className="rounded border border-red-700 px-1 text-red-900">{t("person.deactivated", { date: formatDate(person.disabledAt, locale) })}</span>
          ) : (
            <span className="rounded border border-green-700 px-1 text-green-900">{t("person.active")}</span>
          )}
          {person.invited && <span className="rounded border border-amber-600 px-1 text-amber-900">{t("person.invited")}</span>}
        </p>
      </header>

      <div>
        <h4 className="font-semibold">{t("person.memberships")}</h4>
        {person.memberships.length === 0 ? (
          <p>{t("person.noMemberships")}</p>
        ) : (
          <ul className="space-y-2">
            {person.memberships.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 border-t border-zinc-200 pt-2">
                <span>
                  <span className="font-semibold">{t(`roles.${m.role}`)}</span> · {unitName(m)}
                  {m.validTo && <span className="text-zinc-700"> ({t("person.membershipEnded", { date: formatDate(m.validTo, locale) })})</span>}
                </span>
                <PeopleForm
                  op="remove"
                  hidden={{ membershipId: m.id, userId: person.id }}
                  submit={t("person.remove")}
                  submitLabel={t("person.removeLabel", { role: t(`roles.${m.role}`), unit: unitName(m) })}
                  secondary
                />
              </li>
            ))}
          </ul>
        )}
      </div>

      <details>
        <summary className="cursor-pointer font-semibold">{t("person.giveTitle")}</summary>
        <div className="mt-3">
          <PeopleForm op="give" hidden={{ userId: person.id }} fields={giveFields(t, view, locale)} submit={t("person.give")} />
        </div>
      </details>

      {person.disabledAt ? (
        <>
          <div>
            <h4 className="font-semibold">{t("person.openAssignments", { count: person.openAssignments.length })}</h4>
            {person.openAssignments.length === 0 ? (
              <p>{t("person.noOpenAssignments")}</p>
            ) : (
              <ul className="list-disc pl-6">
                {person.openAssignments.map((c) => (
                  <li key={c.caseId}>
                    <Link href={`/can-bo/ho-so/${c.code}`} className="underline underline-offset-4">
                      {c.code}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <PeopleForm op="reactivate" hidden={{ userId: person.id }} submit={t("person.reactivate")} secondary />
        </>
      ) : (
        <PeopleForm op="deactivate" hidden={{ userId: person.id }} submit={t("person.deactivate")} note={t("person.deactivateNote")} secondary />
      )}
    </article>
  );
}
