// npm run db:migrate: applies drizzle/ migrations to the configured database and exits.
import { closeDb } from "@/db/client";
import { exitOnStartupError, openMigratedDatabase } from "./startup";

openMigratedDatabase()
  .then(() => closeDb())
  .catch(exitOnStartupError);
