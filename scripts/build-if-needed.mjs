// Builds the app unless the build is newer than every source file. Used by `npm start` and the browser tests.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = ["src", "messages", "public", "drizzle", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function buildIsCurrent() {
  const marks = [".next/BUILD_ID", "dist/server.mjs"].map((file) => path.join(root, file));
  if (!marks.every((file) => existsSync(file))) return false;
  const built = Math.min(...marks.map((file) => statSync(file).mtimeMs));
  return Math.max(...SOURCES.map(newestMtime)) <= built;
}

export function buildIfNeeded() {
  if (buildIsCurrent()) return;
  console.log("Đang build ứng dụng (lần đầu mất khoảng 1 phút)… / Building the app (about a minute the first time)…");
  const next = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
  if (next.status !== 0) process.exit(next.status ?? 1);
  const bin = spawnSync(process.execPath, [path.join(root, "scripts/build-bin.mjs")], { cwd: root, stdio: "inherit" });
  if (bin.status !== 0) process.exit(bin.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfNeeded();
