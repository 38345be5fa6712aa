// npm test: unit and database tests (PGlite, or PostgreSQL when TEST_DATABASE_URL is set), then the browser
// journeys in Chromium against the production build. Without Chromium the browser tests are skipped loudly;
// with REQUIRE_BROWSER=1 (CI) that is a failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const vitest = path.join(root, "node_modules/vitest/vitest.mjs");
const reports = mkdtempSync(path.join(tmpdir(), "doithoai-test-report-"));
const extraArgs = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
let failed = false;

function run(name, args) {
  const report = path.join(reports, `${name}.json`);
  const result = spawnSync(process.execPath, [vitest, "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extraArgs], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) failed = true;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
    if (json.numTotalTests === 0) {
      console.error(`${name}: no test ran`);
      failed = true;
    }
  } else {
    failed = true;
  }
}

const database = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite";
console.log(`\n▶ Unit and database tests (database: ${database})\n`);
run("unit-db", []);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(chromium)) {
  console.log(`\n▶ Browser tests in Chromium (${chromium}), server on ${database}\n`);
  run("e2e", ["--config", "vitest.e2e.config.ts"]);
} else {
  const banner = "!".repeat(78);
  console.error(`\n${banner}\n!! BROWSER TESTS SKIPPED: Chromium not found at ${chromium}.\n!! Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH)\n${banner}\n`);
  if (process.env.REQUIRE_BROWSER === "1") {
    console.error("REQUIRE_BROWSER=1: missing browser tests are a failure.");
    failed = true;
  }
}

rmSync(reports, { recursive: true, force: true });
console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed || totals.failed > 0 ? 1 : 0);
