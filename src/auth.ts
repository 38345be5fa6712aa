import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import Resend from "next-auth/providers/resend";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/env";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "@/i18n/config";
import { withHashedSessions } from "@/server/auth/hashed-sessions";
import { SIGN_IN_LINK_MAX_AGE_SECONDS, purgeSignInLinks } from "@/server/email/purge-outbox";
import { queueSignInEmail } from "@/server/email/queue-sign-in-email";
import { logger } from "@/lib/logger";

async function requestLocale() {
  try {
    const value = (await cookies()).get(LOCALE_COOKIE)?.value;
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

// A function, so that nothing touches the database until a request needs it (builds must not open it).
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const e = env();
  const db = await getDb();
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    // Sessions are stored by the hash of their token: the table does not hold working cookies.
    adapter: withHashedSessions(
      DrizzleAdapter(db, {
        usersTable: users,
        accountsTable: accounts,
        sessionsTable: sessions,
        verificationTokensTable: verificationTokens,
      }),
    ),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/dang-nhap", verifyRequest: "/dang-nhap/kiem-tra-email", error: "/dang-nhap" },
    providers: [
      Resend({
        apiKey: e.RESEND_API_KEY ?? "local-outbox",
        from: e.EMAIL_FROM,
        maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
        // Every message goes through the outbox: delivered by the worker through Resend, or kept locally.
        async sendVerificationRequest({ identifier, url }) {
          // AUTH_URL (set by env()) makes Auth.js build this from the site's address; refuse anything else outright.
          if (new URL(url).origin !== new URL(e.APP_URL).origin) throw new Error("sign-in link outside the site's address");
          // Stored with the link sealed as the message's secret, never rendered into the row.
          await queueSignInEmail(db, { identifier, url, locale: await requestLocale(), appUrl: e.APP_URL });
        },
      }),
    ],
    events: {
      // A link was used: the address's sign-in messages no longer keep theirs.
      async signIn({ user, account }) {
        const address = account?.type === "email" ? (account.providerAccountId ?? user.email) : null;
        if (!address) return;
        try {
          await purgeSignInLinks(db, address);
        } catch (error) {
          // The used link is already dead (Auth.js deleted its token) and expiry purges the rest: sign in anyway.
          logger.error("sign-in links not purged", { error });
        }
      },
    },
    callbacks: {
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
  };
});
