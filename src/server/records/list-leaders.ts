import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { IsoDate } from "@/domain/types";

/** A leader as the public list shows them: name, and the position they are known by. Never an email or a phone. */
export type LeaderListItem = {
  userId: string;
  name: string;
  /** The seat held today, else the latest position they answered a session in, else null. */
  position: string | null;
  positionEn: string | null;
  /** The units they lead (a leader membership in force today). */
  units: { code: string; name: string; nameEn: string }[];
};

export const LEADERS_PAGE_SIZE = 50;

/**
 * The people the public may hold to account (/thong-ke/lanh-dao): whoever held a leader membership, a reception
 * seat, took part in a dialogue session as a leader or made a commitment. Sorted by name; paged.
 */
export async function listLeaders(db: DbOrTx, today: IsoDate, page = 1): Promise<{ items: LeaderListItem[]; total: number; page: number; pages: number }> {
  const [countRow] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (${leaderIds()}) l join users u on u.id = l.user_id`));
  const total = Number(countRow?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / LEADERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const rows = rowsOf<{ id: string; name: string | null; seat: string | null; seat_en: string | null; session_position: string | null; session_position_en: string | null; units: { code: string; name: string; nameEn: string }[] | null }>(
    await db.execute(sql`
      select u.id, u.name,
        (select p.title from reception_position_holders h join reception_positions p on p.id = h.position_id
          where h.user_id = u.id and h.from_date <= ${today}::date and (h.to_date is null or h.to_date >= ${today}::date)
          order by h.from_date desc limit 1) as seat,
        (select p.title_en from reception_position_holders h join reception_positions p on p.id = h.position_id
          where h.user_id = u.id and h.from_date <= ${today}::date and (h.to_date is null or h.to_date >= ${today}::date)
          order by h.from_date desc limit 1) as seat_en,
        (select l.position from dialogue_session_leaders l join dialogue_sessions s on s.id = l.session_id
          where l.user_id = u.id order by s.starts_at desc limit 1) as session_position,
        (select l.position_en from dialogue_session_leaders l join dialogue_sessions s on s.id = l.session_id
          where l.user_id = u.id order by s.starts_at desc limit 1) as session_position_en,
        (select json_agg(json_build_object('code', x.code, 'name', x.name, 'nameEn', x.name_en) order by x.name)
          from memberships m join units x on x.id = m.unit_id
          where m.user_id = u.id and m.role = 'leader' and m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date)) as units
      from (${leaderIds()}) l join users u on u.id = l.user_id
      order by u.name nulls last, u.id
      limit ${LEADERS_PAGE_SIZE} offset ${(current - 1) * LEADERS_PAGE_SIZE}`),
  );
  return {
    items: rows.map((r) => ({
      userId: r.id,
      name: r.name ?? "",
      position: r.seat ?? r.session_position,
      positionEn: r.seat_en ?? r.session_position_en,
      units: typeof r.units === "string" ? (JSON.parse(r.units) as LeaderListItem["units"]) : (r.units ?? []),
    })),
    total,
    page: current,
    pages,
  };
}

/** The ids of everyone who counts as a leader (see listLeaders). */
export function leaderIds() {
  return sql`select user_id from memberships where role = 'leader'
    union select user_id from reception_position_holders
    union select user_id from dialogue_session_leaders
    union select leader_user_id from commitments`;
}

/** Whether a user id is a leader's (a citizen's id gives nothing away: it is not a leader, full stop). */
export async function isLeader(db: DbOrTx, userId: string): Promise<boolean> {
  if (userId.length === 0 || userId.length > 100) return false;
  const [row] = rowsOf<{ ok: boolean }>(await db.execute(sql`select exists (select 1 from (${leaderIds()}) l where l.user_id = ${userId}) as ok`));
  return row?.ok === true;
}

/** A leader's name (for a page's title), or null when the id is not a leader's. */
export async function leaderName(db: DbOrTx, userId: string): Promise<string | null> {
  if (!(await isLeader(db, userId))) return null;
  const [row] = rowsOf<{ name: string | null }>(await db.execute(sql`select name from users where id = ${userId}`));
  return row ? (row.name ?? "") : null;
}
