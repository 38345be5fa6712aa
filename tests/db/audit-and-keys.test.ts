import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, caseParties, emailOutbox } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { appendAudit, verifyAuditChain } from "@/server/audit/append-audit";
import { parseKeyring, sealSecret, unsealPersonalData, unsealSecret } from "@/server/privacy/personal-data";
import { rotatePersonalDataKeys } from "@/server/privacy/rotate-keys";
import { env } from "@/env";
import { testDatabaseUrl } from "../support/database-url";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const run = promisify(execFile);
let t: TestDatabase;
const now = new Date("2026-11-27T03:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, now);
});
afterAll(() => t.close());

async function allParties() {
  return t.db.select().from(caseParties).orderBy(caseParties.id);
}

describe("personal data key rotation", () => {
  it("re-encrypts every party under the new key, keeps the content, and is a no-op when run again", async () => {
    const before = await allParties();
    expect(before.length).toBeGreaterThan(10);
    const oldSpec = env().PERSONAL_DATA_KEYS;
    const oldId = parseKeyring(oldSpec).current;
    expect(new Set(before.map((p) => p.keyId))).toEqual(new Set([oldId]));
    const plain = new Map(before.map((p) => [p.id, unsealPersonalData(p.keyId, p.sealed)]));

    const rotated = `k-next:${randomBytes(32).toString("base64")},${oldSpec}`;
    const result = await rotatePersonalDataKeys(t.db, { keys: rotated, batchSize: 7 });
    expect(result).toMatchObject({ keyId: "k-next", resealed: before.length, remainingByKey: { "k-next": before.length } });

    const after = await allParties();
    const ring = parseKeyring(rotated);
    for (const p of after) {
      expect(p.keyId).toBe("k-next");
      expect(p.sealed).not.toBe(before.find((b) => b.id === p.id)!.sealed);
      expect(unsealPersonalData(p.keyId, p.sealed, ring)).toEqual(plain.get(p.id));
    }
    // Without the new key the data cannot be read: the old key alone no longer opens it.
    expect(() => unsealPersonalData(after[0]!.keyId, after[0]!.sealed, parseKeyring(oldSpec))).toThrow(/not in PERSONAL_DATA_KEYS/);
    expect((await rotatePersonalDataKeys(t.db, { keys: rotated })).resealed).toBe(0);
    const rekeyed = await t.db.select().from(auditLog).where(eq(auditLog.action, "personal_data.rekeyed"));
    expect(rekeyed.length).toBe(Math.ceil(before.length / 7));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("stops, writing nothing of the batch, when stored data uses a key missing from the keyring", async () => {
    const [first] = await allParties();
    await t.db.update(caseParties).set({ keyId: "k-lost" }).where(eq(caseParties.id, first!.id));
    await expect(rotatePersonalDataKeys(t.db, { keys: `k-third:${randomBytes(32).toString("base64")}` })).rejects.toThrow(/"k-lost"/);
    const rows = await allParties();
    expect(rows.filter((p) => p.keyId === "k-third")).toHaveLength(0);
  });
});

describe("outbox secrets under key rotation", () => {
  it("re-seals a waiting message's secret under the new key, so the old key can be removed", async () => {
    const own = await createTestDatabase();
    try {
      await rotateOutboxSecret(own);
    } finally {
      await own.close();
    }
  });
});

/** On a database of its own: the parties above were left under a key this test does not hold. */
async function rotateOutboxSecret(t: TestDatabase) {
  const oldSpec = env().PERSONAL_DATA_KEYS;
  await t.db.insert(emailOutbox).values({
    toAddress: "rotate@doithoai.example",
    subject: "",
    text: "",
    html: "",
    template: "sign-in",
    status: "local",
    renderer: "sign-in",
    renderProps: {},
    secret: sealSecret({ url: "http://localhost:3000/api/auth/callback/resend?token=abc" }, parseKeyring(oldSpec)),
  });
  const rotated = `k-mail:${randomBytes(32).toString("base64")},${oldSpec}`;
  const result = await rotatePersonalDataKeys(t.db, { keys: rotated });
  expect(result.resealedMessages).toBeGreaterThanOrEqual(1);
  const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "rotate@doithoai.example"));
  expect(row!.secret!.startsWith("k-mail:")).toBe(true);
  // The new key alone opens it.
  expect(unsealSecret(row!.secret!, parseKeyring(rotated.split(",")[0]!)).url).toContain("token=abc");
  expect((await rotatePersonalDataKeys(t.db, { keys: rotated })).resealedMessages).toBe(0);
}

describe("audit chain check", () => {
  it("finds a removed entry by its broken link", async () => {
    for (let i = 0; i < 3; i++) {
      await t.db.transaction((tx) => appendAudit(tx, { actorUserId: null, action: "test.entry", entityType: "test", entityId: randomUUID(), data: { i } }));
    }
    const ok = await verifyAuditChain(t.db);
    expect(ok.ok).toBe(true);
    const rows = await t.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id);
    const victim = rows.at(-2)!.id;
    await expect(t.db.execute(sql`delete from audit_log where id = ${victim}`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    // A superuser can switch the guard off; the chain still shows the gap.
    await t.db.execute(sql`alter table audit_log disable trigger user`);
    await t.db.execute(sql`delete from audit_log where id = ${victim}`);
    await t.db.execute(sql`alter table audit_log enable trigger user`);
    const broken = await verifyAuditChain(t.db);
    expect(broken).toMatchObject({ ok: false, brokenAtId: rows.at(-1)!.id, problem: "link" });
  });

  // The command itself, as an operator runs it against a PostgreSQL server (PGlite test databases live in memory).
  it.runIf(!!testDatabaseUrl())("npm run audit:verify reports the first broken link and exits 1", async () => {
    await run("node", ["scripts/build-bin.mjs"]);
    const envVars = {
      ...process.env,
      DATABASE_URL: t.url!,
      AUTH_SECRET: env().AUTH_SECRET,
      PERSONAL_DATA_KEYS: env().PERSONAL_DATA_KEYS,
      LOOKUP_HASH_KEY: env().LOOKUP_HASH_KEY,
      SEED_DEMO: "never",
      LOG_LEVEL: "error",
    };
    const failed = await run("node", ["dist/audit-verify.mjs"], { env: envVars as NodeJS.ProcessEnv }).catch((e: { code: number; stdout: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toMatch(/BROKEN at entry id \d+/);
    // Rebuilt from a clean chain, it passes.
    await t.db.execute(sql`alter table audit_log disable trigger user`);
    await t.db.execute(sql`truncate audit_log`);
    await t.db.execute(sql`alter table audit_log enable trigger user`);
    await t.db.transaction((tx) => appendAudit(tx, { actorUserId: null, action: "test.entry", entityType: "test", entityId: "x" }));
    const passed = await run("node", ["dist/audit-verify.mjs"], { env: envVars as NodeJS.ProcessEnv });
    expect(passed.stdout).toContain("Audit log intact: 1 entries");
  });
});

