import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DUTY_RULES } from "./duty-rules-data";

describe("the default duty rules", () => {
  it("are the rows migration 0015 installs", () => {
    const dir = join(process.cwd(), "drizzle");
    const file = readdirSync(dir).find((f) => f.startsWith("0015_"))!;
    const sql = readFileSync(join(dir, file), "utf8");
    const rows = [...sql.matchAll(/\('([a-z_]+)', (\d+), '(week|month)', '((?:[^']|'')*)', '(\d{4}-\d{2}-\d{2})', (true|false)\)/g)].map((m) => ({
      positionKind: m[1],
      times: Number(m[2]),
      per: m[3],
      legalBasis: m[4]!.replace(/''/g, "'"),
      effectiveFrom: m[5],
      confirmed: m[6] === "true",
    }));
    expect(rows).toEqual(DEFAULT_DUTY_RULES.map(({ positionKind, times, per, legalBasis, effectiveFrom, confirmed }) => ({ positionKind, times, per, legalBasis, effectiveFrom, confirmed })));
  });
});
