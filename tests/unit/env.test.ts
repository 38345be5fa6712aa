import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvError, SECRET_NAMES, parseEnv, resolveEnv } from "@/env";
import { secureDataDir } from "@/lib/data-dir";

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

describe("the site's address and where it listens", () => {
  it("listens on loopback in local mode and everywhere in server mode, unless told", () => {
    expect(resolveEnv({ DATA_DIR: dataDir, ...SECRETS }).HOST).toBe("127.0.0.1");
    expect(resolveEnv({ DATA_DIR: dataDir, ...SECRETS, HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(resolveEnv({ DATABASE_URL: "postgres://u@localhost/db", DATA_DIR: dataDir, ...SECRETS }).HOST).toBe("0.0.0.0");
  });

  it("keeps APP_URL as an origin and refuses one with a path", () => {
    expect(resolveEnv({ DATA_DIR: dataDir, ...SECRETS, APP_URL: "https://doithoai.gialai.gov.vn/" }).APP_URL).toBe("https://doithoai.gialai.gov.vn");
    expect(() => parseEnv({ APP_URL: "https://doithoai.gialai.gov.vn/app" })).toThrow(/APP_URL/);
  });

  it("counts trusted proxies", () => {
    expect(resolveEnv({ DATA_DIR: dataDir, ...SECRETS }).TRUST_PROXY).toBe(0);
    expect(resolveEnv({ DATA_DIR: dataDir, ...SECRETS, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(resolveEnv({ DATA_DIR: dataDir, ...SECRETS, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});

describe("the local data folder", () => {
  it("is created private (0700, files 0600) and an existing loose one is tightened", () => {
    const fresh = path.join(dataDir, "fresh");
    resolveEnv({ DATA_DIR: fresh });
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(fresh, "secrets.json")).mode & 0o777).toBe(0o600);

    const loose = path.join(dataDir, "loose");
    mkdirSync(path.join(loose, "pglite", "base"), { recursive: true });
    writeFileSync(path.join(loose, "pglite", "base", "1"), "x");
    for (const [target, mode] of [[loose, 0o777], [path.join(loose, "pglite"), 0o755], [path.join(loose, "pglite", "base"), 0o755], [path.join(loose, "pglite", "base", "1"), 0o666]] as const) chmodSync(target, mode);
    expect(secureDataDir(loose).tightened).toBe(4);
    for (const dir of [loose, path.join(loose, "pglite"), path.join(loose, "pglite", "base")]) expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(loose, "pglite", "base", "1")).mode & 0o777).toBe(0o600);
    // A file created afterwards by this process is private as well (the umask).
    writeFileSync(path.join(loose, "later"), "y");
    expect(statSync(path.join(loose, "later")).mode & 0o777).toBe(0o600);
    expect(secureDataDir(loose).tightened).toBe(0);
  });
});
