import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvError, SECRET_NAMES, parseEnv, resolveEnv } from "@/env";

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "doithoai-env-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const SECRETS = {
  AUTH_SECRET: "a".repeat(40),
  PERSONAL_DATA_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
  LOOKUP_HASH_KEY: "b".repeat(40),
};

describe("environment", () => {
  it("is local mode without DATABASE_URL and server mode with it", () => {
    expect(parseEnv({}).mode).toBe("local");
    expect(parseEnv({ DATABASE_URL: "postgres://u@localhost:5432/db" }).mode).toBe("server");
    // Empty values count as unset, as in .env files.
    expect(parseEnv({ DATABASE_URL: "  " }).mode).toBe("local");
  });

  it("stops with every problem listed for malformed values", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "99999", WORKER: "maybe", APP_URL: "ftp://x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const name of ["DATABASE_URL", "PORT", "WORKER", "APP_URL"]) expect(message).toContain(name);
    expect(message).toContain("Cấu hình môi trường không hợp lệ");
  });

  it("refuses a malformed personal-data key", () => {
    expect(() => parseEnv({ PERSONAL_DATA_KEYS: "k1:tooshort" })).toThrow(/PERSONAL_DATA_KEYS/);
  });

  it("stops in server mode when secrets are missing, naming each", () => {
    expect(() => resolveEnv({ DATABASE_URL: "postgres://u@localhost/db", DATA_DIR: dataDir })).toThrow(EnvError);
    try {
      resolveEnv({ DATABASE_URL: "postgres://u@localhost/db", DATA_DIR: dataDir, AUTH_SECRET: SECRETS.AUTH_SECRET });
    } catch (e) {
      expect((e as EnvError).problems.map((p) => p.split(":")[0])).toEqual(["PERSONAL_DATA_KEYS", "LOOKUP_HASH_KEY"]);
    }
    // And never writes a secrets file in server mode.
    expect(() => statSync(path.join(dataDir, "secrets.json"))).toThrow();
  });

  it("accepts a complete server-mode environment", () => {
    const env = resolveEnv({ DATABASE_URL: "postgres://u@localhost/db", DATA_DIR: dataDir, ...SECRETS, PORT: "8080" });
    expect(env.mode).toBe("server");
    expect(env.APP_URL).toBe("http://localhost:8080");
    expect(env.AUTH_SECRET).toBe(SECRETS.AUTH_SECRET);
  });

  it("generates missing secrets once in local mode and keeps them in the data folder", () => {
    const first = resolveEnv({ DATA_DIR: dataDir });
    const file = path.join(dataDir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    for (const name of SECRET_NAMES) expect(stored[name]).toBe(first[name]);
    const second = resolveEnv({ DATA_DIR: dataDir });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.PERSONAL_DATA_KEYS).toBe(first.PERSONAL_DATA_KEYS);
    // An environment value wins over the stored one.
    expect(resolveEnv({ DATA_DIR: dataDir, AUTH_SECRET: SECRETS.AUTH_SECRET }).AUTH_SECRET).toBe(SECRETS.AUTH_SECRET);
  });

  it("reports a broken stored secret instead of using it", () => {
    writeFileSync(path.join(dataDir, "secrets.json"), JSON.stringify({ ...SECRETS, PERSONAL_DATA_KEYS: "nope" }));
    expect(() => resolveEnv({ DATA_DIR: dataDir })).toThrow(/secrets\.json/);
  });
});
