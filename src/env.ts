// The one place that reads process.env. Two modes, told apart by DATABASE_URL:
// - local (no DATABASE_URL): PGlite in DATA_DIR; missing secrets are generated once into DATA_DIR/secrets.json.
// - server (DATABASE_URL set): PostgreSQL; missing secrets stop start-up.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { secureDataDir } from "./lib/data-dir";

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      "Cấu hình môi trường không hợp lệ / Invalid environment configuration:\n" +
        problems.map((p) => `  - ${p}`).join("\n") +
        "\nXem .env.example / See .env.example.",
    );
    this.name = "EnvError";
  }
}

/** Secrets: required in server mode, generated into the data folder in local mode. */
export const SECRET_NAMES = ["AUTH_SECRET", "PERSONAL_DATA_KEYS", "LOOKUP_HASH_KEY"] as const;
type SecretName = (typeof SECRET_NAMES)[number];

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a postgres:// or postgresql:// URL");

// PERSONAL_DATA_KEYS: "keyId:base64key[,keyId:base64key...]"; the first key encrypts, all keys decrypt.
const personalDataKeys = z
  .string()
  .trim()
  .refine(
    (v) =>
      v.split(",").every((part) => {
        const [id, key] = part.split(":");
        return !!id && /^[a-z0-9_-]{1,32}$/i.test(id) && !!key && Buffer.from(key, "base64").length === 32;
      }),
    "must be keyId:base64(32 bytes), comma-separated (generate one with: npm run secrets)",
  );

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  AUTH_SECRET: z.string().trim().min(32, "must be at least 32 characters").optional(),
  PERSONAL_DATA_KEYS: personalDataKeys.optional(),
  LOOKUP_HASH_KEY: z.string().trim().min(32, "must be at least 32 characters").optional(),
  RESEND_API_KEY: z.string().trim().min(1).optional(),
  EMAIL_FROM: z.string().trim().min(3).default("Đối thoại <no-reply@doithoai.local>"),
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .refine((v) => /^https?:\/\/[^/?#]+\/?$/.test(v), "must be the site's origin only, e.g. https://doithoai.gialai.gov.vn (no path)")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).optional(),
  WORKER: z.enum(["inline", "off"]).default("inline"),
  SEED_DEMO: z.enum(["auto", "always", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** How many reverse proxies of yours stand in front of the server (0: clients connect directly). */
  TRUST_PROXY: z
    .string()
    .trim()
    .default("0")
    .transform((v) => (v === "true" ? "1" : v === "false" ? "0" : v))
    .refine((v) => /^(10|[0-9])$/.test(v), "must be the number of proxies in front of the server: 0 to 10")
    .transform(Number),
});

export type Env = Omit<z.infer<typeof schema>, SecretName | "APP_URL" | "HOST"> & {
  mode: "local" | "server";
  /** The site's one origin, no trailing slash: every absolute link is built from it, and only its host is served. */
  APP_URL: string;
  /** The interface to listen on: loopback by default in local mode, every interface in server mode. */
  HOST: string;
  AUTH_SECRET: string;
  PERSONAL_DATA_KEYS: string;
  LOOKUP_HASH_KEY: string;
};

/** Empty strings count as unset, as in most .env tooling. */
function clean(raw: Record<string, string | undefined>) {
  const out: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = raw[key];
    if (value !== undefined && value.trim() !== "") out[key] = value;
  }
  return out;
}

/** Validates without touching the disk; missing secrets are reported, not generated. */
export function parseEnv(raw: Record<string, string | undefined>) {
  const result = schema.safeParse(clean(raw));
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const parsed = result.data;
  const mode = parsed.DATABASE_URL ? "server" : "local";
  const missingSecrets = SECRET_NAMES.filter((name) => !parsed[name]);
  return { parsed, mode, missingSecrets } as const;
}

export function generateSecret(name: SecretName): string {
  if (name === "PERSONAL_DATA_KEYS") return `k1:${randomBytes(32).toString("base64")}`;
  return randomBytes(32).toString("base64url");
}

/** Reads the secrets kept in the data folder, creating the missing ones once. */
function localSecrets(dataDir: string, missing: readonly SecretName[]): Partial<Record<SecretName, string>> {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<Record<SecretName, string>> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as typeof stored;
  const toCreate = missing.filter((name) => !stored[name]);
  if (toCreate.length > 0) {
    for (const name of toCreate) stored[name] = generateSecret(name);
    secureDataDir(dataDir);
    writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
  }
  return stored;
}

export function resolveEnv(raw: Record<string, string | undefined>): Env {
  const { parsed, mode, missingSecrets } = parseEnv(raw);
  let secrets: Partial<Record<SecretName, string>> = {};
  if (missingSecrets.length > 0) {
    if (mode === "server") {
      throw new EnvError(
        missingSecrets.map(
          (name) => `${name}: required when DATABASE_URL is set (server mode); generate one with: npm run secrets`,
        ),
      );
    }
    secrets = localSecrets(path.resolve(parsed.DATA_DIR), missingSecrets);
    // A stored secret can be edited by hand: validate it like an environment value.
    const check = schema.safeParse({ ...clean(raw), ...secrets });
    if (!check.success) {
      throw new EnvError(check.error.issues.map((i) => `${i.path.join(".")} (${parsed.DATA_DIR}/secrets.json): ${i.message}`));
    }
  }
  return {
    ...parsed,
    mode,
    DATA_DIR: path.resolve(parsed.DATA_DIR),
    APP_URL: new URL(parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).origin,
    // A newcomer's embedded install (demo accounts, the local outbox) is reachable from this machine only.
    HOST: parsed.HOST ?? (mode === "local" ? "127.0.0.1" : "0.0.0.0"),
    AUTH_SECRET: parsed.AUTH_SECRET ?? secrets.AUTH_SECRET!,
    PERSONAL_DATA_KEYS: parsed.PERSONAL_DATA_KEYS ?? secrets.PERSONAL_DATA_KEYS!,
    LOOKUP_HASH_KEY: parsed.LOOKUP_HASH_KEY ?? secrets.LOOKUP_HASH_KEY!,
  };
}

const cache = globalThis as unknown as { __doiThoaiEnv?: Env };

/** The process environment, validated once. Throws EnvError with every problem listed. */
export function env(): Env {
  if (!cache.__doiThoaiEnv) {
    cache.__doiThoaiEnv = resolveEnv(process.env);
    // Auth.js builds its own links (the emailed sign-in link among them) from AUTH_URL when it is set, and from the
    // request's Host and X-Forwarded-Host headers otherwise: pin it to the site's own address.
    process.env.AUTH_URL = `${cache.__doiThoaiEnv.APP_URL}/api/auth`;
  }
  return cache.__doiThoaiEnv;
}
