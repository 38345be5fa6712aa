// npm run keys:rotate: re-encrypts personal data sealed with older keys under the first key of PERSONAL_DATA_KEYS.
import { closeDb } from "@/db/client";
import { rotatePersonalDataKeys } from "@/server/privacy/rotate-keys";
import { exitOnStartupError, openMigratedDatabase } from "./startup";

async function main() {
  const { db } = await openMigratedDatabase();
  const result = await rotatePersonalDataKeys(db);
  await closeDb();
  const remaining = Object.entries(result.remainingByKey)
    .map(([key, n]) => `${key}: ${n}`)
    .join(", ");
  process.stdout.write(`Re-encrypted ${result.resealed} records and ${result.resealedMessages} outbox secrets with key "${result.keyId}". Records by key now: ${remaining || "none"}.\n`);
}

main().catch(exitOnStartupError);
