import { defineConfig } from "vitest/config";

// Browser journeys in Chromium against the production build, served by the real server on a free port.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    env: { LOG_LEVEL: "warn" },
  },
});
