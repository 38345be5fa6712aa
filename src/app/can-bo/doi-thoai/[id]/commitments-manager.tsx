import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { ResultMessage } from "@/components/result-message";
import { getDb } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { maySessionAction } from "@/domain/dialogue/permissions";
import { commitmentFormOptions } from "@/server/commitments/commitment-form-options";
import { COMMITTING_STATUSES } from "@/server/commitments/create-commitment";
import { listCommitments } from "@/server/commitments/list-commitments";
import { CommitmentCard } from "../../../cam-ket/commitment-parts";
import { CreateCommitmentForm } from "../../cam-ket/forms";
import type { StaffSectionProps } from "./section-props";

const excerpt = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The session's commitments, and the form that records a new one for the hosting unit's leader's office. */
export async function CommitmentsManager({ session, roles, locale, query }: StaffSectionProps) {
  const [db, t] = await Promise.all([getDb(), getTranslations("commitments.staff")]);
  const today = toLocalDate(new Date());
  const mayCommit = maySessionAction("commit", roles);
  const held = COMMITTING_STATUSES.includes(session.status);
  const [list, options] = await Promise.all([
    listCommitments(db, { sessionId: session.id }, today),
    mayCommit && held ? commitmentFormOptions(db, session.id, today) : null,
  ]);
  return (
    <section id="cam-ket" aria-labelledby="cam-ket-tieu-de" className="space-y-4">
      <h2 id="cam-ket-tieu-de" className="text-xl font-semibold">
        {t("list.title")}
      </h2>
      {query.cam_ket === "created" && (
        <ResultMessage className="rounded-md border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900">{t("done.created")}</ResultMessage>
      )}
      {list.items.length === 0 ? (
        <p className="text-zinc-700">{t("list.none")}</p>
      ) : (
        <div className="space-y-3">
          {list.items.map((c) => (
            <CommitmentCard key={c.id} c={c} locale={locale} href={`/can-bo/cam-ket/${c.id}`} showSession={false} />
          ))}
        </div>
      )}
      {!mayCommit ? (
        <p className="text-sm text-zinc-700">{t("create.notAllowed")}</p>
      ) : !held || !options ? (
        <p className="text-sm text-zinc-700">{t("create.notHeld")}</p>
      ) : (
        <ClientMessages namespaces={["workspace", "commitments"]}>
          <CreateCommitmentForm
            sessionId={session.id}
            today={today}
            formKey={randomUUID()}
            options={{
              leaders: session.leaders.map((l) => ({ id: l.userId, label: `${l.name}, ${locale === "en" ? l.positionEn : l.position}` })),
              units: options.units.map((u) => ({ id: u.id, label: locale === "en" ? u.nameEn : u.name })),
              questions: options.questions.map((q) => ({ id: `question:${q.id}`, label: t("create.question", { number: q.number, body: excerpt(q.body) }) })),
              cases: options.cases.map((c) => ({ id: `case:${c.id}`, label: t("create.case", { code: c.code }) })),
            }}
          />
        </ClientMessages>
      )}
    </section>
  );
}
