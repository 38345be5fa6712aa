import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const src = fileURLToPath(new URL("./src", import.meta.url));
const empty = fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${src}/` },
      // `server-only` throws outside React Server Components; tests run plain Node.
      { find: /^server-only$/, replacement: empty },
    ],
  },
  test: {
    // Fixed test secrets and a throw-away data folder: tests never touch a developer's .data.
    env: {
      DATA_DIR: "/tmp/doithoai-vitest-data",
      AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789",
      PERSONAL_DATA_KEYS: "t1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      LOOKUP_HASH_KEY: "test-lookup-hash-key-0123456789abcdef01234",
      LOG_LEVEL: "warn",
    },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.test.ts", "tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/db-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
