// The JavaScript a citizen's browser downloads for a page, compressed as the server sends it, against the
// framework's floor: a bare Next.js page with one link, built by the same Next.js, React and settings.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const FLOOR_FILES = {
  "package.json": JSON.stringify({ name: "doithoai-floor", private: true, type: "module" }, null, 2),
  "app/layout.jsx": 'export default function RootLayout({ children }) {\n  return (<html lang="vi"><body>{children}</body></html>);\n}\n',
  "app/page.jsx": 'import Link from "next/link";\n\nexport default function Page() {\n  return <Link href="/">Trang chủ</Link>;\n}\n',
};

/** Script files a page loads: every <script src>, except the nomodule polyfills a modern browser skips. */
export function scriptSources(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter((m) => !/\bnomodule\b/i.test(m[0])).map((m) => m[1]);
}

/** Compressed bytes of the scripts, read from a build's .next folder (what its server sends for /_next/...). */
export function scriptBytes(buildDir, sources) {
  let total = 0;
  for (const source of new Set(sources)) {
    const file = path.join(buildDir, ".next", decodeURIComponent(new URL(source, "http://x").pathname.replace(/^\/_next\//, "")));
    // zlib's default level, as Next's compression sends it.
    total += gzipSync(readFileSync(file)).length;
  }
  return total;
}

/**
 * Builds the bare page once per Next.js version (in .bench/floor, ~10 s) and returns its compressed JavaScript.
 * The page is prerendered, so its HTML is read from the build: no server needed.
 */
export function measureFloor(root) {
  const dir = path.join(root, ".bench", "floor");
  const nextVersion = JSON.parse(readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")).version;
  const stamp = path.join(dir, ".next", "floor-stamp");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== nextVersion) {
    for (const [name, text] of Object.entries(FLOOR_FILES)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    // The app's own node_modules: Turbopack's root is the repository, which holds the lock file.
    writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(root)} } };\n`);
    execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    writeFileSync(stamp, nextVersion);
  }
  const html = readFileSync(path.join(dir, ".next/server/app/index.html"), "utf8");
  return { nextVersion, bytes: scriptBytes(dir, scriptSources(html)) };
}
