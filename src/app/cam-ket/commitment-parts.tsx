// Pieces the commitment pages share (the public list, a commitment's page, the session's section, the staff
// pages). Server components only: no script reaches the citizen.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CommitmentStatus } from "@/domain/dialogue/vocabulary";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import type { PublicCommitment } from "@/server/commitments/commitment-view";
import type { CommitmentDetail } from "@/server/commitments/get-commitment";
import type { CommitmentCounts } from "@/server/commitments/list-commitments";

type Locale = "vi" | "en";

const STATUS_STYLE: Record<CommitmentStatus, string> = {
  open: "bg-sky-100 text-sky-900 border-sky-700",
  kept: "bg-green-100 text-green-900 border-green-700",
  missed: "bg-zinc-200 text-zinc-900 border-zinc-700",
};

export async function StatusBadges({ c }: { c: Pick<PublicCommitment, "status" | "overdue"> }) {
  const t = await getTranslations("commitments");
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[c.status]}`}>{t(`status.${c.status}`)}</span>
      {/* Flagged like an overdue case: white on dark red. */}
      {c.overdue && <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-bold text-white">{t("status.overdue")}</span>}
    </span>
  );
}

export const unitName = (u: { name: string; nameEn: string }, locale: Locale) => (locale === "en" ? u.nameEn : u.name);

export function leaderLabel(c: PublicCommitment, locale: Locale): string {
  const position = locale === "en" ? c.leader.positionEn : c.leader.position;
  return position ? `${c.leader.name}, ${position}` : c.leader.name;
}

/** Where the commitment came from: a question of its session, a case (its public page), or neither. */
export async function SourceText({ c, withSession = true }: { c: PublicCommitment; withSession?: boolean }) {
  const t = await getTranslations("commitments.item");
  const parts: React.ReactNode[] = [];
  if (c.question) {
    const label = withSession && c.session ? t("questionOf", { number: c.question.number, session: c.session.title }) : t("question", { number: c.question.number });
    parts.push(
      c.session ? (
        <Link key="q" href={`/doi-thoai/${c.session.id}`} className="underline underline-offset-4">
          {label}
        </Link>
      ) : (
        <span key="q">{label}</span>
      ),
    );
  }
  if (c.case) {
    parts.push(
      <Link key="c" href={`/tra-cuu/${c.case.code}`} className="font-mono underline underline-offset-4">
        {t("case", { code: c.case.code })}
      </Link>,
    );
  }
  if (c.reception) parts.push(<ReceptionSource key="r" c={c} />);
  if (parts.length === 0) return <span>{t("noSource")}</span>;
  return <span className="flex flex-wrap gap-x-3">{parts}</span>;
}

/** An item of a reception's conclusion notice: "Thông báo kết luận buổi tiếp công dân ngày …", to the day's page. */
async function ReceptionSource({ c }: { c: PublicCommitment }) {
  const [t, locale] = await Promise.all([getTranslations("receptionRecord.commitment"), getLocale()]);
  if (!c.reception) return null;
  return (
    <Link href={`/tiep-cong-dan/${c.reception.id}`} className="underline underline-offset-4">
      {t("source", { date: formatDate(c.reception.startsAt, locale) })}
    </Link>
  );
}

/** One commitment in a list. `href` is where its title leads (the public page, or the staff one). */
export async function CommitmentCard({ c, locale, href, showSession = true }: { c: PublicCommitment; locale: Locale; href: string; showSession?: boolean }) {
  const t = await getTranslations("commitments");
  return (
    <article className={`card space-y-3 ${c.overdue ? "border-l-4 border-l-red-700" : ""}`} aria-labelledby={`cam-ket-${c.id}`}>
      <StatusBadges c={c} />
      <h3 id={`cam-ket-${c.id}`} className="text-lg font-semibold break-words whitespace-pre-line">
        <Link href={href} className="underline-offset-4 hover:underline">
          {c.body}
        </Link>
      </h3>
      <CommitmentFacts c={c} locale={locale} withSession={showSession} compact />
      <p>
        <Link href={href} className="font-semibold underline underline-offset-4">
          {t("item.open")}
        </Link>
      </p>
    </article>
  );
}

/** Kept, missed, open and overdue, as figures. */
export async function CountsList({ counts, locale }: { counts: CommitmentCounts; locale: Locale }) {
  const t = await getTranslations("commitments.counts");
  const items = [
    ["total", counts.total, "text-zinc-900"],
    ["kept", counts.kept, "text-green-800"],
    ["open", counts.open, "text-sky-800"],
    ["overdue", counts.overdue, "text-red-800"],
    ["missed", counts.missed, "text-zinc-800"],
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {items.map(([key, value, colour]) => (
        <div key={key} className="card py-3">
          <dt className="text-sm text-zinc-600">{t(key)}</dt>
          <dd className={`text-2xl font-bold ${colour}`}>{formatNumber(value, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A file size as people read it. */
export function fileSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), locale)} KB`;
  return `${new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}


/**
 * What was promised, by whom, by when, carried out by which unit, and where it came from. `compact`: as a list's
 * card shows it (smaller, with the closing date under the deadline).
 */
export async function CommitmentFacts({ c, locale, withSession = true, compact = false }: { c: PublicCommitment; locale: Locale; withSession?: boolean; compact?: boolean }) {
  const t = await getTranslations("commitments");
  const term = compact ? "text-zinc-600" : "text-sm text-zinc-600";
  const deadline = compact ? (c.overdue ? "font-bold text-red-800" : "font-semibold") : c.overdue ? "text-xl font-bold text-red-800" : "text-xl font-bold";
  return (
    <dl className={compact ? "grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" : "grid gap-4 sm:grid-cols-2"}>
      <div>
        <dt className={term}>{t("item.deadline")}</dt>
        <dd className={deadline}>
          {formatDate(c.dueOn, locale)}
          {compact && c.closedAt && <span className="block font-normal text-zinc-700">{t("item.closedOn", { date: formatDate(c.closedAt, locale) })}</span>}
        </dd>
      </div>
      <div>
        <dt className={term}>{t("item.owner")}</dt>
        <dd className="font-semibold">{unitName(c.ownerUnit, locale)}</dd>
      </div>
      <div>
        <dt className={term}>{t("item.leader")}</dt>
        <dd>{leaderLabel(c, locale)}</dd>
      </div>
      <div>
        <dt className={term}>{t("item.source")}</dt>
        <dd>
          <SourceText c={c} withSession={compact ? withSession : undefined} />
        </dd>
      </div>
      {withSession && c.session && (
        <div className="sm:col-span-2">
          <dt className={term}>{t("item.session")}</dt>
          <dd>
            <Link href={`/doi-thoai/${c.session.id}`} className="underline underline-offset-4">
              {c.session.title}
            </Link>{" "}
            <span className="text-zinc-700">({formatDate(c.session.startsAt, locale)})</span>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The commitment's public progress, oldest first, with each update's evidence files. */
export async function CommitmentUpdates({ c, locale }: { c: Pick<CommitmentDetail, "updates">; locale: Locale }) {
  const t = await getTranslations("commitments");
  return (
    <ol className="space-y-4 border-l-2 border-zinc-300 pl-4">
      {c.updates.map((u) => (
        <li key={u.id} className="space-y-2">
          <p className="text-sm text-zinc-600">
            <span className="font-semibold text-zinc-900">{t(`detail.kind.${u.kind}`)}</span>
            {" · "}
            <time dateTime={u.at.toISOString()}>{formatDateTime(u.at, locale)}</time>
          </p>
          <p className="break-words whitespace-pre-line">{u.body}</p>
          {u.files.length > 0 && (
            <div>
              <p className="text-sm font-semibold">{t("detail.files")}</p>
              <ul className="list-disc pl-5">
                {u.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/cam-ket/tep/${f.id}`} className="underline underline-offset-4 break-all">
                      {t("detail.download", { name: f.fileName, size: fileSize(f.size, locale) })}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
