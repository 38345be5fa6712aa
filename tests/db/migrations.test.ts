import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { deadlinePolicies } from "@/db/schema";
import { DEFAULT_DEADLINE_POLICIES } from "@/domain/deadline-policies-data";
import { policyToRow } from "@/server/deadlines/policy-rows";
import { migratePglite, migratePostgres } from "@/db/migrate";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe(`migrations (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("create every table of the domain", async () => {
    const rows = rowsOf<{ table_name: string }>(
      await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`),
    );
    const tables = rows.map((r) => r.table_name);
    for (const name of [
      "areas", "units", "users", "accounts", "sessions", "verification_tokens", "memberships", "categories", "cases",
      "case_parties", "case_events", "attachments", "deadline_policies", "holidays", "routing_rules", "email_outbox",
      "audit_log", "dialogue_sessions", "app_meta", "rate_limits", "dialogue_session_leaders", "dialogue_session_events",
      "dialogue_questions", "dialogue_supports", "dialogue_support_addresses", "dialogue_moderation_log", "dialogue_agenda_items",
      "commitments", "commitment_updates", "commitment_files",
    ]) {
      expect(tables).toContain(name);
    }
  });

  it("install the search extensions, which ignore diacritics", async () => {
    const [row] = rowsOf<{ plain: string; similar: boolean }>(
      await t.db.execute(sql`select unaccent('đất đai Gia Lai') as plain, similarity('dat dai', unaccent('đất đai')) > 0.5 as similar`),
    );
    // unaccent maps đ to d.
    expect(row?.plain).toBe("dat dai Gia Lai");
    expect(row?.similar).toBe(true);
  });

  it("are a no-op when applied again", async () => {
    if (t.connection.kind === "pglite") await migratePglite(t.connection);
    else await migratePostgres(t.url!);
    const [row] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(row?.n).toBeGreaterThanOrEqual(2);
  });

  it("enforce the case status vocabulary in the database", async () => {
    await expect(
      t.db.execute(sql`insert into cases (code, access_key_hash, kind, status, category_id, area_id, title, body, unit_id, routing_reason, acceptance_due_on)
        values ('X', 'h', 'petition', 'lost', gen_random_uuid(), gen_random_uuid(), 't', 'b', gen_random_uuid(), 'rule', '2026-01-01')`),
    ).rejects.toThrow();
  });

  it("reword the legal bases an older install stored (0007): laws by number, no unconfirmed note", async () => {
    const { id: _id, ...petition } = DEFAULT_DEADLINE_POLICIES.find((p) => p.kind === "petition")!;
    const old = "Nghị định 20/2008/NĐ-CP, Điều 9; Quyết định 574/QĐ-TTg (cần kiểm tra)";
    const [row] = await t.db.insert(deadlinePolicies).values({ ...policyToRow(petition), legalBasis: old }).returning({ id: deadlinePolicies.id });
    const migration = readFileSync(path.resolve(import.meta.dirname, "../../drizzle/0007_legal_basis_wording.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) await t.db.execute(sql.raw(statement));
    const [after] = await t.db.select({ legalBasis: deadlinePolicies.legalBasis }).from(deadlinePolicies).where(eq(deadlinePolicies.id, row!.id));
    expect(after!.legalBasis).toBe(petition.legalBasis);
    expect(after!.legalBasis).not.toContain("574");
  });
});
