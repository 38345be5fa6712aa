// Nothing secret at rest: the filer's access key, a sign-in link and a session token reach the person (the sender,
// the cookie) but no table of the database holds them in clear, so neither does a backup.
import { randomBytes, randomUUID } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { accounts, areas, categories, emailOutbox, sessions, users, verificationTokens } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed-demo";
import { withHashedSessions } from "@/server/auth/hashed-sessions";
import { deliverDueEmails, PermanentDeliveryError, type EmailSender } from "@/server/email/deliver-emails";
import { listLocalOutbox } from "@/server/email/list-local-outbox";
import { DELIVERED_ADDRESS_RETENTION_DAYS, ERASED_ADDRESS, purgeOutbox, purgeSignInLinks, SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/server/email/purge-outbox";
import { queueSignInEmail } from "@/server/email/queue-sign-in-email";
import { renderPendingEmails } from "@/server/email/render-pending";
import { sealLegacyOutbox } from "@/server/email/seal-legacy-outbox";
import { receiptEmail } from "@/emails/receipt";
import { signInEmail } from "@/emails/sign-in";
import { submitCase } from "@/server/intake/submit-case";
import type { SubmitCaseInput } from "@/server/intake/submit-case-input";
import { unsealSecret } from "@/server/privacy/personal-data";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const filedAt = new Date("2026-11-27T03:00:00Z");
const APP_URL = "http://localhost:3000";
let input: (email: string) => SubmitCaseInput;
let ip = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, filedAt);
  const [category] = await t.db.select().from(categories).where(eq(categories.code, "infrastructure"));
  const [area] = await t.db.select().from(areas).where(eq(areas.code, "demo-23602"));
  input = (email) => ({
    kind: "report",
    categoryId: category!.id,
    areaId: area!.id,
    title: "Đèn đường hỏng ở tổ dân phố 3",
    body: "Cả đoạn đường dài 300 m không có đèn từ hai tuần nay, buổi tối rất nguy hiểm.",
    name: "Nguyễn Thị Hoa",
    phone: "0905 123 456",
    email,
    consentPublish: false,
    idempotencyKey: randomUUID(),
  });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.delete(emailOutbox);
});

async function fileCase(email = `hoa.${randomUUID().slice(0, 8)}@example.com`) {
  const result = await submitCase({ db: t.db, ip: `198.51.100.${++ip}`, userId: null, now: filedAt }, input(email), []);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { ...result.receipt, email };
}

/** A sign-in link as Auth.js builds it, with a fresh token. */
function signInUrl(email: string) {
  const token = randomBytes(32).toString("hex");
  return { token, url: `${APP_URL}/api/auth/callback/resend?callbackUrl=${encodeURIComponent(`${APP_URL}/`)}&token=${token}&email=${encodeURIComponent(email)}` };
}

const adapter = () =>
  withHashedSessions(DrizzleAdapter(t.db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }));

/** The sender (Resend in production) records what it was given. */
function recordingSender() {
  const given: Parameters<EmailSender>[0][] = [];
  const send: EmailSender = async (message) => {
    given.push(message);
    return { providerMessageId: `p-${message.id}` };
  };
  return { given, send };
}

/** Server mode with an email service: messages wait for the worker (tests run without RESEND_API_KEY). */
async function asIfEmailServiceConfigured() {
  await t.db.update(emailOutbox).set({ status: "pending" }).where(eq(emailOutbox.status, "local"));
}

/** Every row of every table of the schema, as text: what a backup would hold. */
async function dumpEverything(): Promise<string> {
  const tables = rowsOf<{ table_name: string }>(
    await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(["email_outbox", "sessions", "cases", "case_parties", "audit_log", "verification_tokens"]));
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = rowsOf<{ row: string }>(await t.db.execute(sql.raw(`select t::text as row from "${table_name}" t`)));
    parts.push(...rows.map((r) => `${table_name}: ${r.row}`));
  }
  return parts.join("\n");
}

describe("secrets at rest", () => {
  it("keeps the access key, the sign-in link and the session token out of every table, while the mail and the cookie carry them", async () => {
    const receipt = await fileCase();
    const email = `official.${randomUUID().slice(0, 8)}@example.com`;
    const { token, url } = signInUrl(email);
    await queueSignInEmail(t.db, { identifier: email, url, locale: "vi", appUrl: APP_URL });
    const a = adapter();
    const user = await a.createUser!({ id: randomUUID(), email, emailVerified: new Date() });
    const sessionToken = randomUUID();
    const session = await a.createSession!({ sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) });
    expect(session.sessionToken).toBe(sessionToken);

    // Before delivery: stored deferred, the secrets sealed apart from the props.
    // (Filing also tells the unit's intake officers: a notice with no secret.)
    const queued = (await t.db.select().from(emailOutbox)).filter((r) => r.toAddress === receipt.email || r.toAddress === email);
    expect(queued.map((r) => [r.template, r.renderer, r.html]).sort()).toEqual([
      ["case-receipt", "receipt", ""],
      ["sign-in", "sign-in", ""],
    ]);
    expect(queued.every((r) => r.secret !== null)).toBe(true);
    expect(JSON.stringify(queued.map((r) => r.renderProps))).not.toContain(receipt.accessKey);

    await asIfEmailServiceConfigured();
    const { given, send } = recordingSender();
    const all = (await t.db.select().from(emailOutbox)).length;
    expect(await deliverDueEmails(t.db, send)).toEqual({ sent: all, failed: 0 });

    // The person receives the real key and the working link.
    const receiptMail = given.find((m) => m.to === receipt.email)!;
    expect(receiptMail.text).toContain(receipt.accessKey);
    expect(receiptMail.html).toContain(receipt.accessKey);
    const signInMail = given.find((m) => m.to === email)!;
    expect(signInMail.text).toContain(`token=${token}`);
    expect(signInMail.html).toContain(token);

    // Delivered: the secret is gone and nothing rendered with it was written back.
    const sent = await t.db.select().from(emailOutbox);
    expect(sent.every((r) => r.status === "sent" && r.secret === null)).toBe(true);
    expect(sent.filter((r) => r.renderer !== null).map((r) => r.template).sort()).toEqual(["case-receipt", "sign-in"]);

    const dump = await dumpEverything();
    expect(dump).toContain(receipt.code); // the dump does hold the case
    expect(dump).toContain(email); // and the sign-in message's address (within its retention)
    for (const secret of [receipt.accessKey, receipt.accessKey.replaceAll("-", ""), token, sessionToken]) expect(dump).not.toContain(secret);

    // The session still works by its token, from the cookie.
    expect((await a.getSessionAndUser!(sessionToken))?.user.email).toBe(email);
  });

  it("renders a delivered message again without its secret: the receipt says where the key was shown, the sign-in mail that the link is gone", async () => {
    const receipt = await fileCase();
    const email = `en.${randomUUID().slice(0, 8)}@example.com`;
    const { token, url } = signInUrl(email);
    await queueSignInEmail(t.db, { identifier: email, url, locale: "en", appUrl: APP_URL });
    await asIfEmailServiceConfigured();
    await deliverDueEmails(t.db, recordingSender().send);
    // Sent again (as an admin's resend would), the messages no longer hold what was wiped.
    await t.db.update(emailOutbox).set({ status: "pending", nextAttemptAt: new Date(Date.now() - 1000) });
    const { given, send } = recordingSender();
    await deliverDueEmails(t.db, send);
    const again = given.find((m) => m.to === receipt.email)!;
    expect(again.text).toContain(receipt.code);
    expect(again.text).not.toContain(receipt.accessKey);
    expect(again.text).toContain("hệ thống không còn lưu mã này");
    const link = given.find((m) => m.to === email)!;
    expect(link.text).not.toContain(token);
    expect(link.text).toContain("has been used or has expired");
    expect(link.text).toContain(`${APP_URL}/dang-nhap`);
  });

  it("retries a failed delivery with the secret, keeps it for a failed message until the link's lifetime is over, then resends without it", async () => {
    const receipt = await fileCase();
    await asIfEmailServiceConfigured();
    const refuse: EmailSender = async () => {
      throw new PermanentDeliveryError("422 invalid recipient");
    };
    await deliverDueEmails(t.db, refuse);
    const mine = eq(emailOutbox.toAddress, receipt.email);
    let [row] = await t.db.select().from(emailOutbox).where(mine);
    expect(row).toMatchObject({ status: "failed", renderer: "receipt", html: "" });
    expect(unsealSecret(row!.secret!)).toEqual({ accessKey: receipt.accessKey });

    // Within the day the admins can resend it with the key; after, its secret is wiped.
    expect(await purgeOutbox(t.db, new Date(Date.now() + (SIGN_IN_LINK_MAX_AGE_SECONDS - 60) * 1000))).toMatchObject({ expiredSecrets: 0 });
    expect(await purgeOutbox(t.db, new Date(Date.now() + (SIGN_IN_LINK_MAX_AGE_SECONDS + 60) * 1000))).toMatchObject({ expiredSecrets: 1 });
    [row] = await t.db.select().from(emailOutbox).where(mine);
    expect(row).toMatchObject({ status: "failed", secret: null });
    await t.db.update(emailOutbox).set({ status: "pending", attempts: 0, nextAttemptAt: new Date(Date.now() - 1000) }).where(mine);
    const { given, send } = recordingSender();
    await deliverDueEmails(t.db, send);
    const resent = given.find((m) => m.to === receipt.email)!;
    expect(resent.text).toContain(receipt.code);
    expect(resent.text).not.toContain(receipt.accessKey);
  });
});

describe("purging the outbox", () => {
  it("wipes an address's sign-in links once one is used, and no other message's secret", async () => {
    const email = `used.${randomUUID().slice(0, 8)}@example.com`;
    const other = `other.${randomUUID().slice(0, 8)}@example.com`;
    await queueSignInEmail(t.db, { identifier: email, url: signInUrl(email).url, locale: "vi", appUrl: APP_URL });
    await queueSignInEmail(t.db, { identifier: email, url: signInUrl(email).url, locale: "vi", appUrl: APP_URL });
    await queueSignInEmail(t.db, { identifier: other, url: signInUrl(other).url, locale: "vi", appUrl: APP_URL });
    const receipt = await fileCase(email);
    // Auth.js hands the identifier as typed, normalised; the outbox keeps it lower-cased.
    expect(await purgeSignInLinks(t.db, email.toUpperCase())).toBe(2);
    const rows = await t.db.select().from(emailOutbox);
    const secretOf = (to: string, template: string) => rows.filter((r) => r.toAddress === to && r.template === template).map((r) => r.secret !== null);
    expect(secretOf(email, "sign-in")).toEqual([false, false]);
    expect(secretOf(other, "sign-in")).toEqual([true]);
    expect(secretOf(email, "case-receipt")).toEqual([true]);
    // The local outbox now shows the used message without a working link, the receipt still with its key.
    const shown = await listLocalOutbox(t.db);
    const signIns = shown.filter((m) => m.to === email && m.subject.includes("Đường dẫn đăng nhập"));
    expect(signIns).toHaveLength(2);
    for (const m of signIns) {
      expect(m.text).not.toContain("token=");
      expect(m.text).toContain("đã được sử dụng hoặc đã hết hạn");
    }
    expect(shown.find((m) => m.to === email && m.subject.includes(receipt.code))!.text).toContain(receipt.accessKey);
  });

  it("wipes sign-in links once expired, in the local outbox too, and keeps a local receipt's key", async () => {
    const email = `expired.${randomUUID().slice(0, 8)}@example.com`;
    await queueSignInEmail(t.db, { identifier: email, url: signInUrl(email).url, locale: "vi", appUrl: APP_URL });
    const receipt = await fileCase();
    const justBefore = new Date(Date.now() + (SIGN_IN_LINK_MAX_AGE_SECONDS - 60) * 1000);
    expect(await purgeOutbox(t.db, justBefore)).toEqual({ expiredSecrets: 0, deliveredSecrets: 0, erasedAddresses: 0 });
    const after = new Date(Date.now() + (SIGN_IN_LINK_MAX_AGE_SECONDS + 60) * 1000);
    expect(await purgeOutbox(t.db, after)).toEqual({ expiredSecrets: 1, deliveredSecrets: 0, erasedAddresses: 0 });
    const rows = await t.db.select().from(emailOutbox);
    expect(rows.find((r) => r.template === "sign-in")).toMatchObject({ status: "local", secret: null });
    expect(rows.find((r) => r.template === "case-receipt")!.secret).not.toBeNull();
    const shown = await listLocalOutbox(t.db);
    expect(shown.find((m) => m.to === email)!.text).not.toContain("token=");
    expect(shown.find((m) => m.to === receipt.email)!.text).toContain(receipt.accessKey);
    // Idempotent: a second worker's run finds nothing more to do.
    expect(await purgeOutbox(t.db, after)).toEqual({ expiredSecrets: 0, deliveredSecrets: 0, erasedAddresses: 0 });
  });

  it("keeps a delivered message's address for the retention period, then erases it; wipes any secret left on a delivered message", async () => {
    const receipt = await fileCase();
    const keep = `keep.${randomUUID().slice(0, 8)}@example.com`;
    await queueSignInEmail(t.db, { identifier: keep, url: signInUrl(keep).url, locale: "vi", appUrl: APP_URL });
    await asIfEmailServiceConfigured();
    await deliverDueEmails(t.db, recordingSender().send);
    // A message marked sent some other way, with its secret still there.
    await t.db.update(emailOutbox).set({ secret: "t1:left.over.secret" }).where(eq(emailOutbox.template, "case-receipt"));
    const delivered = (await t.db.select().from(emailOutbox).where(eq(emailOutbox.status, "sent"))).length;
    expect(delivered).toBeGreaterThanOrEqual(2);
    // A failed message keeps its address for the admins.
    await t.db.insert(emailOutbox).values({ toAddress: "failed@example.com", subject: "s", text: "t", html: "h", template: "test", status: "failed" });
    const day = 24 * 60 * 60 * 1000;
    expect(await purgeOutbox(t.db, new Date(Date.now() + (DELIVERED_ADDRESS_RETENTION_DAYS - 1) * day))).toEqual({ expiredSecrets: 0, deliveredSecrets: 1, erasedAddresses: 0 });
    expect((await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, receipt.email))).length).toBe(1);
    expect(await purgeOutbox(t.db, new Date(Date.now() + (DELIVERED_ADDRESS_RETENTION_DAYS + 1) * day))).toEqual({ expiredSecrets: 0, deliveredSecrets: 0, erasedAddresses: delivered });
    const rows = await t.db.select().from(emailOutbox);
    const sent = rows.filter((r) => r.status === "sent");
    expect(sent).toHaveLength(delivered);
    expect(sent.every((r) => r.toAddress === ERASED_ADDRESS && r.secret === null)).toBe(true);
    expect(rows.find((r) => r.status === "failed")!.toAddress).toBe("failed@example.com");
    expect(JSON.stringify(rows)).not.toContain(receipt.email);
    expect(JSON.stringify(rows)).not.toContain(keep);
  });

  it("never stores the rendering of a message that carries a secret, while other deferred messages are rendered once and kept", async () => {
    const receipt = await fileCase();
    const email = `render.${randomUUID().slice(0, 8)}@example.com`;
    await queueSignInEmail(t.db, { identifier: email, url: signInUrl(email).url, locale: "vi", appUrl: APP_URL });
    // A deferred message with no secret (as notifications are).
    await t.db.insert(emailOutbox).values({
      toAddress: "staff@example.com",
      subject: "",
      text: "",
      html: "",
      template: "staff-assigned",
      status: "local",
      renderer: "staff-notice",
      renderProps: { notice: "assigned", recipientName: "An", code: receipt.code, kind: "report", title: "Đèn", unit: { name: "U", nameEn: "U" } },
    });
    // Filing's own notice to the intake officers is such a message too.
    expect(await renderPendingEmails(t.db)).toBe(2);
    await listLocalOutbox(t.db); // the page renders the others for its reader
    const rows = await t.db.select().from(emailOutbox);
    expect(rows.find((r) => r.template === "staff-assigned")).toMatchObject({ renderer: null });
    expect(rows.find((r) => r.template === "staff-assigned")!.text).toContain(receipt.code);
    for (const template of ["case-receipt", "sign-in"]) {
      expect(rows.find((r) => r.template === template)).toMatchObject({ renderer: expect.any(String), subject: "", text: "", html: "" });
    }
    expect(JSON.stringify(rows)).not.toContain(receipt.accessKey);
  });
});

describe("messages stored before secrets were sealed", () => {
  it("are resealed: the key of a receipt moves into its secret, a rendered sign-in link is dropped", async () => {
    const rendered = await fileCase();
    const deferred = await fileCase();
    const email = `legacy.${randomUUID().slice(0, 8)}@example.com`;
    const { token, url } = signInUrl(email);
    // As the previous version stored them.
    const oldSignIn = await signInEmail("vi", APP_URL, url);
    await t.db.insert(emailOutbox).values({ ...oldSignIn, toAddress: email, template: "sign-in", status: "local" });
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, rendered.email));
    const props = row!.renderProps as { receipt: Record<string, string>; appUrl: string };
    const oldReceipt = await receiptEmail("vi", props.receipt as never, APP_URL, rendered.accessKey);
    await t.db.update(emailOutbox).set({ ...oldReceipt, renderer: null, renderProps: null, secret: null }).where(eq(emailOutbox.id, row!.id));
    const [other] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, deferred.email));
    const otherProps = other!.renderProps as { receipt: Record<string, string>; appUrl: string };
    await t.db
      .update(emailOutbox)
      .set({ renderProps: { ...otherProps, receipt: { ...otherProps.receipt, accessKey: deferred.accessKey } }, secret: null })
      .where(eq(emailOutbox.id, other!.id));
    expect(await dumpEverything()).toContain(rendered.accessKey);

    expect(await sealLegacyOutbox(t.db, APP_URL)).toBe(3);
    expect(await sealLegacyOutbox(t.db, APP_URL)).toBe(0);
    const dump = await dumpEverything();
    for (const secret of [rendered.accessKey, deferred.accessKey, token]) expect(dump).not.toContain(secret);
    const shown = await listLocalOutbox(t.db);
    expect(shown.find((m) => m.to === rendered.email)!.text).toContain(rendered.accessKey);
    expect(shown.find((m) => m.to === deferred.email)!.text).toContain(deferred.accessKey);
    expect(shown.find((m) => m.to === email)!.text).toContain("đã được sử dụng hoặc đã hết hạn");
  });
});

describe("hashed session store", () => {
  it("creates, reads, updates and deletes a session by its original token, storing only its hash", async () => {
    const a = adapter();
    const user = await a.createUser!({ id: randomUUID(), email: `s.${randomUUID().slice(0, 8)}@example.com`, emailVerified: null });
    const token = randomUUID();
    const expires = new Date(Date.now() + 3_600_000);
    expect(await a.createSession!({ sessionToken: token, userId: user.id, expires })).toMatchObject({ sessionToken: token, userId: user.id });
    const [stored] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored!.sessionToken).not.toBe(token);
    expect(stored!.sessionToken).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.sessionToken).not.toContain(token);

    expect(await a.getSessionAndUser!(token)).toMatchObject({ session: { sessionToken: token, userId: user.id }, user: { id: user.id } });
    // The stored value is no key: the hash itself opens nothing.
    expect(await a.getSessionAndUser!(stored!.sessionToken)).toBeNull();

    const later = new Date(Date.now() + 7_200_000);
    expect(await a.updateSession!({ sessionToken: token, expires: later })).toMatchObject({ sessionToken: token, expires: later });
    expect((await a.getSessionAndUser!(token))!.session.expires.getTime()).toBe(later.getTime());

    await a.deleteSession!(token);
    expect(await a.getSessionAndUser!(token)).toBeNull();
    expect(await t.db.select().from(sessions).where(and(eq(sessions.userId, user.id)))).toHaveLength(0);
  });

  it("no longer opens a session stored with its token in clear (as before hashing): its user signs in again", async () => {
    const a = adapter();
    const user = await a.createUser!({ id: randomUUID(), email: `old.${randomUUID().slice(0, 8)}@example.com`, emailVerified: null });
    const token = randomUUID();
    await t.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
    expect(await a.getSessionAndUser!(token)).toBeNull();
  });
});
