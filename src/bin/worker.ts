// The background worker on its own (npm run worker), for deployments with several web instances.
import { closeDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { startWorker } from "@/server/worker/run-worker";
import { exitOnStartupError, openMigratedDatabase } from "./startup";

async function main() {
  const { db } = await openMigratedDatabase();
  const worker = startWorker(db);
  logger.info("worker running");
  const stop = async () => {
    await worker.stop();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch(exitOnStartupError);
