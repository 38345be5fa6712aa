import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { filerSessions } from "@/db/schema";
import { env } from "@/env";

/** The filer's proof of access lasts two hours, then the access key must be typed again. */
export const FILER_TOKEN_TTL_SECONDS = 2 * 60 * 60;

/**
 * One cookie per case, on path "/" so that it also reaches /api/tep (attachments). The code is in the name so
 * that a filer following several cases keeps one proof per case.
 */
export function filerCookieName(code: string): string {
  return `dt_filer_${code}`;
}

/** 256 random bits, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only this hash is stored: a copy of the table (a backup, a leaked dump) opens no case. */
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Opens a server-side session for a filer who proved access to `caseId`. The case's expired sessions are
 * deleted on the way (lazily: nothing has to sweep the table).
 */
export async function createFilerToken(db: DbOrTx, caseId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + FILER_TOKEN_TTL_SECONDS * 1000);
  await db.delete(filerSessions).where(and(eq(filerSessions.caseId, caseId), lte(filerSessions.expiresAt, now)));
  await db.insert(filerSessions).values({ tokenHash: hashToken(token), caseId, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** True only while a session with this token exists, is unexpired and was opened for exactly this case. */
export async function readFilerToken(db: DbOrTx, token: string | null | undefined, caseId: string, now = new Date()): Promise<boolean> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return false;
  const [row] = await db
    .select({ caseId: filerSessions.caseId })
    .from(filerSessions)
    .where(and(eq(filerSessions.tokenHash, hashToken(token)), eq(filerSessions.caseId, caseId), gt(filerSessions.expiresAt, now)))
    .limit(1);
  return row !== undefined;
}

/** "Thoát": the session ends on the server, so a copy of the cookie (another tab, a shared phone) stops working too. */
export async function endFilerSession(db: DbOrTx, token: string | null | undefined): Promise<void> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return;
  await db.delete(filerSessions).where(eq(filerSessions.tokenHash, hashToken(token)));
}

/** Cookie attributes for the page that sets the token (httpOnly, SameSite=Lax, Secure behind https). */
export function filerCookie(code: string, token: string, expiresAt: Date) {
  return {
    name: filerCookieName(code),
    value: token,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      secure: env().APP_URL.startsWith("https://"),
      path: "/",
      expires: expiresAt,
    },
  };
}
