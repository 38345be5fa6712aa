// Sign-in emails are limited per email address and per requesting address (src/server/auth/limit-sign-in.ts),
// and Auth.js's own HTTP endpoint for asking one is refused by the route (isDirectSignInRequest).
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { RATE_LIMITS, storedRateLimitKey } from "@/server/abuse/rate-limit";
import { isDirectSignInRequest, limitSignIn } from "@/server/auth/limit-sign-in";
import { emailLookupHash } from "@/server/privacy/personal-data";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const now = new Date("2026-11-27T03:00:05Z"); // early in an hour's window
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("sign-in email limits", () => {
  it("limits one email address, from any address, and keeps it only as a keyed hash", async () => {
    const email = "mai.nguyen@example.com";
    for (let i = 0; i < RATE_LIMITS.signInPerEmail.limit; i++) {
      expect(await limitSignIn(t.db, { email, ip: `198.51.100.${i}` }, now)).toEqual({ ok: true });
    }
    expect(await limitSignIn(t.db, { email, ip: "198.51.100.99" }, now)).toEqual({ ok: false, retryAfterSeconds: 3595 });
    // Another email from the same address goes through.
    expect(await limitSignIn(t.db, { email: "khac@example.com", ip: "198.51.100.99" }, now)).toEqual({ ok: true });
    // The next hour starts afresh.
    expect(await limitSignIn(t.db, { email, ip: "198.51.100.98" }, new Date(now.getTime() + 3600_000))).toEqual({ ok: true });

    const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, "sign-in:email:%"))).map((r) => r.key);
    expect(keys).toContain(storedRateLimitKey(`sign-in:email:${emailLookupHash(email)}`));
    expect(JSON.stringify(await t.db.select().from(rateLimits))).not.toContain("198.51.100.98");
    expect(JSON.stringify(await t.db.select().from(rateLimits))).not.toContain("mai.nguyen");
  });

  it("the email's limit ignores how it is typed (case, spaces)", async () => {
    const ip = "192.0.2.200";
    for (let i = 0; i < RATE_LIMITS.signInPerEmail.limit; i++) expect((await limitSignIn(t.db, { email: "Hoa@Example.com", ip }, now)).ok).toBe(true);
    expect((await limitSignIn(t.db, { email: " hoa@example.com ", ip: "192.0.2.201" }, now)).ok).toBe(false);
  });

  it("limits one network address, whatever emails it asks for; other addresses and those emails go on", async () => {
    const ip = "203.0.113.50";
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit; i++) {
      expect(await limitSignIn(t.db, { email: `nguoi${i}@example.com`, ip }, now)).toEqual({ ok: true });
    }
    const refused = await limitSignIn(t.db, { email: "victim@example.com", ip }, now);
    expect(refused).toMatchObject({ ok: false });
    // A request refused for its address did not count against the email it named.
    for (let i = 0; i < 10; i++) await limitSignIn(t.db, { email: "victim@example.com", ip }, now);
    expect(await limitSignIn(t.db, { email: "victim@example.com", ip: "203.0.113.51" }, now)).toEqual({ ok: true });
    expect(await limitSignIn(t.db, { email: "nguoi0@example.com", ip: "203.0.113.52" }, now)).toEqual({ ok: true });
  });
});

describe("Auth.js's HTTP sign-in endpoint", () => {
  it("is recognised however it is spelt, and nothing else is", () => {
    for (const path of ["/api/auth/signin", "/api/auth/signin/resend", "/api/auth/signin/", "/api/auth//signin/resend", "/api/auth/%73ignin/resend", "/api/auth/SIGNIN"]) {
      expect(isDirectSignInRequest(path), path).toBe(true);
    }
    for (const path of ["/api/auth/signout", "/api/auth/session", "/api/auth/csrf", "/api/auth/callback/resend", "/api/auth/providers", "/api/auth", "/dang-nhap", "/api/auth/%E0%A4%A"]) {
      expect(isDirectSignInRequest(path), path).toBe(false);
    }
  });
});
