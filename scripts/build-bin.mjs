// Bundles the non-Next entry points (server, worker, CLI) into dist/. node_modules stay external;
// `server-only` becomes an empty module because these run in plain Node, not in React Server Components.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ["server", "worker", "migrate", "seed", "secrets", "audit-verify", "rotate-keys", "generate-cases", "bench-statistics"].map((name) => `src/bin/${name}.ts`),
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  alias: { "server-only": "./src/lib/empty-module.ts" },
  sourcemap: "linked",
  logLevel: "warning",
  jsx: "automatic",
});
