// Running a session live, in Chromium: the projector view in its own browser follows the moderator's actions
// without reloading; a browser without JavaScript shows the same state on a reload, and reloads itself.
// On a server of its own: starting the demo's open session must not disturb the other journeys.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { signInThroughOutbox } from "./support/sign-in";

type Snapshot = { sessionId: string; status: string; current: { id: string; body: string } | null; queue: { id: string; number: number; body: string }[] };

let server: ServerProcess;
const sessions: Session[] = [];
beforeAll(async () => {
  server = await startServerProcess({ env: (port) => ({ TRUST_PROXY: "1", APP_URL: `http://localhost:${port}` }) });
}, 180_000);
afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.stop();
});

async function browser(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const session = await openBrowser(options);
  sessions.push(session);
  return session.page;
}

/** Signs in on this file's own server: its outbox, not the shared server's. */
function signIn(page: Page, email: string, callbackPath: string) {
  return signInThroughOutbox(page, server.baseUrl, email, callbackPath, server);
}

/** The demo's session taking questions in advance, with approved questions in its queue. */
async function openSession(base: string): Promise<Snapshot> {
  const calendar = await (await fetch(`${base}/doi-thoai`)).text();
  const ids = [...new Set([...calendar.matchAll(/href="\/doi-thoai\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
  for (const id of ids) {
    const snapshot = (await (await fetch(`${base}/doi-thoai/${id}/trang-thai`)).json()) as Snapshot;
    if (snapshot.status === "open" && snapshot.queue.length > 0) return snapshot;
  }
  throw new Error("the demo has no open session with approved questions");
}

/** The moderator's "answer now" form of question `n`, as the staff page names it. */
const answerNowLabel = (n: number) => new RegExp(`^Trả lời câu này Câu (hỏi )?số ${n}$`);

describe("a live session", () => {
  it("updates the projector without a reload when the moderator acts, and shows the state without JavaScript", async () => {
    const base = server.baseUrl;
    const session = await openSession(base);
    const id = session.sessionId;

    const projector = await browser();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${base}/doi-thoai/${id}/trinh-chieu`);
    const current = projector.locator("section[aria-labelledby='projector-current']");
    await current.getByText("Chưa có câu hỏi nào đang được trả lời.").waitFor();
    await projector.getByText("Đang cập nhật trực tiếp.").waitFor();
    // Marks this document: a reload would lose it.
    await projector.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // Keyboard only: the full-screen toggle is the first stop, with a visible focus ring.
    await projector.keyboard.press("Tab");
    const focused = await projector.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused.text).toBe("Toàn màn hình");
    expect(focused.outline).not.toBe("none");

    // A browser without EventSource polls the status instead.
    const poller = await browser();
    await poller.addInitScript(() => {
      delete (window as unknown as { EventSource?: unknown }).EventSource;
    });
    await poller.goto(`${base}/doi-thoai/${id}/trinh-chieu`);
    const pollerCurrent = poller.locator("section[aria-labelledby='projector-current']");
    await pollerCurrent.getByText("Chưa có câu hỏi nào đang được trả lời.").waitFor();
    await poller.getByText("Kết nối chập chờn, đang cập nhật định kỳ.").waitFor({ timeout: 10_000 });

    const staff = await browser();
    await signIn(staff, "lanhdao.tinh@doithoai.example", `/can-bo/doi-thoai/${id}`);
    await staff.goto(`${base}/can-bo/doi-thoai/${id}`);
    await staff.getByRole("button", { name: "Bắt đầu phiên" }).click();
    await staff.getByText("Phiên đã bắt đầu.").waitFor();
    // The status on the projector follows.
    await projector.locator("header").getByText("Đang diễn ra").waitFor({ timeout: 5_000 });

    const question = session.queue[0]!;
    await staff.goto(`${base}/can-bo/doi-thoai/${id}`);
    const answerNow = staff.getByRole("form", { name: answerNowLabel(question.number) });
    const clicked = Date.now();
    await answerNow.getByRole("button", { name: "Trả lời câu này" }).click();
    await current.getByText(question.body).waitFor({ timeout: 5_000 });
    const seenAfter = Date.now() - clicked;
    expect(await projector.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    // The question being answered left the queue.
    await expect.poll(() => projector.locator("section[aria-labelledby='projector-queue']").getByText(question.body).count()).toBe(0);
    console.log(`projector showed the question ${seenAfter} ms after the moderator's click (page round trip included)`);
    // The polling browser catches up within its interval (5 s), without a reload either.
    await pollerCurrent.getByText(question.body).waitFor({ timeout: 10_000 });

    // Without JavaScript: the public page and the projector show the state as rendered, and reload themselves.
    const plain = await browser({ javaScriptEnabled: false });
    await plain.goto(`${base}/doi-thoai/${id}`);
    const plainCurrent = plain.locator("section[aria-labelledby='live-current']");
    await plainCurrent.getByText(question.body).waitFor();
    expect(await plain.locator('meta[http-equiv="refresh"]').getAttribute("content")).toBe("30");
    // Each queued question has a support form that needs no script.
    const supportForm = plain.locator(`form[action="/doi-thoai/${id}/ung-ho"]`).first();
    expect(await supportForm.getAttribute("method")).toBe("post");
    expect(await supportForm.locator('input[name="question"]').getAttribute("value")).toMatch(/^[0-9a-f-]{36}$/);
    await plain.goto(`${base}/doi-thoai/${id}/trinh-chieu`);
    await plain.locator("section[aria-labelledby='projector-current']").getByText(question.body).waitFor();
    expect(await plain.locator('meta[http-equiv="refresh"]').getAttribute("content")).toBe("15");

    // A change after the no-JavaScript page was rendered shows on its next reload.
    const next = session.queue[1];
    if (next) {
      await staff.goto(`${base}/can-bo/doi-thoai/${id}`);
      await staff.getByRole("form", { name: answerNowLabel(next.number) }).getByRole("button", { name: "Trả lời câu này" }).click();
      await current.getByText(next.body).waitFor({ timeout: 5_000 });
      await plain.goto(`${base}/doi-thoai/${id}`);
      await plain.locator("section[aria-labelledby='live-current']").getByText(next.body).waitFor();
    }
  }, 120_000);
});
