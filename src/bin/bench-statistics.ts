// npm run bench:statistics [-- --runs 20]
//
// Times the statistics against the configured database (fill it first with npm run db:generate-cases; use a
// database of its own, never one that serves the public or the tests): getCaseStatistics + getParticipationFigures
// (what a statistics page reads) for the province this year, the province over all time, one commune unit, a
// department with its subtree, the provincial People's Committee with its subtree, a custom period cutting through
// months, and the province's yearly report (getPeriodicReport). Prints the median and the 95th percentile of each,
// then checks once that the rollups give the same figures as a count from scratch over every case.
// Targets (issue 12): a statistics page's data < 300 ms, the province's yearly report < 1 s.
import { sql } from "drizzle-orm";
import { closeDb, type Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { toLocalDate } from "@/domain/calendar";
import { standardPeriod, type Period } from "@/domain/statistics/period";
import { summarise } from "@/domain/statistics/summarise";
import type { IsoDate } from "@/domain/types";
import { countFromScratch, countOverdueFromScratch } from "@/server/statistics/case-rollups";
import { getCaseStatistics } from "@/server/statistics/get-case-statistics";
import { getParticipationFigures } from "@/server/statistics/get-participation-figures";
import { getPeriodicReport } from "@/server/statistics/get-periodic-report";
import { resolveScope, type ResolvedScope } from "@/server/statistics/scope";
import { caseListStream } from "@/server/open-data/case-list";
import { statisticsCsv, statisticsExport } from "@/server/open-data/statistics-export";
import { addCalendarDays } from "@/domain/calendar";
import { exitOnStartupError, openMigratedDatabase } from "./startup";

type Scenario = { name: string; scope: ResolvedScope; period: { from: IsoDate; to: IsoDate }; run: () => Promise<unknown> };

function readRuns(argv: string[]): number {
  const i = argv.indexOf("--runs");
  const n = i >= 0 ? Number(argv[i + 1]) : 20;
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error("--runs must be a whole number from 1 to 1000");
  return n;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function unitScope(db: Database, code: string, subtree: boolean): Promise<ResolvedScope | null> {
  const [row] = rowsOf<{ id: string }>(await db.execute(sql`select id from units where code = ${code}`));
  return row ? resolveScope(db, { kind: "unit", unitId: row.id, subtree }) : null;
}

async function time(run: () => Promise<unknown>, runs: number): Promise<{ median: number; p95: number; min: number; max: number }> {
  for (let i = 0; i < 2; i++) await run(); // warm the caches and the prepared plans
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), min: times[0]!, max: times[times.length - 1]! };
}

async function main() {
  const runs = readRuns(process.argv.slice(2));
  const { db, env } = await openMigratedDatabase();
  const now = new Date();
  const today = toLocalDate(now);
  const year = Number(today.slice(0, 4));
  const [stats] = rowsOf<{ cases: number; generated: number; first: string | null }>(
    await db.execute(sql`select count(*)::int as cases, count(*) filter (where code like 'GEN-%')::int as generated, min(vn_local_date(received_at))::text as first from cases`),
  );
  const first = (stats?.first ?? today) as IsoDate;
  process.stdout.write(
    `Cơ sở dữ liệu / database: ${env.mode === "server" ? "PostgreSQL" : "PGlite"}; ${stats?.cases ?? 0} hồ sơ / cases (${stats?.generated ?? 0} generated), từ / since ${first}; ${runs} lần đo / runs each.\n\n`,
  );

  const province = (await resolveScope(db, { kind: "province" }))!;
  const commune = (await unitScope(db, "gen-ubnd-001", false)) ?? (await unitScope(db, "demo-ubnd-pleiku", false));
  const department = await unitScope(db, "demo-snnmt", true);
  const provincialCommittee = await unitScope(db, "demo-ubnd", true);
  const thisYear = standardPeriod("year", year);
  const lastYear: Period = standardPeriod("year", year - 1);
  const page = (scope: ResolvedScope, period: { from: IsoDate; to: IsoDate }) => () =>
    Promise.all([getCaseStatistics(db, scope, period, now), getParticipationFigures(db, scope, period, now)]);
  const custom = { from: `${year - 1}-03-15` as IsoDate, to: `${year}-02-10` as IsoDate };
  const allTime = { from: first, to: today };

  const scenarios: Scenario[] = [
    { name: `province, this year (${thisYear.from}..${thisYear.to})`, scope: province, period: thisYear, run: page(province, thisYear) },
    { name: `province, all time (${allTime.from}..${allTime.to})`, scope: province, period: allTime, run: page(province, allTime) },
    ...(commune ? [{ name: `one commune alone (${commune.unit!.code}), this year`, scope: commune, period: thisYear, run: page(commune, thisYear) }] : []),
    ...(department ? [{ name: `department with subtree (demo-snnmt, ${department.unitIds!.length} units), this year`, scope: department, period: thisYear, run: page(department, thisYear) }] : []),
    ...(provincialCommittee
      ? [{ name: `provincial People's Committee with subtree (${provincialCommittee.unitIds!.length} units), this year`, scope: provincialCommittee, period: thisYear, run: page(provincialCommittee, thisYear) }]
      : []),
    { name: `province, custom period cutting through months (${custom.from}..${custom.to})`, scope: province, period: custom, run: page(province, custom) },
    { name: `  of which getCaseStatistics alone, province, all time`, scope: province, period: allTime, run: () => getCaseStatistics(db, province, allTime, now) },
    { name: `  of which getParticipationFigures alone, province, all time`, scope: province, period: allTime, run: () => getParticipationFigures(db, province, allTime, now) },
    { name: `  of which getCaseStatistics alone, province, this year`, scope: province, period: thisYear, run: () => getCaseStatistics(db, province, thisYear, now) },
    { name: `  of which getParticipationFigures alone, province, this year`, scope: province, period: thisYear, run: () => getParticipationFigures(db, province, thisYear, now) },
    { name: `province, yearly report ${lastYear.year} (getPeriodicReport)`, scope: province, period: lastYear, run: () => getPeriodicReport(db, province, lastYear, now) },
    { name: `province, yearly report ${thisYear.year} so far (getPeriodicReport)`, scope: province, period: thisYear, run: () => getPeriodicReport(db, province, thisYear, now) },
  ];

  const width = Math.max(...scenarios.map((s) => s.name.length));
  process.stdout.write(`${"scenario".padEnd(width)}  median ms    p95 ms    min ms    max ms\n`);
  for (const s of scenarios) {
    const t = await time(s.run, runs);
    process.stdout.write(`${s.name.padEnd(width)}  ${t.median.toFixed(1).padStart(9)} ${t.p95.toFixed(1).padStart(9)} ${t.min.toFixed(1).padStart(9)} ${t.max.toFixed(1).padStart(9)}\n`);
  }

  // The open data's case list for the last 12 months, streamed once (what /du-lieu-mo/v1/ho-so.csv sends).
  {
    const from = addCalendarDays(addCalendarDays(today, 1), -365);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let bytes = 0;
    let lines = 0;
    const t0 = performance.now();
    const reader = caseListStream(db, { from, to: today, unitIds: null, today, siteOrigin: env.APP_URL }, "csv").getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) lines++;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const ms = performance.now() - t0;
    process.stdout.write(
      `\nOpen data: ho-so.csv ${from}..${today}: ${lines - 1} cases, ${(bytes / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s ` +
        `(${Math.round(((lines - 1) / ms) * 1000)} rows/s); memory ${(rssBefore / 1e6).toFixed(0)} MB before, ${(peak / 1e6).toFixed(0)} MB at most\n`,
    );
  }

  // The open data's statistics file for the province this year (total, 12 months, every unit), 3 runs.
  {
    const times: number[] = [];
    let size = 0;
    let lines = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const csv = statisticsCsv(await statisticsExport(db, province, thisYear, now));
      times.push(performance.now() - t0);
      size = csv.length;
      lines = csv.split("\r\n").length - 2;
    }
    times.sort((a, b) => a - b);
    process.stdout.write(`Open data: thong-ke.csv ${thisYear.from}..${thisYear.to}: ${lines} lines, ${(size / 1e3).toFixed(0)} kB, median of 3 runs ${times[1]!.toFixed(0)} ms\n`);
  }

  // The rollups against a count from scratch over every case (once: this reads the whole table).
  process.stdout.write(`\nKiểm tra / check: rollups vs countFromScratch over ${allTime.from}..${allTime.to} (province, and the department's subtree)\n`);
  let ok = true;
  for (const scope of [province, ...(department ? [department] : []), ...(commune ? [commune] : [])]) {
    const t0 = performance.now();
    const fromRollups = await getCaseStatistics(db, scope, allTime, now);
    const t1 = performance.now();
    const overdue = await countOverdueFromScratch(db, scope.unitIds, today);
    const fromScratch = summarise(await countFromScratch(db, scope.unitIds, allTime.from, allTime.to), { unitIds: scope.unitIds, from: allTime.from, to: allTime.to, overdueNow: overdue });
    const t2 = performance.now();
    const same = JSON.stringify(fromRollups) === JSON.stringify(fromScratch);
    ok &&= same;
    process.stdout.write(
      `  ${scope.unit?.code ?? "province"}: ${same ? "equal" : "DIFFERENT"} (received ${fromRollups.figures.received}; rollups ${(t1 - t0).toFixed(0)} ms, from scratch ${(t2 - t1).toFixed(0)} ms)\n`,
    );
    if (!same) {
      for (const key of Object.keys(fromRollups.figures) as (keyof typeof fromRollups.figures)[]) {
        if (JSON.stringify(fromRollups.figures[key]) !== JSON.stringify(fromScratch.figures[key])) {
          process.stdout.write(`    ${key}: rollups ${JSON.stringify(fromRollups.figures[key])} vs scratch ${JSON.stringify(fromScratch.figures[key])}\n`);
        }
      }
    }
  }
  await closeDb();
  if (!ok) process.exit(1);
}

main().catch(exitOnStartupError);
