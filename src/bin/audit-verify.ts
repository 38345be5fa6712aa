// npm run audit:verify: walks the audit log's hash chain and reports the first broken link. Exit code 1 if broken.
import { closeDb } from "@/db/client";
import { verifyAuditChain } from "@/server/audit/append-audit";
import { exitOnStartupError, openMigratedDatabase } from "./startup";

async function main() {
  const { db } = await openMigratedDatabase();
  const result = await verifyAuditChain(db);
  await closeDb();
  if (result.ok) {
    process.stdout.write(`Audit log intact: ${result.entries} entries, every hash and link checks out.\n`);
    return;
  }
  process.stdout.write(
    `Audit log BROKEN at entry id ${result.brokenAtId}: ${
      result.problem === "hash" ? "its content does not match its hash (edited)" : "it does not link to the entry before it (an entry was removed or inserted)"
    }. ${result.entries} entries before it are intact.\n`,
  );
  process.exitCode = 1;
}

main().catch(exitOnStartupError);
