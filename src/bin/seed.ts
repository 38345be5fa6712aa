// npm run db:seed: loads the demo sample (idempotent) into the configured database.
import { closeDb } from "@/db/client";
import { seedDemoData } from "@/db/seed/seed-demo";
import { exitOnStartupError, openMigratedDatabase } from "./startup";

async function main() {
  const { db } = await openMigratedDatabase();
  const report = await seedDemoData(db);
  process.stdout.write(
    report.casesCreated > 0
      ? `Đã nạp dữ liệu mẫu: ${report.casesCreated} hồ sơ. / Demo data loaded: ${report.casesCreated} cases.\n`
      : "Dữ liệu mẫu đã có sẵn, không nạp lại. / Demo data already present; nothing added.\n",
  );
  await closeDb();
}

main().catch(exitOnStartupError);
