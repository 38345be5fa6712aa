import { defineConfig } from "drizzle-kit";

// Only used to generate migrations from src/db/schema (npm run db:generate); the app applies them itself.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  strict: true,
  verbose: true,
});
