import "server-only";
import { createHash } from "node:crypto";
import type { Adapter, AdapterSession } from "next-auth/adapters";

/**
 * What sessions.session_token holds for a session cookie. A plain SHA-256 is enough: the token is random (not
 * guessable), and the point is that the table, or a backup of it, does not hand out working cookies.
 */
export function sessionTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function withToken<T extends AdapterSession | null | undefined>(session: T, token: string): T {
  return (session ? { ...session, sessionToken: token } : session) as T;
}

/**
 * Wraps an Auth.js adapter so that sessions are stored and looked up by the hash of their token. What it returns
 * carries the original token: Auth.js puts createSession's `sessionToken` in the cookie, and compares nothing else.
 */
export function withHashedSessions(adapter: Adapter): Adapter {
  const { createSession, getSessionAndUser, updateSession, deleteSession } = adapter;
  if (!createSession || !getSessionAndUser || !updateSession || !deleteSession) throw new Error("the adapter lacks database sessions");
  return {
    ...adapter,
    async createSession(session) {
      return withToken(await createSession({ ...session, sessionToken: sessionTokenHash(session.sessionToken) }), session.sessionToken);
    },
    async getSessionAndUser(token) {
      const found = await getSessionAndUser(sessionTokenHash(token));
      return found ? { user: found.user, session: withToken(found.session, token) } : null;
    },
    async updateSession(session) {
      return withToken(await updateSession({ ...session, sessionToken: sessionTokenHash(session.sessionToken) }), session.sessionToken);
    },
    async deleteSession(token) {
      return withToken((await deleteSession(sessionTokenHash(token))) ?? null, token);
    },
  };
}
