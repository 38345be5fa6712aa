// npm run db:generate-cases [-- --count 1000000 --mode bulk|triggers --batch 100000 --years 4]
//
// Fills the configured database (DATABASE_URL, or the local PGlite folder) with GENERATED BENCHMARK DATA: N cases
// (default 1,000,000) over the last ~4 years, for measuring the statistics (npm run bench:statistics). Never run it
// against a database that serves the public: every generated case is labelled (code "GEN-…", title and routing
// reason say "generated"), but the figures would count them.
//
// What it makes: the demo sample first (reference data, units, dialogue and reception, so that the participation
// figures have something to count), then a generated organisation on top of it when missing (135 communes and
// wards in all, each with its People's Committee, and ~30 provincial departments and boards), then the cases with a
// realistic spread: petitions and reports most, complaints, few denunciations, contributions; fields of life
// weighted; months with growth (the last months twice as full as the first) and seasonality (a peak after Tết, a dip at year end);
// mostly answered or closed, some open, some overdue, refused, withdrawn, transferred, reopened, extended, rated.
//
// Each batch is one `insert … select … from generate_series` statement. Two ways to keep the rollups
// (drizzle/0009 tallies, drizzle/0017 statistics rollups):
// - `--mode triggers`: the row triggers run for every case (what any other writer does).
// - `--mode bulk` (default): in the batch's transaction the two row triggers on `cases` are disabled (DDL is
//   transactional: no other session ever sees them off), and the batch's part of every rollup is added by set-based
//   upserts from the rows just inserted, following the triggers' definitions. The benchmark checks the rollups
//   against a count from scratch afterwards.
import { sql } from "drizzle-orm";
import { closeDb, type Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { seedDemoData } from "@/db/seed/seed-demo";
import { exitOnStartupError, openMigratedDatabase } from "./startup";

type Options = { count: number; mode: "bulk" | "triggers"; batch: number; years: number };

function readOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw.replaceAll("_", ""));
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const mode = value("mode") ?? "bulk";
  if (mode !== "bulk" && mode !== "triggers") throw new Error("--mode must be bulk or triggers");
  return { count: int("count", 1_000_000, 0, 20_000_000), mode, batch: int("batch", 100_000, 1_000, 1_000_000), years: int("years", 4, 1, 10) };
}

const GENERATED_COMMUNES = 125; // + the demo's 10 areas = 135 communes and wards
const GENERATED_DEPARTMENTS = 18; // + the demo's provincial units ≈ 30 departments and boards
const LABEL = "Dữ liệu sinh để đo hiệu năng (npm run db:generate-cases) / generated benchmark data";

/** The generated organisation, added once beside the demo's (codes "gen-…"). */
async function ensureOrganisation(db: Database): Promise<void> {
  await db.execute(sql.raw(`
    insert into areas (code, name, kind, parent_id, remote)
    select 'gen-' || lpad(n::text, 3, '0'),
           case when n % 3 = 0 then 'Phường' else 'Xã' end || ' Mẫu ' || lpad(n::text, 3, '0') || ' (dữ liệu sinh)',
           case when n % 3 = 0 then 'ward' else 'commune' end,
           (select id from areas where kind = 'province' order by code limit 1),
           n % 7 = 0
    from generate_series(1, ${GENERATED_COMMUNES}) n
    on conflict (code) do nothing`));
  await db.execute(sql.raw(`
    insert into units (code, name, name_en, kind, parent_id, area_id)
    select 'gen-ubnd-' || substr(a.code, 5), 'Ủy ban nhân dân ' || lower(substr(a.name, 1, 1)) || substr(a.name, 2),
           'People''s Committee of generated ' || a.code, 'peoples_committee',
           (select id from units where code = 'demo-ubnd'), a.id
    from areas a where a.code like 'gen-%'
    on conflict (code) do nothing`));
  await db.execute(sql.raw(`
    insert into units (code, name, name_en, kind, parent_id, area_id)
    select 'gen-so-' || lpad(n::text, 2, '0'), 'Sở Mẫu ' || lpad(n::text, 2, '0') || ' (dữ liệu sinh)',
           'Generated department ' || lpad(n::text, 2, '0'), 'department',
           (select id from units where code = 'demo-ubnd'), (select id from areas where kind = 'province' order by code limit 1)
    from generate_series(1, ${GENERATED_DEPARTMENTS}) n
    on conflict (code) do nothing`));
}

type Pools = { communeUnits: string[]; communeAreas: string[]; provinceUnits: string[]; categories: string[] };

async function loadPools(db: Database): Promise<Pools> {
  const communes = rowsOf<{ id: string; area_id: string }>(
    await db.execute(sql.raw(`select u.id, u.area_id from units u join areas a on a.id = u.area_id
      where u.kind = 'peoples_committee' and a.kind <> 'province' and u.valid_to is null order by u.code`)),
  );
  const province = rowsOf<{ id: string }>(
    await db.execute(sql.raw(`select u.id from units u join areas a on a.id = u.area_id
      where u.kind in ('department', 'inspectorate', 'reception_board', 'peoples_committee') and a.kind = 'province' and u.valid_to is null order by u.code`)),
  );
  const cats = rowsOf<{ id: string; code: string }>(await db.execute(sql.raw(`select id, code from categories where active order by sort_order, code`)));
  // Land and compensation lead, as in the province's reports; the rest by a rough weight.
  const weight: Record<string, number> = { land: 9, site_clearance: 6, environment: 4, social_policy: 4, admin_procedures: 3, infrastructure: 4, official_conduct: 2 };
  const categories = cats.flatMap((c) => Array<string>(weight[c.code] ?? 1).fill(c.id));
  if (communes.length === 0 || province.length === 0 || categories.length === 0) throw new Error("no units or fields of life to generate cases for");
  return { communeUnits: communes.map((c) => c.id), communeAreas: communes.map((c) => c.area_id), provinceUnits: province.map((p) => p.id), categories };
}

const uuidArray = (ids: string[]) => `'{${ids.join(",")}}'::uuid[]`;
const textArray = (items: string[]) => `array[${items.map((s) => `'${s}'`).join(",")}]`;
const pick = (array: string, length: number, r: string) => `${array}[1 + floor(${r} * ${length})::int]`;

const CHANNELS = [...Array(45).fill("web"), ...Array(20).fill("reception"), ...Array(15).fill("mail"), ...Array(8).fill("hotline"), ...Array(7).fill("email"), ...Array(3).fill("dialogue"), ...Array(2).fill("voter_meeting")];

/**
 * One batch: candidates `from`..`to` of generate_series, thinned for seasonality, at most `limit` cases. Returns the
 * statement; in bulk mode it also adds the batch's part to every rollup.
 */
function batchStatement(p: Pools, o: { from: number; to: number; limit: number; now: Date; spanDays: number; bulk: boolean; slice: { k: number; n: number } }): string {
  const now = `'${o.now.toISOString()}'::timestamptz`;
  const today = `vn_local_date(${now})`;
  const nC = p.communeUnits.length;
  const nP = p.provinceUnits.length;
  const rollups = o.bulk
    ? `,
  f as (
    insert into case_figures_monthly as t (month, unit_id, kind, instance, received, refused, withdrawn_before_acceptance, accepted, answered,
      answered_on_time, rated, satisfied, contested, extended)
    select m, unit_id, kind, instance, count(*),
      count(*) filter (where status = 'not_accepted' or (status = 'closed' and accepted_at is null and answered_at is null)),
      count(*) filter (where status = 'withdrawn' and accepted_at is null),
      count(accepted_at), count(answered_at),
      count(*) filter (where answered_at is not null and vn_local_date(answered_at) <= coalesce(resolution_due_on, acceptance_due_on)),
      count(satisfaction), count(*) filter (where satisfaction = 'satisfied'), count(contested_at), count(*) filter (where extensions_count > 0)
    from ins group by 1, 2, 3, 4
    on conflict (month, unit_id, kind, instance) do update set
      received = t.received + excluded.received, refused = t.refused + excluded.refused,
      withdrawn_before_acceptance = t.withdrawn_before_acceptance + excluded.withdrawn_before_acceptance,
      accepted = t.accepted + excluded.accepted, answered = t.answered + excluded.answered,
      answered_on_time = t.answered_on_time + excluded.answered_on_time, rated = t.rated + excluded.rated,
      satisfied = t.satisfied + excluded.satisfied, contested = t.contested + excluded.contested, extended = t.extended + excluded.extended
    returning 1),
  fl as (
    insert into case_fields_monthly as t (month, unit_id, category_id, received) select m, unit_id, category_id, count(*) from ins group by 1, 2, 3
    on conflict (month, unit_id, category_id) do update set received = t.received + excluded.received returning 1),
  ar as (
    insert into case_areas_monthly as t (month, unit_id, area_id, received) select m, unit_id, area_id, count(*) from ins group by 1, 2, 3
    on conflict (month, unit_id, area_id) do update set received = t.received + excluded.received returning 1),
  du as (
    insert into case_durations_monthly as t (month, unit_id, measure, days, cases)
    select m, unit_id, measure, days, count(*) from (
      select m, unit_id, 1 as measure, vn_local_date(accepted_at) - vn_local_date(received_at) as days from ins where accepted_at is not null
      union all
      select m, unit_id, 2, vn_local_date(answered_at) - vn_local_date(received_at) from ins where answered_at is not null
    ) d group by 1, 2, 3, 4
    on conflict (month, unit_id, measure, days) do update set cases = t.cases + excluded.cases returning 1),
  dp as (
    insert into case_durations_province_monthly as t (month, measure, days, cases)
    select m, measure, days, count(*) from (
      select m, 1 as measure, vn_local_date(accepted_at) - vn_local_date(received_at) as days from ins where accepted_at is not null
      union all
      select m, 2, vn_local_date(answered_at) - vn_local_date(received_at) from ins where answered_at is not null
    ) d group by 1, 2, 3
    on conflict (month, measure, days) do update set cases = t.cases + excluded.cases returning 1),
  od as (
    insert into case_open_due as t (unit_id, due_on, open)
    select unit_id, case_running_due(status, acceptance_due_on, resolution_due_on), count(*) from ins
    where case_running_due(status, acceptance_due_on, resolution_due_on) is not null group by 1, 2
    on conflict (unit_id, due_on) do update set open = t.open + excluded.open returning 1),
  ta as (
    insert into case_tallies as t (shard, received, answered, answered_on_time)
    select 0, count(*), count(answered_at),
      count(*) filter (where answered_at is not null and vn_local_date(answered_at) <= coalesce(resolution_due_on, acceptance_due_on)) from ins
    on conflict (shard) do update set received = t.received + excluded.received, answered = t.answered + excluded.answered,
      answered_on_time = t.answered_on_time + excluded.answered_on_time returning 1),
  td as (
    insert into open_case_due_tallies as t (due_on, shard, open)
    select case_running_due(status, acceptance_due_on, resolution_due_on), abs(hashtext(id::text)) % 8, count(*) from ins
    where case_running_due(status, acceptance_due_on, resolution_due_on) is not null group by 1, 2
    on conflict (due_on, shard) do update set open = t.open + excluded.open returning 1)`
    : "";
  return `
with pools as materialized (
  select ${uuidArray(p.communeUnits)} as cu, ${uuidArray(p.communeAreas)} as ca, ${uuidArray(p.provinceUnits)} as pu,
    ${uuidArray(p.categories)} as cats, ${textArray(CHANNELS)} as chans
),
base as materialized (
  select g, random() as r_time_raw, random() as r_season, random() as r_wkd, random() as r_hour, random() as r_kind, random() as r_inst,
    random() as r_level, random() as r_unit, random() as r_area, random() as r_cat, random() as r_chan, random() as r_fate,
    random() as r_acc, random() as r_ext, random() as r_ans, random() as r_pause, random() as r_sat, random() as r_sat2,
    random() as r_con, random() as r_close
  from generate_series(${o.from}, ${o.to}) g
),
sliced as materialized (
  -- This batch's slice of time: batch k of n draws its dates from the k-th slice, so cases are inserted in order of
  -- receipt as in real life (the table's physical order follows received_at, which a count by dates relies on).
  select b.*, (${o.slice.k} + b.r_time_raw) / ${o.slice.n} as r_time from base b
),
days as materialized (
  select b.*, ${today} - floor(${o.spanDays} * (1 - (sqrt(1 + 3 * r_time) - 1)))::int as d0 from sliced b
),
seasonal as materialized (
  select s.*, d0 - case when extract(isodow from d0) = 6 and r_wkd < 0.85 then 1 when extract(isodow from d0) = 7 and r_wkd < 0.85 then 2 else 0 end as d
  from days s
  -- A peak in March (after Tết), a trough in September: keep a candidate with probability 0.7 ± 0.3.
  where r_season < 0.7 + 0.3 * cos(2 * pi() * (extract(doy from d0) - 75) / 365.25)
  limit ${o.limit}
),
c1 as (
  select s.*,
    least((s.d::timestamp + r_hour * interval '10 hours') at time zone 'UTC', ${now}) as received_at,
    case when r_kind < 0.42 then 'petition' when r_kind < 0.72 then 'report' when r_kind < 0.86 then 'complaint'
         when r_kind < 0.91 then 'denunciation' else 'contribution' end as kind
  from seasonal s
),
c2 as (
  select c.*,
    case when kind = 'complaint' and r_inst < 0.1 then 2 else 1 end as instance,
    (kind = 'complaint' and r_inst < 0.1) or r_level < 0.22 as provincial,
    floor(r_unit * ${nC})::int + 1 as ci
  from c1 c
),
c3 as (
  select c.*,
    case when provincial then ${pick("pools.pu", nP, "r_unit")} else pools.cu[ci] end as unit_id,
    case when provincial then ${pick("pools.ca", nC, "r_area")} else pools.ca[ci] end as area_id,
    ${pick("pools.cats", p.categories.length, "r_cat")} as category_id,
    ${pick("pools.chans", CHANNELS.length, "r_chan")} as channel,
    d + 10 as acceptance_due_on,
    case when r_fate < 0.07 then 'refused' when r_fate < 0.09 then 'withdrawn_early' when r_fate < 0.102 then 'stuck'
         when r_fate < 0.112 then 'withdrawn_late' else 'normal' end as fate,
    received_at + (1 + floor(r_acc * 8) + case when r_acc < 0.05 then 6 else 0 end) * interval '1 day' as acc_at,
    case when kind in ('complaint', 'denunciation') then 30 else 20 end as res_days,
    r_ext < 0.07 as extended
  from c2 c cross join pools
),
c4 as (
  select c.*,
    vn_local_date(acc_at) + res_days + case when extended then 15 else 0 end as res_due,
    acc_at + (2 + floor(power(r_ans, 1.6) * res_days * 1.4)) * interval '1 day' as ans_at
  from c3 c
),
c5 as (
  select c.*,
    case
      when fate = 'refused' and received_at + interval '5 days' <= ${now} then 'not_accepted'
      when fate = 'withdrawn_early' and received_at + interval '3 days' <= ${now} then 'withdrawn'
      when fate in ('refused', 'withdrawn_early') or acc_at > ${now} then 'received'
      when fate = 'stuck' then 'accepted'
      when fate = 'withdrawn_late' and acc_at + interval '5 days' <= ${now} then 'withdrawn'
      when fate = 'withdrawn_late' or ans_at > ${now} then case when r_pause < 0.08 then 'info_requested' else 'accepted' end
      else 'answered'
    end as st
  from c4 c
),
c6 as (
  select c.*,
    st = 'answered' and r_sat < 0.35 and ans_at + interval '5 days' <= ${now} as rated,
    st = 'answered' and r_sat < 0.35 and r_sat2 >= 0.72 and r_con < 0.5 and ans_at + interval '10 days' <= ${now} as contested,
    st = 'answered' and r_sat < 0.35 and r_sat2 >= 0.72 and r_con < 0.2 and ans_at + interval '10 days' <= ${now} as reopened
  from c5 c
),
ins as (
  insert into cases (code, access_key_hash, kind, instance, channel, status, category_id, area_id, title, body, unit_id, routing_reason,
    received_at, acceptance_due_on, accepted_at, resolution_due_on, paused_at, extensions_count, answered_at, closed_at, satisfaction,
    contested_at, version, created_at, updated_at)
  select 'GEN-' || lpad(g::text, 8, '0'), 'generated', kind, instance, channel,
    case when reopened then 'accepted' when st = 'answered' and ans_at + interval '30 days' < ${now} and r_close < 0.85 then 'closed' else st end,
    category_id, area_id, 'Hồ sơ sinh tự động (dữ liệu đo hiệu năng)', '', unit_id, '${LABEL}',
    received_at, acceptance_due_on,
    case when st in ('not_accepted', 'received') or (st = 'withdrawn' and fate = 'withdrawn_early') then null
         when reopened then ans_at + interval '10 days' else acc_at end,
    case when st in ('not_accepted', 'received') or (st = 'withdrawn' and fate = 'withdrawn_early') then null
         when reopened then vn_local_date(ans_at + interval '10 days') + res_days else res_due end,
    case when st = 'info_requested' then least(acc_at + interval '2 days', ${now}) end,
    case when extended and st not in ('not_accepted', 'received') and not (st = 'withdrawn' and fate = 'withdrawn_early') then 1 else 0 end,
    case when st = 'answered' and not reopened then ans_at end,
    case when st = 'not_accepted' then received_at + interval '5 days' when st = 'withdrawn' and fate = 'withdrawn_early' then received_at + interval '3 days'
         when st = 'withdrawn' then acc_at + interval '5 days'
         when st = 'answered' and not reopened and ans_at + interval '30 days' < ${now} and r_close < 0.85 then ans_at + interval '30 days' end,
    case when rated and not reopened then case when r_sat2 < 0.72 then 'satisfied' else 'unsatisfied' end end,
    case when contested then ans_at + interval '10 days' end,
    1, received_at, ${now}
  from c6
  order by received_at
  returning id, unit_id, kind, instance, category_id, area_id, status, received_at, accepted_at, answered_at, acceptance_due_on,
    resolution_due_on, satisfaction, contested_at, extensions_count, date_trunc('month', vn_local_date(received_at))::date as m
),
tr as (
  -- About 3% of cases came from another unit: a transfer on the timeline two days after receipt.
  insert into case_events (case_id, type, visibility, from_unit_id, to_unit_id, reason, created_at)
  select id, 'case.transferred', 'internal', pools.pu[1 + abs(hashtext(id::text || 'from')) % ${nP}], unit_id,
    '${LABEL}', received_at + interval '2 days'
  from ins cross join pools
  where abs(hashtext(id::text)) % 100 < 3 and received_at + interval '2 days' <= ${now}
    and pools.pu[1 + abs(hashtext(id::text || 'from')) % ${nP}] <> unit_id
  returning 1
)${rollups}
select (select count(*) from ins)::int as cases, (select count(*) from tr)::int as transfers`;
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const { db, env } = await openMigratedDatabase();
  const started = Date.now();
  const demo = await seedDemoData(db);
  await ensureOrganisation(db);
  const pools = await loadPools(db);
  process.stdout.write(
    `Cơ sở dữ liệu / database: ${env.mode === "server" ? "PostgreSQL" : `PGlite (${env.DATA_DIR})`}; dữ liệu mẫu / demo: ${demo.casesCreated} hồ sơ mới; ` +
      `${pools.communeUnits.length} UBND xã/phường, ${pools.provinceUnits.length} đơn vị cấp tỉnh.\n`,
  );
  const [last] = rowsOf<{ n: string | number | null }>(await db.execute(sql.raw(`select max(substr(code, 5)::bigint) as n from cases where code like 'GEN-%'`)));
  let next = Number(last?.n ?? 0) + 1;
  const now = new Date();
  const spanDays = Math.round(options.years * 365.25);
  let made = 0;
  let transfers = 0;
  // One slice of time per batch, in order; slices in a low season give fewer cases than the batch size, so the
  // last batches top up over the whole span (a few cases out of order).
  const slices = Math.max(1, Math.ceil(options.count / options.batch));
  let k = 0;
  while (made < options.count) {
    const inOrder = k < slices;
    // Seasonal thinning keeps 40-100% of candidates (~70% on average): a slice draws batch / 0.7 candidates and
    // keeps what the season keeps (no cap but the total), a top-up draws enough for what is missing.
    const limit = inOrder ? options.count - made : Math.min(options.batch, options.count - made);
    const candidates = inOrder ? Math.ceil(options.batch / 0.7) : Math.ceil(limit * 2.6) + 100;
    const slice = inOrder ? { k, n: slices } : { k: 0, n: 1 };
    const text = batchStatement(pools, { from: next, to: next + candidates - 1, limit, now, spanDays, bulk: options.mode === "bulk", slice });
    const t0 = Date.now();
    const [row] = await db.transaction(async (tx) => {
      if (options.mode === "bulk") await tx.execute(sql.raw(`alter table cases disable trigger cases_follow_figures, disable trigger cases_follow_tallies`));
      const result = rowsOf<{ cases: number; transfers: number }>(await tx.execute(sql.raw(text)));
      if (options.mode === "bulk") await tx.execute(sql.raw(`alter table cases enable trigger cases_follow_figures, enable trigger cases_follow_tallies`));
      return result;
    });
    next += candidates;
    k++;
    made += Number(row!.cases);
    transfers += Number(row!.transfers);
    process.stdout.write(`  ${made.toLocaleString("vi-VN")} / ${options.count.toLocaleString("vi-VN")} hồ sơ (${Date.now() - t0} ms cho lô này)\n`);
  }
  // The upserts leave a dead row version per batch on the rollups' rows: vacuum them (one statement each, outside
  // a transaction), or the first readers scan several times the rows (measured: 2-4x slower statistics).
  for (const table of ["cases", "case_events", "case_figures_monthly", "case_durations_monthly", "case_durations_province_monthly", "case_fields_monthly", "case_areas_monthly", "case_open_due", "case_transfers_monthly", "case_tallies", "open_case_due_tallies"]) {
    await db.execute(sql.raw(`vacuum (analyze) ${table}`));
  }
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `Đã sinh ${made.toLocaleString("vi-VN")} hồ sơ (${transfers.toLocaleString("vi-VN")} lượt chuyển) trong ${seconds.toFixed(1)} giây, chế độ ${options.mode}. ` +
      `/ Generated ${made} cases (${transfers} transfers) in ${seconds.toFixed(1)} s, mode ${options.mode}.\n`,
  );
  await closeDb();
}

main().catch((error: unknown) => {
  // A failed batch: the database's own message, not the whole statement.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  if (cause) process.stderr.write(`generate-cases: ${cause.message}\n`);
  exitOnStartupError(cause ?? error);
});
