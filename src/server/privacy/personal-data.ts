import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { env } from "@/env";

export type PersonalData = {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  idNumber?: string;
  /** For a subject: the person or body complained of or denounced, and their position. */
  position?: string;
  organisation?: string;
};

type Keyring = { current: string; keys: Map<string, Buffer> };

/** PERSONAL_DATA_KEYS is "id:base64,id:base64": the first encrypts, all decrypt (rotation). */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const part of spec.split(",")) {
    const [id, key] = part.trim().split(":");
    if (id && key) keys.set(id, Buffer.from(key, "base64"));
  }
  const current = spec.split(":")[0]!.trim();
  return { current, keys };
}

function keyring(): Keyring {
  return parseKeyring(env().PERSONAL_DATA_KEYS);
}

function sealText(plain: string, ring: Keyring): { keyId: string; sealed: string } {
  const key = ring.keys.get(ring.current)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const sealed = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64")).join(".");
  return { keyId: ring.current, sealed };
}

function unsealText(keyId: string, sealed: string, ring: Keyring): string {
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`personal data key "${keyId}" is not in PERSONAL_DATA_KEYS`);
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64"));
  const decipher = createDecipheriv("aes-256-gcm", key, iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8");
}

/** AES-256-GCM; the key id travels with the ciphertext. */
export function sealPersonalData(data: PersonalData, ring: Keyring = keyring()): { keyId: string; sealed: string } {
  return sealText(JSON.stringify(data), ring);
}

export function unsealPersonalData(keyId: string, sealed: string, ring: Keyring = keyring()): PersonalData {
  return JSON.parse(unsealText(keyId, sealed, ring)) as PersonalData;
}

export type Secret = Record<string, string>;

/**
 * A short secret an outgoing message must carry (an access key, a sign-in link), sealed like personal data into
 * one text, "keyId:iv.tag.body", for a single column (email_outbox.secret).
 */
export function sealSecret(secret: Secret, ring: Keyring = keyring()): string {
  const { keyId, sealed } = sealText(JSON.stringify(secret), ring);
  return `${keyId}:${sealed}`;
}

export function unsealSecret(stored: string, ring: Keyring = keyring()): Secret {
  const at = stored.indexOf(":");
  if (at <= 0) throw new Error("sealed secret without a key id");
  const value: unknown = JSON.parse(unsealText(stored.slice(0, at), stored.slice(at + 1), ring));
  if (!value || typeof value !== "object" || Object.values(value).some((v) => typeof v !== "string")) throw new Error("sealed secret is not a set of strings");
  return value as Secret;
}

/** Keyed hash for finding a citizen's cases by email without storing the email in clear. */
/** A keyed hash (HMAC) of any text, to find it again without keeping it (an address in a limit's key). */
export function lookupHash(text: string): string {
  return createHmac("sha256", env().LOOKUP_HASH_KEY).update(text).digest("hex");
}

export function emailLookupHash(email: string): string {
  return createHmac("sha256", env().LOOKUP_HASH_KEY).update(email.trim().toLowerCase()).digest("hex");
}
