import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { caseEvents, cases, emailOutbox, emailPreferences, scheduledJobRuns } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { deferRenderWithSecret } from "@/emails/registry";
import { recordCaseEvent } from "@/server/cases/record-event";
import { deliverDueEmails, type EmailSender } from "@/server/email/deliver-emails";
import { hasOptedOut } from "@/server/email/email-preferences";
import { listLocalOutbox } from "@/server/email/list-local-outbox";
import { ONE_CLICK_PATH } from "@/server/email/list-unsubscribe";
import { verifyPreferenceToken } from "@/server/email/preference-token";
import { queueSignInEmail } from "@/server/email/queue-sign-in-email";
import { sendEmail } from "@/server/email/send-email";
import { bodyLimitFor } from "@/server/http/body-limits";
import { emailLookupHash } from "@/server/privacy/personal-data";
import { runScheduledJobs } from "@/server/scheduler/run-scheduled-jobs";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { makeCase, makeOrganisation, vn, type Org } from "../support/mail-fixtures";

// The route handler asks for the app's database: it gets this file's.
const current = vi.hoisted(() => ({ db: null as Database | null }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/db/client")>()), getDb: async () => current.db! }));
const { GET, POST } = await import("@/app/email/huy-dang-ky/mot-cham/route");

// A configured site address other than the default, to see that the headers are built from it.
const SITE = "https://doithoai.gialai.example";
const envCache = globalThis as unknown as { __doiThoaiEnv?: unknown };

let t: TestDatabase;
let org: Org;
beforeAll(async () => {
  vi.stubEnv("APP_URL", SITE);
  delete envCache.__doiThoaiEnv;
  t = await createTestDatabase();
  current.db = t.db;
  org = await makeOrganisation(t.db);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  delete envCache.__doiThoaiEnv;
  await t.close();
});
beforeEach(async () => {
  await t.db.delete(emailOutbox);
  await t.db.delete(scheduledJobRuns);
  await t.db.delete(emailPreferences);
  await t.db.delete(caseEvents);
  await t.db.delete(cases);
});

/** The token in a List-Unsubscribe header, checked to point at the one-click address of the configured site. */
function tokenOf(header: string | undefined): string {
  const match = new RegExp(`^<${SITE.replaceAll(".", "\\.")}${ONE_CLICK_PATH}\\?t=([^>]+)>$`).exec(header ?? "");
  expect(match, header).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

describe("List-Unsubscribe", () => {
  it("is on the queued digest, built from the site address, in the local outbox and when delivered; not on a case notice", async () => {
    await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-02" });
    await runScheduledJobs(t.db, vn("2027-02-04", "07:30"));
    const shown = await listLocalOutbox(t.db);
    const digests = shown.filter((m) => m.subject.startsWith("Hồ sơ cần chú ý") || m.subject.startsWith("Cases needing attention"));
    expect(digests).toHaveLength(5);
    for (const d of digests) {
      expect(d.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(verifyPreferenceToken(tokenOf(d.headers?.["List-Unsubscribe"]))).toEqual({ emailHash: emailLookupHash(d.to), topic: "digest" });
    }
    const [{ id: noticeId }] = (await t.db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.template, "staff-overdue"))) as [{ id: string }];
    const notice = shown.find((m) => m.id === noticeId)!;
    expect(notice.headers).toBeNull();

    // Delivery hands the same headers to the sender (the Resend path), and none with the notice.
    await t.db.update(emailOutbox).set({ status: "pending" });
    const sent: Parameters<EmailSender>[0][] = [];
    await deliverDueEmails(t.db, async (m) => {
      sent.push(m);
      return { providerMessageId: null };
    });
    expect(sent).toHaveLength(6);
    for (const d of digests) expect(sent.find((m) => m.id === d.id)!.headers).toEqual(d.headers);
    expect(sent.find((m) => m.id === notice.id)!.headers).toBeUndefined();
  });

  it("is on the filer's reminder (it can be stopped), never on a receipt, a sign-in link or a case update", async () => {
    const c = await makeCase(t.db, org, { status: "info_requested", pausedAt: vn("2027-02-03", "10:00") });
    await t.db.insert(caseEvents).values({ caseId: c.id, type: "case.info_requested", visibility: "public", reason: "Ảnh chụp" });
    await runScheduledJobs(t.db, vn("2027-02-18", "08:00"));
    await sendEmail(t.db, {
      ...deferRenderWithSecret("receipt", { receipt: { code: c.code, kind: "report", unitName: "U", unitNameEn: "U", acceptanceDueOn: "2027-02-18" }, appUrl: SITE }, { accessKey: "ABCD-EFGH-JKMN-PQRS-TUVW" }),
      to: c.filerEmail!,
      template: "case-receipt",
      locale: "vi",
    });
    await queueSignInEmail(t.db, { identifier: c.filerEmail!, url: `${SITE}/api/auth/callback/resend?token=x`, locale: "vi", appUrl: SITE });
    await runInTransaction(t.db, (tx) => recordCaseEvent(tx, { caseId: c.id, type: "case.resumed", visibility: "public" }));
    const shown = await listLocalOutbox(t.db);
    const rows = await t.db.select({ id: emailOutbox.id, template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.toAddress, c.filerEmail!));
    const byTemplate = new Map(rows.map((r) => [r.template, shown.find((s) => s.id === r.id)!]));
    expect([...byTemplate.keys()].sort()).toEqual(["case-info-reminder", "case-receipt", "case-resumed", "sign-in"]);
    expect(verifyPreferenceToken(tokenOf(byTemplate.get("case-info-reminder")!.headers?.["List-Unsubscribe"]))?.topic).toBe("reminder");
    for (const template of ["case-receipt", "case-resumed", "sign-in"]) expect(byTemplate.get(template)!.headers, template).toBeNull();
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  const post = (url: string, body?: URLSearchParams | FormData) => POST(new NextRequest(url, { method: "POST", ...(body ? { body } : {}) }));

  it("stops the topic on a POST of List-Unsubscribe=One-Click, as a form or as multipart, with no further step", async () => {
    await makeCase(t.db, org, { status: "accepted", resolutionDueOn: "2027-02-02" });
    await runScheduledJobs(t.db, vn("2027-02-04", "07:30"));
    const shown = await listLocalOutbox(t.db);
    const [first, second] = [org.people.intakeWard.email, org.people.handlerWard.email].map((email) => shown.find((m) => m.to === email && m.headers)!);
    const url = (m: typeof first) => m!.headers!["List-Unsubscribe"]!.slice(1, -1);

    expect((await post(url(first), new URLSearchParams({ "List-Unsubscribe": "One-Click" }))).status).toBe(200);
    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    expect((await post(url(second), multipart)).status).toBe(200);
    expect(await hasOptedOut(t.db, org.people.intakeWard.email, "digest")).toBe(true);
    expect(await hasOptedOut(t.db, org.people.handlerWard.email, "digest")).toBe(true);
    expect(await hasOptedOut(t.db, org.people.intakeWard.email, "reminder")).toBe(false);
    // The next morning's digest is not written for them.
    await runScheduledJobs(t.db, vn("2027-02-15", "07:30"));
    const digestsTo = async (email: string) => (await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).filter((m) => m.template === "staff-digest");
    expect(await digestsTo(org.people.intakeWard.email)).toHaveLength(1);
    expect(await digestsTo(org.people.intakeWardEn.email)).toHaveLength(2);
  });

  it("changes nothing for a POST without the one-click field, a tampered token, or a GET", async () => {
    const email = org.people.leaderTop.email;
    const { oneClickUnsubscribeUrl } = await import("@/server/email/list-unsubscribe");
    const url = oneClickUnsubscribeUrl(email, "digest");
    expect((await post(url)).status).toBe(400);
    expect((await post(url, new URLSearchParams({ "List-Unsubscribe": "yes" }))).status).toBe(400);
    const tampered = url.replace(/.(?=$)/, (ch) => (ch === "A" ? "B" : "A"));
    expect((await post(tampered, new URLSearchParams({ "List-Unsubscribe": "One-Click" }))).status).toBe(400);
    // Opening it (a mail scanner, a client without one-click) shows the preference page on the site's address.
    const opened = GET(new NextRequest(url));
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`${SITE}/email/huy-dang-ky?t=${encodeURIComponent(new URL(url).searchParams.get("t")!)}`);
    expect(await hasOptedOut(t.db, email, "digest")).toBe(false);
  });

  it("is held to the small body limit by the server", () => {
    expect(bodyLimitFor(ONE_CLICK_PATH).name).toBe("small");
  });
});
