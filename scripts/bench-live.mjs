// `node scripts/bench-live.mjs`: a benchmark of live dialogue sessions, not a test. Starts the production build on a
// fresh PostgreSQL database (server mode, demo data) and measures:
//   (a) 1,000 concurrent viewers of one live session's event stream on one server instance: from the moderator's
//       "answer now" to every viewer having the update (p50/p95/max over several rounds);
//   (b) supports: 50 concurrent clients posting POST /doi-thoai/<id>/ung-ho for 10 s, each as a new browser from
//       its own address (TRUST_PROXY=1, X-Forwarded-For), some sent twice; supports/s, and that the questions'
//       counts grew by exactly the number of accepted supports (0 lost, 0 double);
//   (c) the public session page with 500 questions against a case's status page: median latency ratio, served
//       from the validated page cache and rendered (cache bypassed).
// Prints figures; exits 0 whatever they are, 1 when the benchmark itself could not run.
// "Answer now" is done as the staff service does it, in one transaction on the database (the current question,
// the session's version, NOTIFY), not through the staff page: its form is a server action.
// Options: --viewers=N (1000), --rounds=N (5), --clients=N (50), --seconds=N (10), BENCH_DATABASE_URL.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import postgres from "postgres";
import { buildIfNeeded } from "./build-if-needed.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const SETTINGS = { viewers: arg("viewers", 1000), rounds: arg("rounds", 5), clients: arg("clients", 50), seconds: arg("seconds", 10), questions: 500 };

class SetupError extends Error {}
const cleanups = [];
async function runCleanups() {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((error) => console.error(`clean-up failed: ${error.message}`));
  cleanups.length = 0;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const num = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

export async function startBenchServer(databaseUrl) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "doithoai-bench-live-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SEED_DEMO: "always",
    TRUST_PROXY: "1",
    WORKER: "inline",
    LOG_LEVEL: "warn",
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    PERSONAL_DATA_KEYS: `b1:${randomBytes(32).toString("base64")}`,
    LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
  };
  delete env.RESEND_API_KEY;
  const child = spawn(process.execPath, ["dist/server.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const logs = [];
  child.stdout.on("data", (c) => logs.push(c.toString()));
  child.stderr.on("data", (c) => logs.push(c.toString()));
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new SetupError(`the server exited with ${child.exitCode}:\n${logs.join("")}`);
    if (Date.now() > deadline) throw new SetupError(`the server did not start:\n${logs.join("")}`);
    const up = await fetch(`${baseUrl}/`).then((r) => r.arrayBuffer().then(() => r.ok), () => false);
    if (up) break;
    await sleep(250);
  }
  return { baseUrl, child, logs };
}

/** The demo's session taking questions, made live (as the staff's "start" does, on the database). */
async function liveSession(sql) {
  const [session] = await sql`select s.id from dialogue_sessions s where s.status = 'open'
    and exists (select 1 from dialogue_questions q where q.session_id = s.id and q.status = 'approved') order by s.starts_at limit 1`;
  if (!session) throw new SetupError("the demo has no open session with approved questions");
  await sql.begin(async (tx) => {
    await tx`update dialogue_sessions set status = 'live', started_at = now(), version = version + 1, updated_at = now() where id = ${session.id}`;
    await tx`select pg_notify('dialogue_session', ${session.id})`;
  });
  return session.id;
}

/** What answerQuestionNow does to the tables the live views read: one transaction, then NOTIFY on commit. */
async function answerNow(sql, sessionId, questionId) {
  await sql.begin(async (tx) => {
    await tx`update dialogue_sessions set current_question_id = ${questionId}, version = version + 1, updated_at = now() where id = ${sessionId}`;
    await tx`select pg_notify('dialogue_session', ${sessionId})`;
  });
}

// --- (a) 1,000 viewers ---------------------------------------------------------------------------------------

function openViewer(baseUrl, sessionId) {
  return new Promise((resolve, reject) => {
    const viewer = { buffer: "", snapshots: 0, waitingFor: null, seenAt: null, request: null, ended: false };
    const request = http.get(`${baseUrl}/doi-thoai/${sessionId}/su-kien`, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`stream answered ${response.statusCode}`));
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        viewer.buffer += chunk;
        let end;
        while ((end = viewer.buffer.indexOf("\n\n")) !== -1) {
          const frame = viewer.buffer.slice(0, end);
          viewer.buffer = viewer.buffer.slice(end + 2);
          if (!frame.includes("event: snapshot")) continue;
          viewer.snapshots++;
          if (viewer.snapshots === 1) resolve(viewer);
          if (viewer.waitingFor && viewer.seenAt === null && frame.includes(viewer.waitingFor)) viewer.seenAt = performance.now();
        }
      });
      response.on("end", () => (viewer.ended = true));
    });
    request.on("error", reject);
    viewer.request = request;
  });
}

async function measureViewers(baseUrl, sql, sessionId) {
  const [{ approved }] = await sql`select count(*)::int as approved from dialogue_questions where session_id = ${sessionId} and status = 'approved'`;
  if (approved < SETTINGS.rounds + 1) await addQuestions(sql, sessionId, SETTINGS.rounds + 1 - approved, "approved");
  const questions = await sql`select id from dialogue_questions where session_id = ${sessionId} and status = 'approved' order by number limit ${SETTINGS.rounds + 1}`;
  console.log(`(a) opening ${SETTINGS.viewers} event streams…`);
  const connectStarted = performance.now();
  const viewers = [];
  // In waves, as a hall's phones would arrive: the server accepts them while serving the others.
  for (let i = 0; i < SETTINGS.viewers; i += 100) {
    viewers.push(...(await Promise.all(Array.from({ length: Math.min(100, SETTINGS.viewers - i) }, () => openViewer(baseUrl, sessionId)))));
  }
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  console.log(`    ${viewers.length} viewers connected, each with its first snapshot, in ${num(connectSeconds, 1)} s`);
  await sleep(1000);
  const all = [];
  const rounds = [];
  for (let round = 0; round < Math.min(SETTINGS.rounds, questions.length); round++) {
    const question = questions[round].id;
    const marker = `"current":{"id":"${question}"`;
    for (const v of viewers) {
      v.waitingFor = marker;
      v.seenAt = null;
    }
    const started = performance.now();
    await answerNow(sql, sessionId, question);
    const deadline = Date.now() + 15_000;
    while (viewers.some((v) => v.seenAt === null) && Date.now() < deadline) await sleep(5);
    const latencies = viewers.map((v) => (v.seenAt === null ? Infinity : v.seenAt - started)).sort((a, b) => a - b);
    const missed = latencies.filter((l) => l === Infinity).length;
    rounds.push({ p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1), missed });
    all.push(...latencies);
    console.log(`    round ${round + 1}: p50 ${num(rounds.at(-1).p50)} ms, p95 ${num(rounds.at(-1).p95)} ms, max ${num(rounds.at(-1).max)} ms, missed ${missed}`);
    await sleep(1000);
  }
  // The same while supports pour in (20 clients through the support route): every support is a change to send.
  const busy = { stop: false, supported: 0 };
  let address = 5_000_000;
  const supporters = Array.from({ length: 20 }, async () => {
    while (!busy.stop) {
      const result = await postSupport(baseUrl, sessionId, questions[address % questions.length].id, fakeAddress(++address), null).catch(() => null);
      if (result?.result === "supported") busy.supported++;
    }
  });
  await sleep(1000);
  const underLoad = [];
  const busyStarted = performance.now();
  for (let round = 0; round < Math.min(SETTINGS.rounds, questions.length); round++) {
    const question = questions[(round + 1) % questions.length].id;
    const marker = `"current":{"id":"${question}"`;
    for (const v of viewers) {
      v.waitingFor = marker;
      v.seenAt = null;
    }
    const started = performance.now();
    await answerNow(sql, sessionId, question);
    const deadline = Date.now() + 15_000;
    while (viewers.some((v) => v.seenAt === null) && Date.now() < deadline) await sleep(5);
    const latencies = viewers.map((v) => (v.seenAt === null ? Infinity : v.seenAt - started));
    underLoad.push(...latencies);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`    under supports, round ${round + 1}: p50 ${num(percentile(sorted, 50))} ms, p95 ${num(percentile(sorted, 95))} ms, max ${num(sorted.at(-1))} ms`);
    await sleep(700);
  }
  busy.stop = true;
  await Promise.all(supporters);
  const supportRate = busy.supported / ((performance.now() - busyStarted) / 1000);
  underLoad.sort((a, b) => a - b);
  const ended = viewers.filter((v) => v.ended).length;
  for (const v of viewers) v.request.destroy();
  all.sort((a, b) => a - b);
  return {
    viewers: viewers.length,
    connectSeconds,
    rounds,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    max: all.at(-1),
    missed: all.filter((l) => l === Infinity).length,
    ended,
    underLoad: { p50: percentile(underLoad, 50), p95: percentile(underLoad, 95), max: underLoad.at(-1), missed: underLoad.filter((l) => l === Infinity).length, supportRate },
  };
}

// --- (b) supports ----------------------------------------------------------------------------------------------

function fakeAddress(n) {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

async function postSupport(baseUrl, sessionId, questionId, address, cookie) {
  const response = await fetch(`${baseUrl}/doi-thoai/${sessionId}/ung-ho`, {
    method: "POST",
    headers: {
      accept: "application/json",
      origin: baseUrl,
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": address,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams({ question: questionId }),
  });
  const setCookie = response.headers.get("set-cookie");
  const body = await response.json().catch(() => null);
  return { status: response.status, result: body?.result ?? `http ${response.status}`, cookie: setCookie ? setCookie.split(";")[0] : cookie };
}

async function measureSupports(baseUrl, sql, sessionId) {
  const questions = (await sql`select id from dialogue_questions where session_id = ${sessionId} and status = 'approved'`).map((r) => r.id);
  const countsOf = async () => {
    const [row] = await sql`select coalesce(sum(support_count), 0)::int as counted, (select count(*)::int from dialogue_supports where session_id = ${sessionId}) as rows
      from dialogue_questions where session_id = ${sessionId}`;
    return row;
  };
  const before = await countsOf();
  console.log(`(b) ${SETTINGS.clients} clients supporting ${questions.length} questions for ${SETTINGS.seconds} s…`);
  const tally = { supported: 0, already_supported: 0, other: new Map(), latencies: [], repeats: 0 };
  let n = 1;
  const deadline = Date.now() + SETTINGS.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SETTINGS.clients }, async () => {
      while (Date.now() < deadline) {
        const me = ++n;
        const address = fakeAddress(me);
        const question = questions[me % questions.length];
        const t0 = performance.now();
        const first = await postSupport(baseUrl, sessionId, question, address, null);
        tally.latencies.push(performance.now() - t0);
        if (first.result === "supported") tally.supported++;
        else tally.other.set(first.result, (tally.other.get(first.result) ?? 0) + 1);
        // One in ten browsers presses again (a double tap, a retry on a weak network): it must not count twice.
        if (me % 10 === 0 && first.cookie) {
          tally.repeats++;
          const again = await postSupport(baseUrl, sessionId, question, address, first.cookie);
          if (again.result === "already_supported") tally.already_supported++;
          else if (again.result === "supported") tally.supported++;
          else tally.other.set(`repeat ${again.result}`, (tally.other.get(`repeat ${again.result}`) ?? 0) + 1);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await countsOf();
  const grew = after.counted - before.counted;
  const rows = after.rows - before.rows;
  tally.latencies.sort((a, b) => a - b);
  return {
    seconds,
    supported: tally.supported,
    perSecond: tally.supported / seconds,
    repeats: tally.repeats,
    repeatsRefused: tally.already_supported,
    other: Object.fromEntries(tally.other),
    countGrew: grew,
    rowsAdded: rows,
    lost: Math.max(0, tally.supported - grew),
    double: Math.max(0, grew - tally.supported),
    p50: percentile(tally.latencies, 50),
    p95: percentile(tally.latencies, 95),
  };
}

// --- (c) the session page with 500 questions ---------------------------------------------------------------------

async function addQuestions(sql, sessionId, count, only = null) {
  await sql`insert into dialogue_questions (session_id, number, body, search_text, status, support_count, priority, answer, answered_at, answered_by_user_id)
    select ${sessionId}::uuid, base.n + g, 'Câu hỏi thử số ' || g || ': xin hỏi về tiến độ giải phóng mặt bằng, tái định cư và chi trả bồi thường cho các hộ dân trong khu vực dự án đường ven biển.',
      'cau hoi thu so ' || g, coalesce(${only}, case when g % 10 = 0 then 'answered' when g % 7 = 0 then 'pending' else 'approved' end), (g * 7919) % 97, g % 3,
      case when g % 10 = 0 and ${only}::text is null then 'Ủy ban đã chỉ đạo đẩy nhanh tiến độ, dự kiến hoàn thành trong quý tới.' end,
      case when g % 10 = 0 and ${only}::text is null then now() - (g || ' seconds')::interval end,
      case when g % 10 = 0 and ${only}::text is null then (select user_id from dialogue_session_leaders where session_id = ${sessionId}::uuid limit 1) end
    from generate_series(1, ${count}) g, (select coalesce(max(number), 0) as n from dialogue_questions where session_id = ${sessionId}::uuid) base`;
  await sql.begin(async (tx) => {
    await tx`update dialogue_sessions set current_question_id = null, version = version + 1, updated_at = now() where id = ${sessionId}`;
    await tx`select pg_notify('dialogue_session', ${sessionId})`;
  });
}

/** As a browser asks: compressed (the page cache keeps each encoding apart; a crowd's phones all ask for gzip). */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };

async function latency(url, headers = {}) {
  const result = await autocannon({ url, connections: 10, duration: 6, headers: { ...BROWSER_HEADERS, ...headers } });
  // autocannon's percentiles are whole milliseconds: the ratio of cached pages (a few ms) uses the mean.
  return { p50: result.latency.p50, mean: result.latency.average, rps: result.requests.average, kb: result.throughput.average / 1024 / Math.max(1, result.requests.average), non2xx: result.non2xx, errors: result.errors };
}

async function measurePages(baseUrl, sql, sessionId) {
  await addQuestions(sql, sessionId, SETTINGS.questions);
  const [{ total }] = await sql`select count(*)::int as total from dialogue_questions where session_id = ${sessionId}`;
  const [someCase] = await sql`select code from cases where kind <> 'denunciation' order by code limit 1`;
  console.log(`(c) the session page (${total} questions) against the status page of case ${someCase.code}…`);
  const session = `${baseUrl}/doi-thoai/${sessionId}`;
  const status = `${baseUrl}/tra-cuu/${someCase.code}`;
  for (const url of [session, status]) {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new SetupError(`${url} answered ${response.status}`);
  }
  // A cookie named like a filer's marks the request personal: the page cache lets Next render it.
  const rendered = { cookie: `dt_bench=${randomUUID()}` };
  const figures = {
    cached: { session: await latency(session), status: await latency(status) },
    rendered: { session: await latency(session, rendered), status: await latency(status, rendered) },
  };
  return { total, ...figures };
}

/** The three measures on a running server (demo data, TRUST_PROXY=1) over its PostgreSQL database; scripts/bench.mjs calls it too. */
export async function measureLive(baseUrl, sql) {
  const sessionId = await liveSession(sql);
  console.log(`Live session ${sessionId}`);
  const viewers = await measureViewers(baseUrl, sql, sessionId);
  await sleep(1000);
  const supports = await measureSupports(baseUrl, sql, sessionId);
  const pages = await measurePages(baseUrl, sql, sessionId);
  return { viewers, supports, pages };
}

export function liveSummaryLines({ viewers, supports, pages }) {
  const cpus = os.cpus();
  return [
    `machine          ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), node ${process.version}; load generator on the same machine`,
    `viewers          ${viewers.viewers} event streams on one instance, connected in ${num(viewers.connectSeconds, 1)} s; ${viewers.ended} ended by the server`,
    `answer now →all  p50 ${num(viewers.p50)} ms, p95 ${num(viewers.p95)} ms, max ${num(viewers.max)} ms over ${viewers.rounds.length} rounds (issue's target: p95 < 1000 ms); missed ${viewers.missed}`,
    `  while supported p50 ${num(viewers.underLoad.p50)} ms, p95 ${num(viewers.underLoad.p95)} ms, max ${num(viewers.underLoad.max)} ms with ${num(viewers.underLoad.supportRate)} supports/s arriving (20 clients); missed ${viewers.underLoad.missed}`,
    `supports         ${supports.supported} accepted in ${num(supports.seconds, 1)} s = ${num(supports.perSecond, 1)}/s with ${SETTINGS.clients} clients (target ≥ 200/s); p50/p95 ${num(supports.p50)}/${num(supports.p95)} ms`,
    `                 repeats ${supports.repeats}, refused as already supported ${supports.repeatsRefused}; other answers ${JSON.stringify(supports.other)}`,
    `                 counts grew by ${supports.countGrew}, support rows added ${supports.rowsAdded}: lost ${supports.lost}, double ${supports.double}`,
    `session page     ${pages.total} questions (${num(pages.cached.session.kb, 0)} KB compressed vs the status page's ${num(pages.cached.status.kb, 0)} KB); cached: mean ${num(pages.cached.session.mean, 2)} ms (${num(pages.cached.session.rps)} req/s) vs status page ${num(pages.cached.status.mean, 2)} ms (${num(pages.cached.status.rps)} req/s): ×${num(pages.cached.session.mean / pages.cached.status.mean, 2)} (target ≤ 2)`,
    `                 rendered: p50 ${num(pages.rendered.session.p50, 1)} ms (${num(pages.rendered.session.rps)} req/s) vs status page ${num(pages.rendered.status.p50, 1)} ms (${num(pages.rendered.status.rps)} req/s): ×${num(pages.rendered.session.p50 / pages.rendered.status.p50, 2)} (target ≤ 2)`,
  ];
}

// --- main ------------------------------------------------------------------------------------------------------

async function main() {
  buildIfNeeded();
  const adminUrl = process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test";
  const name = `doithoai_bench_live_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end({ timeout: 1 });
    throw new SetupError(`cannot create a database on ${adminUrl} (set BENCH_DATABASE_URL): ${error.message}`);
  }
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  console.log(`Live bench: database ${name}, starting the server…`);
  const server = await startBenchServer(url.toString());
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  cleanups.push(() => sql.end({ timeout: 5 }));
  console.log(`Server ready at ${server.baseUrl}`);
  const figures = await measureLive(server.baseUrl, sql);
  if (server.child.exitCode !== null) throw new SetupError("the server died during the run");
  const lines = liveSummaryLines(figures);
  console.log(`\n===== live sessions benchmark =====\n${lines.join("\n")}\n===================================`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void runCleanups().finally(() => process.exit(130)));
  try {
    await main();
    await runCleanups();
    process.exit(0);
  } catch (error) {
    console.error(`\nbench-live: ${error instanceof SetupError ? error.message : (error?.stack ?? error)}`);
    await runCleanups();
    process.exit(1);
  }
}
