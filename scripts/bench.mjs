// `npm run bench`: a benchmark, not a test. Starts the production build on a fresh PostgreSQL database (server
// mode; `-- --local` runs it on the embedded PGlite instead, as `npm start` does) and measures (1) every public
// page against a static file of the same server, (2) the compressed JavaScript each citizen page ships against
// a bare Next.js page of the same version, (3) that public pages show a change as soon as it is committed,
// (4) how many cases per second the filing form stores, without losing or duplicating any, (5) the server's
// memory before and after, and (6) in server mode, live sessions (scripts/bench-live.mjs; `--no-live` skips it).
// Prints figures with their targets; exits 0 even when a target is missed, 1 when the benchmark itself could
// not run (build, database, server, form scraping).
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import postgres from "postgres";
import { measureFloor, scriptBytes, scriptSources } from "./bench-js-weight.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { liveSummaryLines, measureLive } from "./bench-live.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

const SETTINGS = {
  readConnections: 50,
  readWarmupSeconds: 3,
  readSeconds: 10,
  freshnessRounds: 20,
  filingClients: 50,
  filingSeconds: 10,
  /** One submission in retryEvery is sent twice, as a browser retrying on a weak network would. */
  retryEvery: 20,
};
const TARGETS = { pageToStatic: 0.5, casesPerSecond: 100, jsAboveFloorKb: 15, serverRssMb: 400 };

// `npm run bench -- --filing-only` skips the reads; `--profile[=dir]` writes a V8 CPU profile of the server
// (open it in Chrome DevTools) so that a slow step can be found without guessing.
const ARGS = process.argv.slice(2);
const FILING_ONLY = ARGS.includes("--filing-only");
const LOCAL = ARGS.includes("--local");
const PROFILE_DIR = (() => {
  const arg = ARGS.find((a) => a === "--profile" || a.startsWith("--profile="));
  if (!arg) return null;
  return path.resolve(arg.includes("=") ? arg.slice("--profile=".length) : mkdtempSync(path.join(os.tmpdir(), "doithoai-profile-")));
})();

/** A step the benchmark needs broke: the run is meaningless, so it exits 1. */
class SetupError extends Error {}

// --- Clean-up: the database and the server must go away on success, failure and Ctrl-C alike ---------------

const cleanups = [];
let cleaning = null;

function runCleanups() {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`clean-up failed: ${error.message}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and dropping the database…`);
    runCleanups().finally(() => process.exit(130));
  });
}

// --- Database and server -------------------------------------------------------------------------------------

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function createDatabase(adminUrl) {
  const name = `doithoai_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end({ timeout: 1 });
    throw new SetupError(`cannot create a database on ${adminUrl} (set BENCH_DATABASE_URL): ${error.message}`);
  }
  cleanups.push(async () => {
    // "with (force)": the server may still hold connections if it had to be killed.
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  });
  return { name, url: withDatabase(adminUrl, name) };
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

/** Keeps the server's output: shown in full if it fails to start, summarised (warnings, errors) at the end. */
function collectLogs(child) {
  const logs = { all: [], problems: new Map() };
  const take = (fromStderr) => (chunk) => {
    const text = chunk.toString();
    logs.all.push(text);
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      let key = line.slice(0, 200);
      try {
        const entry = JSON.parse(line);
        if (entry.level !== "warn" && entry.level !== "error") continue;
        key = `${entry.level}: ${entry.message}${entry.error?.message ? ` (${entry.error.message})` : ""}`;
      } catch {
        // Not one of our JSON lines: Next.js and Node write start-up notes to stdout, crashes to stderr.
        if (!fromStderr) continue;
      }
      logs.problems.set(key, (logs.problems.get(key) ?? 0) + 1);
    }
  };
  child.stdout.on("data", take(false));
  child.stderr.on("data", take(true));
  return logs;
}

async function startServer(databaseUrl) {
  // databaseUrl null: local mode, the embedded PGlite in the data folder, secrets generated there.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "doithoai-bench-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    SEED_DEMO: "always",
    // The filing clients tell their (fake) address in X-Forwarded-For, so per-IP limits count each apart.
    TRUST_PROXY: "1",
    WORKER: "inline",
    LOG_LEVEL: "warn",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    PERSONAL_DATA_KEYS: `b1:${randomBytes(32).toString("base64")}`,
    LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
  };
  delete env.RESEND_API_KEY; // never send real email from a benchmark
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else for (const name of ["AUTH_SECRET", "PERSONAL_DATA_KEYS", "LOOKUP_HASH_KEY"]) delete env[name];
  // The site answers only at its own address: the one the load generator uses.
  env.APP_URL = `http://127.0.0.1:${port}`;
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server alone.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  if (PROFILE_DIR) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`);
  const child = spawn(process.execPath, [...nodeArgs, "dist/server.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const logs = collectLogs(child);
  cleanups.push(() => stopServer(child));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(baseUrl, child, logs);
  return { baseUrl, child, logs };
}

async function waitForServer(baseUrl, child, logs) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new SetupError(`the server exited with ${child.exitCode}:\n${logs.all.join("")}`);
    try {
      const response = await fetch(`${baseUrl}/`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new SetupError(`the server did not answer GET / with 200 within 120 s:\n${logs.all.join("")}`);
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** A demo case whose public page shows reasons: accepted if there is one, never a denunciation (sealed). */
async function pickCase(sql) {
  const [row] = await sql`
    select id, code from cases
    where kind <> 'denunciation'
    order by (status = 'accepted') desc, code
    limit 1`;
  if (!row) throw new SetupError("the demo seed left no case in the database");
  return row;
}

// --- CPU: on a small machine the load generator competes with the server for the same cores -------------------

/** CPU seconds a process has used (Linux /proc: utime + stime of all its threads, in USER_HZ = 1/100 s). */
function processCpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN; // not Linux: the figure is left out
  }
}

/** Whole machine, so that what neither process used (PostgreSQL, mostly) shows too. */
function machineCpu() {
  const times = os.cpus().map((cpu) => cpu.times);
  const sum = (key) => times.reduce((total, t) => total + t[key], 0) / 1000;
  const idle = sum("idle");
  return { busy: sum("user") + sum("nice") + sum("sys") + sum("irq"), idle };
}

/** Starts measuring; the returned function gives the average number of cores kept busy since. */
function cpuMeter(serverPid) {
  const started = performance.now();
  const server = processCpuSeconds(serverPid);
  const client = process.cpuUsage();
  const machine = machineCpu();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(client);
    const now = machineCpu();
    return {
      server: (processCpuSeconds(serverPid) - server) / seconds,
      client: (used.user + used.system) / 1e6 / seconds,
      machine: ((now.busy - machine.busy) / (now.busy - machine.busy + now.idle - machine.idle)) * os.cpus().length,
    };
  };
}

const cpuText = (cpu) =>
  `CPU cores busy: server ${num(cpu.server, 2)}, bench client ${num(cpu.client, 2)}, whole machine ${num(cpu.machine, 2)} of ${os.cpus().length}`;

// --- 1. Reads: static file vs status page --------------------------------------------------------------------

async function measure(url, serverPid) {
  const stopCpu = cpuMeter(serverPid);
  const result = await autocannon({
    url,
    connections: SETTINGS.readConnections,
    duration: SETTINGS.readSeconds,
    // The first requests pay for JIT and Next's lazy route loading; they say nothing about steady state.
    warmup: { connections: SETTINGS.readConnections, duration: SETTINGS.readWarmupSeconds },
  });
  return {
    rps: result.requests.mean,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    total: result.requests.total,
    // A cache that served a short error page would look fast: the size per response shows what was served.
    kbPerResponse: result.throughput.total / Math.max(1, result.requests.total) / 1024,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpu: stopCpu(),
  };
}

/** One plain GET first: a 404 or an error page would be fast and make the figures meaningless. */
async function checkPage(url, mustContain) {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200 || !text.includes(mustContain)) {
    throw new SetupError(`GET ${url} answered ${response.status} without "${mustContain}"`);
  }
}

/** The public pages a crowd reads (a session announced on television): each is measured against the static file. */
function publicPages(code) {
  return [
    { name: "home /", path: "/", mustContain: 'id="figures-title"' },
    { name: "lookup /tra-cuu", path: "/tra-cuu", mustContain: 'name="ma"' },
    { name: `status /tra-cuu/${code}`, path: `/tra-cuu/${code}`, mustContain: code },
    { name: "reception calendar /tiep-cong-dan", path: "/tiep-cong-dan", mustContain: "/tiep-cong-dan/lich.ics" },
    { name: "reception duty /tiep-cong-dan/nhiem-vu", path: "/tiep-cong-dan/nhiem-vu", mustContain: 'id="ds-nhiem-vu"' },
  ];
}

async function measureReads(baseUrl, code, serverPid) {
  const staticUrl = `${baseUrl}/offline.html`;
  await checkPage(staticUrl, "<html");
  const pages = publicPages(code);
  for (const page of pages) await checkPage(`${baseUrl}${page.path}`, page.mustContain);
  const staticPage = await measure(staticUrl, serverPid);
  const measured = [];
  for (const page of pages) {
    const result = await measure(`${baseUrl}${page.path}`, serverPid);
    measured.push({ ...page, result, ratio: result.rps / staticPage.rps });
  }
  return { staticPage, pages: measured };
}

// --- JavaScript weight: what each citizen page makes a phone download -----------------------------------------

/** Files one case without JavaScript, as a citizen would: its code and the filer's session cookie. */
async function fileOneCase(baseUrl, form, choice, runId) {
  const body = new FormData();
  for (const [name, value] of submissionFields(form, choice, runId, 0, "Weight")) body.append(name, value);
  const response = await fetch(new URL(form.target, `${baseUrl}/gui-y-kien`), {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "x-forwarded-for": "10.255.254.1", origin: baseUrl },
  });
  await response.arrayBuffer();
  const code = response.headers.get("location")?.match(/\/gui-y-kien\/bien-nhan\/([0-9A-Z-]+)$/)?.[1];
  if (response.status !== 303 || !code) throw new SetupError(`filing one case for the weight check answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { code, cookie };
}

/** The page as a browser gets it (cookies, a form POST for the refused filing), then the scripts it loads. */
async function pageScriptBytes(baseUrl, { path: pagePath, cookie, post }) {
  const headers = { "x-forwarded-for": "10.255.254.2", ...(cookie ? { cookie } : {}) };
  let response;
  if (post) {
    const body = new FormData();
    for (const [name, value] of post.fields) body.append(name, value);
    // A 307 sends the same form on, as a browser does (the plain filing route hands refusals to the server action).
    let url = new URL(post.target, `${baseUrl}/gui-y-kien`);
    for (let hop = 0; hop < 3; hop++) {
      response = await fetch(url, { method: "POST", body, redirect: "manual", headers: { ...headers, origin: baseUrl } });
      if (response.status !== 307 && response.status !== 308) break;
      await response.arrayBuffer();
      url = new URL(response.headers.get("location"), url);
    }
  } else {
    response = await fetch(`${baseUrl}${pagePath}`, { headers, redirect: "manual" });
  }
  const html = await response.text();
  if (response.status !== 200) throw new SetupError(`${post ? "POST" : "GET"} ${pagePath} answered ${response.status} for the weight check`);
  if (post && !html.includes('role="alert"')) throw new SetupError("the refused filing did not show its error for the weight check");
  return scriptBytes(root, scriptSources(html));
}

async function measureJsWeight(baseUrl, runId) {
  const floor = measureFloor(root);
  const form = await fetchForm(baseUrl, "10.255.254.3");
  const choice = await pickRoutablePair(baseUrl, form, runId);
  const filed = await fileOneCase(baseUrl, form, choice, runId);
  const refused = submissionFields(form, choice, runId, 1, "Refused").map(([name, value]) => [name, name === "title" || name === "body" ? "" : value]);
  const pages = [
    { name: "home /", path: "/" },
    { name: "filing form /gui-y-kien", path: "/gui-y-kien" },
    { name: "filing form after a refusal", path: "/gui-y-kien", post: { target: form.target, fields: refused } },
    { name: "receipt /gui-y-kien/bien-nhan/…", path: `/gui-y-kien/bien-nhan/${filed.code}`, cookie: filed.cookie },
    { name: "lookup /tra-cuu", path: "/tra-cuu" },
    { name: "lookup, unknown code", path: "/tra-cuu?ma=0000-0000-000" },
    { name: "status /tra-cuu/…", path: `/tra-cuu/${filed.code}` },
    { name: "private view /tra-cuu/…/rieng", path: `/tra-cuu/${filed.code}/rieng`, cookie: filed.cookie },
    { name: "sign-in /dang-nhap", path: "/dang-nhap" },
  ];
  const measured = [];
  for (const page of pages) {
    const bytes = await pageScriptBytes(baseUrl, page);
    measured.push({ name: page.name, bytes, aboveFloor: bytes - floor.bytes });
  }
  return { floor, pages: measured, filed };
}

// --- Memory ----------------------------------------------------------------------------------------------------

/** Asks the server where its memory is (SIGUSR2 makes it print a "memory" line): heap, external, array buffers. */
async function memoryBreakdown(child, logs) {
  const seen = logs.all.length;
  child.kill("SIGUSR2");
  for (let i = 0; i < 20; i++) {
    await sleep(100);
    for (const text of logs.all.slice(seen)) {
      const line = text.split("\n").find((l) => l.includes('"message":"memory"'));
      if (line) return JSON.parse(line);
    }
  }
  return null;
}

/** Resident memory of a process in MB (Linux /proc), NaN elsewhere. */
function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

// --- 2. Freshness: a committed change shows on the very next request -----------------------------------------

/** Changes the case as the app does: a public event and a version bump, in one transaction. */
async function extendCase(sql, caseId, reason) {
  await sql.begin(async (tx) => {
    await tx`
      insert into case_events (case_id, type, visibility, actor_role, reason)
      values (${caseId}, 'case.extended', 'public', 'system', ${reason})`;
    await tx`update cases set version = version + 1, updated_at = now() where id = ${caseId}`;
  });
}

/** Answers one more case as a leader's approval would (the answer time, the status, a version bump). */
async function answerOneCase(sql) {
  const [row] = await sql`
    update cases set status = 'answered', answered_at = now(), version = version + 1, updated_at = now()
    where id = (select id from cases where status = 'accepted' and answered_at is null order by code limit 1)
    returning id`;
  const [{ answered }] = await sql`select count(*)::int as answered from cases where answered_at is not null`;
  return row ? answered : null;
}

async function checkFreshness(sql, baseUrl, target) {
  let fresh = 0;
  let rounds = 0;
  const stale = [];
  for (let round = 1; round <= SETTINGS.freshnessRounds; round++) {
    const reason = `Bench freshness check ${randomBytes(6).toString("hex")}`;
    await extendCase(sql, target.id, reason);
    const response = await fetch(`${baseUrl}/tra-cuu/${target.code}`);
    const html = await response.text();
    rounds++;
    if (response.status === 200 && html.includes(reason)) fresh++;
    else stale.push(`status round ${round}: ${response.status}${response.status === 200 ? ", reason missing" : ""}`);
  }
  // The home page's "answered" figure, counted from scratch, must show at once.
  for (let round = 1; round <= SETTINGS.freshnessRounds / 4; round++) {
    const answered = await answerOneCase(sql);
    if (answered === null) break;
    const shown = `>${new Intl.NumberFormat("vi-VN").format(answered)}</dd>`;
    const response = await fetch(`${baseUrl}/`);
    const html = await response.text();
    rounds++;
    if (response.status === 200 && html.includes(shown)) fresh++;
    else stale.push(`home round ${round}: ${response.status}${response.status === 200 ? `, ${answered} answered not shown` : ""}`);
  }
  return { fresh, rounds, stale };
}

// --- 3. Filing: the no-JavaScript form, many citizens at once -------------------------------------------------

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") return String.fromCodePoint(name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributes(tag) {
  const attrs = {};
  for (const [, name, value] of tag.matchAll(/([^\s=/<>"']+)(?:="([^"]*)")?/g)) attrs[name.toLowerCase()] = decodeEntities(value ?? "");
  return attrs;
}

function optionValues(formHtml, selectName) {
  const select = formHtml.match(new RegExp(`<select[^>]*name="${selectName}"[^>]*>([\\s\\S]*?)</select>`));
  if (!select) return [];
  return [...select[1].matchAll(/<option\b[^>]*>/g)].map((m) => attributes(m[0]).value).filter(Boolean);
}

/**
 * What a browser without JavaScript would send back: every hidden input of the intake form (Next's
 * $ACTION_* fields that name the server action and its state, and idempotencyKey), plus the choices offered.
 * The page has other forms (the language switch), so only the one holding idempotencyKey counts.
 */
function scrapeIntakeForm(html) {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('name="idempotencyKey"'));
  if (!form) throw new SetupError("GET /gui-y-kien: no form with an idempotencyKey field");
  const hidden = [...form.matchAll(/<input\b[^>]*>/g)]
    .map((m) => attributes(m[0]))
    .filter((a) => a.type === "hidden" && a.name)
    .map((a) => [a.name, a.value ?? ""]);
  if (!hidden.some(([name]) => name.startsWith("$ACTION"))) throw new SetupError("GET /gui-y-kien: no $ACTION_* hidden fields (is the form still a server action?)");
  // Where a browser without JavaScript sends it: the submit button's formaction, else the form's action.
  const button = [...form.matchAll(/<button\b[^>]*>/g)].map((m) => attributes(m[0])).find((a) => a.type === "submit");
  const target = button?.formaction || attributes(form.match(/<form\b[^>]*>/)[0]).action || "/gui-y-kien";
  return { hidden, target, categories: optionValues(form, "categoryId"), areas: optionValues(form, "areaId") };
}

/** Only as a header value, so each submission counts against its own per-IP limit; nothing is sent there. */
function fakeClientAddress(n) {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

async function fetchForm(baseUrl, address) {
  const response = await fetch(`${baseUrl}/gui-y-kien`, { headers: { "x-forwarded-for": address } });
  const html = await response.text();
  if (response.status !== 200) throw new SetupError(`GET /gui-y-kien answered ${response.status}`);
  return scrapeIntakeForm(html);
}

function submissionFields(form, choice, runId, n, label = "Bench") {
  const hidden = form.hidden.filter(([name]) => name !== "idempotencyKey");
  return [
    ...hidden,
    ["idempotencyKey", randomUUID()],
    ["kind", "report"],
    ["categoryId", choice.categoryId],
    ["areaId", choice.areaId],
    ["title", `${label} ${runId} ${n}`],
    ["body", `Phản ánh thử tải số ${n} của lần chạy ${runId}: đèn đường trước chợ không sáng.`],
    ["name", "Nguyễn Văn Thử"],
    ["phone", `09${String(n % 1e8).padStart(8, "0")}`],
    ["email", `bench-${runId}-${label === "Bench" ? "" : `${label.toLowerCase()}-`}${n}@example.com`],
  ];
}

/** One POST as the browser sends it; returns the tracking code on a 303 to the receipt page. */
async function post(baseUrl, target, fields, address) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  const started = performance.now();
  try {
    let url = new URL(target, `${baseUrl}/gui-y-kien`);
    let response;
    // A 307 sends the same form on, as a browser does (the route hands refusals to the server action).
    for (let hop = 0; hop < 3; hop++) {
      response = await fetch(url, { method: "POST", body, redirect: "manual", headers: { "x-forwarded-for": address, origin: baseUrl } });
      if (response.status !== 307 && response.status !== 308) break;
      await response.arrayBuffer();
      url = new URL(response.headers.get("location"), url);
    }
    const text = await response.text();
    const ms = performance.now() - started;
    const code = response.status === 303 ? response.headers.get("location")?.match(/\/gui-y-kien\/bien-nhan\/([0-9A-Z-]+)$/)?.[1] : undefined;
    if (code) return { ok: true, code, ms };
    // A 200 is the form shown again with an error (rate limit, server error, invalid field): say which.
    const alert = text.match(/role="alert"[^>]*>([\s\S]*?)<\/div>/)?.[1]?.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
    const invalid = [...text.matchAll(/class="field-error">([^<]*)</g)].map((m) => decodeEntities(m[1])).join("; ");
    const why = [alert, invalid].filter(Boolean).join(" | ").slice(0, 200);
    return { ok: false, status: String(response.status), why, ms };
  } catch (error) {
    return { ok: false, status: `network ${error.cause?.code ?? error.name}`, why: error.message, ms: performance.now() - started };
  }
}

/**
 * The routing rules may not cover every category and area: file one probe case per candidate pair until one
 * is stored. This also proves, before the load, that the scraped form files a case at all.
 */
async function pickRoutablePair(baseUrl, form, runId) {
  const candidates = [];
  for (const categoryId of form.categories.slice(0, 5)) for (const areaId of form.areas.slice(0, 5)) candidates.push({ categoryId, areaId });
  const seen = [];
  for (const [i, choice] of candidates.entries()) {
    const result = await post(baseUrl, form.target, submissionFields(form, choice, runId, i + 1, "Probe"), `10.255.255.${i + 1}`);
    if (result.ok) return choice;
    seen.push(`${result.status} ${result.why ?? ""}`.trim());
  }
  throw new SetupError(`no probe submission was filed (${candidates.length} category/area pairs tried): ${[...new Set(seen)].join("; ")}`);
}

async function filingClient(baseUrl, choice, runId, state, deadline) {
  // One GET per client, as one citizen opening the form; then it files again and again.
  const form = await fetchForm(baseUrl, fakeClientAddress(0xffffff - state.clients++));
  while (Date.now() < deadline) {
    const n = ++state.sent;
    const address = fakeClientAddress(n);
    const fields = submissionFields(form, choice, runId, n);
    const result = await post(baseUrl, form.target, fields, address);
    state.latencies.push(result.ms);
    if (!result.ok) {
      const key = result.status;
      state.failed[key] = (state.failed[key] ?? 0) + 1;
      if (result.why && state.samples.length < 5) state.samples.push(`${key}: ${result.why}`);
      continue;
    }
    state.succeeded.set(result.code, fields.find(([name]) => name === "title")[1]);
    if (n % SETTINGS.retryEvery === 0) {
      // The same POST again, byte for byte in content: must answer with the same receipt, not a new case.
      const retry = await post(baseUrl, form.target, fields, address);
      state.retries.sent++;
      if (!retry.ok) state.retries.failed++;
      else if (retry.code === result.code) state.retries.same++;
      else state.retries.different++;
    }
  }
}

async function measureFiling(baseUrl, sql, runId, serverPid) {
  const form = await fetchForm(baseUrl, "10.255.255.254");
  if (!form.categories.length || !form.areas.length) throw new SetupError("GET /gui-y-kien: no category or area to choose");
  const choice = await pickRoutablePair(baseUrl, form, runId);

  const state = { clients: 0, sent: 0, succeeded: new Map(), failed: {}, samples: [], latencies: [], retries: { sent: 0, same: 0, different: 0, failed: 0 } };
  const started = performance.now();
  const stopCpu = cpuMeter(serverPid);
  const deadline = Date.now() + SETTINGS.filingSeconds * 1000;
  await Promise.all(Array.from({ length: SETTINGS.filingClients }, () => filingClient(baseUrl, choice, runId, state, deadline)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = stopCpu();

  // Local mode: PGlite is held by the server alone, so what was stored is not checked from here.
  const check = sql ? await verifyFilings(sql, runId, state.succeeded) : {};
  const sorted = state.latencies.sort((a, b) => a - b);
  const posts = state.sent + state.retries.sent;
  return {
    seconds,
    // Server CPU per POST, the 50 form GETs included: the figure to watch on a busy machine.
    cpuMsPerPost: (cpu.server * seconds * 1000) / Math.max(1, posts),
    sent: state.sent,
    succeeded: state.succeeded.size,
    failed: state.failed,
    samples: state.samples,
    casesPerSecond: state.succeeded.size / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    retries: state.retries,
    cpu,
    ...check,
  };
}

/** Every receipt given must name a stored case with the title sent, and no title may be stored twice. */
async function verifyFilings(sql, runId, succeeded) {
  const codes = [...succeeded.keys()];
  const rows = codes.length ? await sql`select code, title from cases where code = any(${codes})` : [];
  const stored = new Map(rows.map((r) => [r.code, r.title]));
  const lost = codes.filter((code) => stored.get(code) !== succeeded.get(code)).length;
  const pattern = `Bench ${runId} %`;
  const duplicated = await sql`select title, count(*)::int as copies from cases where title like ${pattern} group by title having count(*) > 1`;
  const [{ count }] = await sql`select count(*)::int as count from cases where title like ${pattern}`;
  return { lost, duplicated: duplicated.length, duplicateExamples: duplicated.slice(0, 3).map((d) => `${d.title} ×${d.copies}`), storedForRun: count };
}

// --- Figures ---------------------------------------------------------------------------------------------------

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const num = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const mark = (pass) => (pass ? "PASS" : "FAIL");

function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(all[0]), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join("\n");
}

function printReads(reads) {
  const row = (name, r, ratio) => [name, num(r.rps), ratio === null ? "" : num(ratio, 2), num(r.p50), num(r.p90), num(r.p99), num(r.kbPerResponse, 1), r.non2xx, r.errors];
  console.log(`\nReads: ${SETTINGS.readConnections} connections, ${SETTINGS.readSeconds} s each after ${SETTINGS.readWarmupSeconds} s of warm-up`);
  console.log(
    table(
      ["page", "req/s", "×static", "p50 ms", "p90 ms", "p99 ms", "KB/resp", "non-2xx", "errors"],
      [row("static /offline.html", reads.staticPage, null), ...reads.pages.map((p) => row(p.name, p.result, p.ratio))],
    ),
  );
  console.log(`static: ${cpuText(reads.staticPage.cpu)}`);
  for (const page of reads.pages) {
    console.log(`${page.name}: ${cpuText(page.result.cpu)}`);
    console.log(`  ${page.name} / static req/s: ${num(page.ratio, 2)} (target ≥ ${TARGETS.pageToStatic}) ${mark(page.ratio >= TARGETS.pageToStatic)}`);
  }
}

function printJsWeight(weight) {
  const kb = (bytes) => num(bytes / 1024, 1);
  console.log(`\nJavaScript per citizen page, compressed (gzip), nomodule polyfills left out`);
  console.log(`floor: a bare Next.js ${weight.floor.nextVersion} page with one link, same build tools: ${kb(weight.floor.bytes)} KB`);
  console.log(
    table(
      ["page", "KB", "above floor", "target", ""],
      weight.pages.map((p) => [p.name, kb(p.bytes), kb(p.aboveFloor), `≤ ${TARGETS.jsAboveFloorKb}`, mark(p.aboveFloor / 1024 <= TARGETS.jsAboveFloorKb)]),
    ),
  );
}

function printFreshness(freshness) {
  console.log(`\nFreshness: fresh after commit: ${freshness.fresh}/${freshness.rounds} (target ${freshness.rounds}/${freshness.rounds}) ${mark(freshness.fresh === freshness.rounds)}`);
  for (const line of freshness.stale.slice(0, 5)) console.log(`  stale: ${line}`);
}

function printFiling(f) {
  const failed = Object.entries(f.failed).map(([status, count]) => `${status}: ${count}`).join(", ") || "none";
  console.log(`\nFiling: ${SETTINGS.filingClients} clients for ${num(f.seconds, 1)} s, form POST without JavaScript`);
  console.log(`submissions sent: ${f.sent}, succeeded: ${f.succeeded}, failed: ${f.sent - f.succeeded} (${failed})`);
  for (const sample of f.samples) console.log(`  e.g. ${sample}`);
  console.log(`latency p50/p90/p99: ${num(f.p50)} / ${num(f.p90)} / ${num(f.p99)} ms`);
  console.log(`${cpuText(f.cpu)}; server CPU per POST ${num(f.cpuMsPerPost, 1)} ms`);
  console.log(`cases/s: ${num(f.casesPerSecond, 1)} (target ≥ ${TARGETS.casesPerSecond}) ${mark(f.casesPerSecond >= TARGETS.casesPerSecond)}`);
  if (f.lost === undefined) console.log("lost and duplicated: not checked in local mode");
  else {
    console.log(`lost: ${f.lost} (target 0) ${mark(f.lost === 0)}`);
    console.log(`duplicated: ${f.duplicated} (target 0) ${mark(f.duplicated === 0)}${f.duplicateExamples.length ? ` e.g. ${f.duplicateExamples.join(", ")}` : ""}`);
  }
  console.log(`retries: ${f.retries.sent} sent, ${f.retries.same} same code, ${f.retries.different} different code, ${f.retries.failed} failed ${mark(f.retries.different === 0 && f.retries.failed === 0)}`);
  if (f.storedForRun !== undefined) console.log(`cases stored for this run: ${f.storedForRun} (receipts given: ${f.succeeded})`);
}

const readLine = (r) => `${num(r.rps)} req/s, p50/p90/p99 ${num(r.p50)}/${num(r.p90)}/${num(r.p99)} ms, ${num(r.kbPerResponse, 1)} KB/resp, non-2xx ${r.non2xx}, errors ${r.errors}`;

function printSummary({ reads, weight, freshness, filing, memory, logs }) {
  const cpus = os.cpus();
  const problems = [...logs.problems.entries()].sort((a, b) => b[1] - a[1]);
  const heaviest = weight.pages.reduce((a, b) => (b.aboveFloor > a.aboveFloor ? b : a));
  const rssTarget = LOCAL ? null : TARGETS.serverRssMb;
  const lines = [
    `machine          ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), ${os.platform()} ${os.release()}, node ${process.version}`,
    `mode             ${LOCAL ? "local (embedded PGlite)" : "server (PostgreSQL)"}`,
    `static page      ${readLine(reads.staticPage)}`,
    ...reads.pages.map((p) => `${p.name.padEnd(16)} ${readLine(p.result)}; ×static ${num(p.ratio, 2)} (≥ ${TARGETS.pageToStatic})  ${mark(p.ratio >= TARGETS.pageToStatic)}`),
    `JS floor         ${num(weight.floor.bytes / 1024, 1)} KB (bare Next.js ${weight.floor.nextVersion} page)`,
    ...weight.pages.map((p) => `JS ${p.name.padEnd(34)} ${num(p.bytes / 1024, 1)} KB, +${num(p.aboveFloor / 1024, 1)} (≤ ${TARGETS.jsAboveFloorKb})  ${mark(p.aboveFloor / 1024 <= TARGETS.jsAboveFloorKb)}`),
    `JS heaviest      ${heaviest.name}: +${num(heaviest.aboveFloor / 1024, 1)} KB`,
    freshness ? `fresh            ${freshness.fresh}/${freshness.rounds}  ${mark(freshness.fresh === freshness.rounds)}` : `fresh            not checked in local mode (no second connection to PGlite)`,
    `filing           ${filing.sent} sent, ${filing.succeeded} succeeded, ${filing.sent - filing.succeeded} failed; p50/p90/p99 ${num(filing.p50)}/${num(filing.p90)}/${num(filing.p99)} ms`,
    `cases/s          ${num(filing.casesPerSecond, 1)} (≥ ${TARGETS.casesPerSecond})  ${mark(filing.casesPerSecond >= TARGETS.casesPerSecond)}; ${cpuText(filing.cpu)}; server CPU per POST ${num(filing.cpuMsPerPost, 1)} ms`,
    ...(filing.lost === undefined
      ? [`lost/duplicated  not checked in local mode`]
      : [`lost             ${filing.lost}  ${mark(filing.lost === 0)}`, `duplicated       ${filing.duplicated}  ${mark(filing.duplicated === 0)}`]),
    `retries          ${filing.retries.sent} sent, ${filing.retries.different} different code, ${filing.retries.failed} failed  ${mark(filing.retries.different === 0 && filing.retries.failed === 0)}`,
    `server RSS       ${num(memory.before)} MB idle after start, ${num(memory.afterReads)} MB after the reads, ${num(memory.after)} MB after the filing load${rssTarget ? ` (≤ ${rssTarget})  ${mark(memory.after <= rssTarget)}` : ""}`,
    ...(memory.breakdown
      ? [`  of which       JS heap ${memory.breakdown.heapUsedMb} MB used of ${memory.breakdown.heapTotalMb}, external ${memory.breakdown.externalMb} MB (array buffers ${memory.breakdown.arrayBuffersMb} MB${LOCAL ? ", PGlite's WebAssembly memory among them" : ""}); the rest is code, stacks and the allocator`]
      : []),
    `server log       ${problems.length ? `${problems.reduce((sum, [, count]) => sum + count, 0)} warning/error lines` : "no warnings or errors"}`,
    ...problems.slice(0, 8).map(([line, count]) => `                 ${count} × ${line}`),
  ];
  console.log(`\n===== Đối thoại benchmark summary =====\n${lines.join("\n")}\n=======================================`);
}

// --- Main --------------------------------------------------------------------------------------------------------

async function main() {
  buildIfNeeded();
  const runId = randomBytes(3).toString("hex");
  let sql = null;
  let server;
  if (LOCAL) {
    console.log(`Bench ${runId}: local mode (embedded PGlite in a fresh data folder), starting the server…`);
    server = await startServer(null);
  } else {
    const adminUrl = process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test";
    const database = await createDatabase(adminUrl);
    console.log(`Bench ${runId}: database ${database.name}, starting the server…`);
    server = await startServer(database.url);
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    cleanups.push(() => sql.end({ timeout: 5 }));
  }
  console.log(`Server ready at ${server.baseUrl}`);
  const pid = server.child.pid;
  const alive = () => {
    if (server.child.exitCode !== null) throw new SetupError(`the server died during the run (exit ${server.child.exitCode})`);
  };

  if (FILING_ONLY) {
    printFiling(await measureFiling(server.baseUrl, sql, runId, pid));
    return alive();
  }
  const memory = { before: rssMb(pid) };
  const weight = await measureJsWeight(server.baseUrl, runId);
  printJsWeight(weight);
  // The status page of a demo case with reasons on it (server mode), else the case just filed.
  const target = sql ? await pickCase(sql) : { code: weight.filed.code };
  const reads = await measureReads(server.baseUrl, target.code, pid);
  printReads(reads);
  memory.afterReads = rssMb(pid);
  const freshness = sql ? await checkFreshness(sql, server.baseUrl, target) : null;
  if (freshness) printFreshness(freshness);
  const filing = await measureFiling(server.baseUrl, sql, runId, pid);
  printFiling(filing);
  memory.after = rssMb(pid);
  memory.breakdown = await memoryBreakdown(server.child, server.logs);
  alive();
  printSummary({ reads, weight, freshness, filing, memory, logs: server.logs });
  // Live sessions (scripts/bench-live.mjs): PostgreSQL only, after the rest so its figures stay as they were.
  if (sql && !ARGS.includes("--no-live")) {
    const live = await measureLive(server.baseUrl, sql);
    alive();
    console.log(`\n===== live sessions =====\n${liveSummaryLines(live).join("\n")}\n=========================`);
  }
}

try {
  await main();
  await runCleanups();
  // The server writes its profile as it exits, during the clean-ups.
  if (PROFILE_DIR) console.log(`\nserver CPU profile in ${PROFILE_DIR} (open the .cpuprofile in Chrome DevTools, Performance tab)`);
  process.exit(0);
} catch (error) {
  console.error(`\nbench: ${error instanceof SetupError ? error.message : (error?.stack ?? error)}`);
  await runCleanups();
  process.exit(1);
}
