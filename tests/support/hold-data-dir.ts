// A second process for the lock test: opens the embedded database in a folder and holds it until killed.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "../../src/db/lock";

const dir = process.argv[2]!;
acquireDataDirLock(dir);
const db = new PGlite(path.join(dir, "pglite"));
await db.waitReady;
process.stdout.write("ready\n");
setInterval(() => {}, 1000);
