// What a hostile client can send the production server, and what the site's own pages must still do under
// its headers: forged host headers, oversized bodies, the content security policy, the data folder.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, lstatSync, writeFileSync } from "node:fs";
import http from "node:http";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { startServerProcess } from "./support/server-process";
import { signInLink, signInThroughOutbox } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const base = new URL(baseUrl);
const serverMode = inject("serverMode");
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A raw request (fetch will not send a forged Host), to this machine's server only. */
function send(options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, method: options.method ?? "GET", path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The sign-in form as a browser without JavaScript posts it: the server action's hidden fields plus the email. */
async function signInRequest(email: string): Promise<{ body: Buffer; contentType: string }> {
  const page = await send({ path: "/dang-nhap" });
  const form = [...page.body.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes("$ACTION_"))!;
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const data = new FormData();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) data.append(unescape(name!), unescape(value ?? ""));
  data.append("email", email);
  const encoded = new Response(data);
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

/** Every sign-in message to an address, newest first (local: the outbox page a newcomer reads; server: the table). */
async function signInMessageCount(email: string): Promise<number> {
  if (serverMode === "server") {
    const sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from email_outbox where to_address = ${email} and template = 'sign-in'`;
      return row!.n;
    } finally {
      await sql.end();
    }
  }
  const outbox = await send({ path: "/hop-thu" });
  return outbox.body.split(email).length - 1;
}

function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))!;
  return Number(/\d+/.exec(line)![0]);
}

describe("sign-in links", () => {
  const forgeries: { name: string; headers: Record<string, string> }[] = [
    { name: "X-Forwarded-Host", headers: { "x-forwarded-host": "attacker.example" } },
    { name: "X-Forwarded-Proto and Host", headers: { "x-forwarded-proto": "https", "x-forwarded-host": "attacker.example:443" } },
    { name: "Forwarded", headers: { forwarded: "for=203.0.113.7;host=attacker.example;proto=https" } },
  ];

  it.each(forgeries)("always point at the site's own address, whatever $name says", async ({ name, headers }) => {
    const email = `forged-${name.toLowerCase().replace(/[^a-z]+/g, "-")}@doithoai.example`;
    const { body, contentType } = await signInRequest(email);
    const answer = await send({ method: "POST", path: "/dang-nhap", headers: { ...headers, "content-type": contentType, "content-length": body.length }, body });
    expect(answer.status).toBeLessThan(400);
    session = await openBrowser();
    const link = await signInLink(session.page, baseUrl, email);
    expect(new URL(link).origin).toBe(baseUrl);
  });

  it("are not sent at all for a forged Host, nor for a foreign Origin (403, not 500)", async () => {
    const email = "forged-host@doithoai.example";
    const { body, contentType } = await signInRequest(email);
    const common = { "content-type": contentType, "content-length": body.length };
    const wrongHost = await send({ method: "POST", path: "/dang-nhap", headers: { ...common, host: "attacker.example", origin: "http://attacker.example" }, body });
    expect(wrongHost.status).toBe(421);
    expect(wrongHost.body).toContain(baseUrl);
    const foreign = await send({ method: "POST", path: "/dang-nhap", headers: { ...common, "x-forwarded-host": "attacker.example", origin: "http://attacker.example" }, body });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain("trang khác");
    expect(await signInMessageCount(email)).toBe(0);
  });

  it("signing in at 127.0.0.1 ends signed in on the page where the user started", async () => {
    session = await openBrowser();
    const alias = `http://127.0.0.1:${base.port}`;
    await session.page.goto(`${alias}/can-bo`);
    // Sent to the site's own address first, so the sign-in cookie and the page are on one host.
    expect(new URL(session.page.url()).origin).toBe(baseUrl);
    await signInThroughOutbox(session.page, alias, "tiepnhan.quynhon@doithoai.example", "/can-bo");
    await session.page.waitForURL(`${baseUrl}/can-bo`);
    await expect(session.page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Hộp hồ sơ");
  });
});

describe("request bodies", () => {
  const routes = [
    // route handlers
    "/api/locale",
    "/api/auth/signin/resend",
    "/api/auth/callback/resend",
    "/api/tep/00000000-0000-4000-8000-000000000000",
    "/gui-y-kien/gui",
    // pages whose forms are server actions
    "/",
    "/gui-y-kien",
    "/dang-nhap",
    "/tra-cuu/ABCD-EFGH-JKM/rieng",
    "/can-bo/ho-so/ABCD-EFGH-JKM",
    "/can-bo/tiep-nhan",
    "/can-bo/thu-loi",
    "/email/huy-dang-ky",
  ];

  /** Streams up to 200 MB (never held in memory here) and stops at the answer. */
  function post200MB(route: string): Promise<{ status: number; sentBytes: number; body: string }> {
    const total = 200 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    return new Promise((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = http.request({
        host: base.hostname,
        port: base.port,
        method: "POST",
        path: route,
        headers: { "content-length": total, "content-type": "multipart/form-data; boundary=x", origin: baseUrl, "next-action": "0".repeat(42) },
      });
      req.on("response", (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          resolve({ status: res.statusCode!, sentBytes: sent, body: Buffer.concat(chunks).toString("utf8") });
          req.destroy();
        });
      });
      req.on("error", (error) => {
        if (!answered) reject(error);
      });
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once("drain", pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  it("of 200 MB are refused early with 413 on every route handler and server action, memory staying flat", async () => {
    const pid = inject("serverPid");
    await send({ path: "/" }); // warm, so that first-use allocations are not counted
    const before = rssKb(pid);
    for (const route of routes) {
      const answer = await post200MB(route);
      expect(answer.status, route).toBe(413);
      // Answered long before the body could have been read (socket buffers hold a few megabytes).
      expect(answer.sentBytes, route).toBeLessThan(40 * 1024 * 1024);
      expect(answer.body, route).toContain("Nội dung gửi quá lớn");
    }
    const after = rssKb(pid);
    expect(after - before, `RSS ${before} kB before, ${after} kB after`).toBeLessThan(64 * 1024);
  });

  it("without a declared length are refused (411), and the language switch takes only a small one", async () => {
    const chunked = await send({ method: "POST", path: "/api/locale", headers: { "transfer-encoding": "chunked", origin: baseUrl }, body: Buffer.alloc(100_000) });
    expect(chunked.status).toBe(411);
    const large = await send({ method: "POST", path: "/api/locale", headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl }, body: Buffer.from(`locale=en&pad=${"x".repeat(10_000)}`) });
    expect(large.status).toBe(413);
    const ok = await send({ method: "POST", path: "/api/locale", headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl, referer: `${baseUrl}/tra-cuu` }, body: Buffer.from("locale=en") });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`${baseUrl}/tra-cuu`);
  });
});

describe("the content security policy", () => {
  it("is on every page, with a fresh nonce or, replayed from the cache, its own scripts' hashes, and the pages still run their scripts under it", async () => {
    session = await openBrowser();
    const violations: string[] = [];
    await session.context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    session.page.on("console", (m) => {
      if (/Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    // A case of one's own, so that its receipt, status page (rendered, then replayed from the cache) and private page are visited.
    // Rendered pages carry a nonce of their own; pages replayed from the public page cache (home, lookup) carry
    // the hashes of their own inline scripts instead, since a nonce is good for one response only.
    const nonces: string[] = [];
    const pages = ["/", "/gui-y-kien", "/tra-cuu", "/dang-nhap", "/", "/tra-cuu"];
    for (const p of pages) {
      const response = (await session.page.goto(`${baseUrl}${p}`))!;
      const policy = response.headers()["content-security-policy"]!;
      if (response.headers()["x-doithoai-cache"] === "hit") {
        expect(policy, p).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+[; ]/);
        expect(policy, p).not.toContain("'nonce-");
      } else {
        expect(policy, p).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
        nonces.push(/'nonce-([^']+)'/.exec(policy)![1]!);
      }
      expect(policy, p).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers()["cross-origin-opener-policy"]).toBe("same-origin");
      // Next's scripts ran: its router is there.
      await expect(session.page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).resolves.toBe("object");
    }
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(nonces.length).toBeGreaterThanOrEqual(2);

    // File a case with JavaScript on (a client form), then open its status page twice: rendered, then replayed.
    await session.page.goto(`${baseUrl}/gui-y-kien`);
    await session.page.getByRole("radio", { name: /^Góp ý/ }).check();
    await session.page.getByLabel(/^Lĩnh vực/).selectOption({ index: 1 });
    const area = session.page.getByLabel(/^Địa bàn xảy ra sự việc/);
    await area.selectOption((await area.locator("option").nth(1).getAttribute("value"))!);
    await session.page.getByLabel(/^Tiêu đề/).fill("Góp ý về giờ làm việc của bộ phận một cửa");
    await session.page.getByLabel(/^Nội dung/).fill("Đề nghị mở cửa thêm sáng thứ Bảy để người dân đi làm có thể đến nộp hồ sơ.");
    await session.page.getByRole("checkbox", { name: "Gửi không ghi tên" }).check();
    await session.page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await session.page.waitForURL(/\/gui-y-kien\/bien-nhan\//);
    const code = (await session.page.getByTestId("receipt-code").textContent())!.trim();
    const key = (await session.page.getByTestId("receipt-key").textContent())!.trim();

    const plain = await openBrowser();
    try {
      const cacheStates: string[] = [];
      for (let i = 0; i < 2; i++) {
        const response = (await plain.page.goto(`${baseUrl}/tra-cuu/${code}`))!;
        cacheStates.push(response.headers()["x-doithoai-cache"] ?? "none");
        const policy = response.headers()["content-security-policy"]!;
        if (response.headers()["x-doithoai-cache"] === "hit") expect(policy).toMatch(/'sha256-/);
        await expect(plain.page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).resolves.toBe("object");
        await expect(plain.page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).resolves.toEqual([]);
      }
      expect(cacheStates).toContain("hit");
    } finally {
      await plain.close();
    }

    // The private page and one of its forms, with JavaScript.
    await session.page.goto(`${baseUrl}/tra-cuu/${code}/rieng`);
    await session.page.getByLabel("Mã truy cập riêng").fill(key);
    await session.page.getByRole("button", { name: "Mở hồ sơ" }).click();
    await session.page.getByRole("button", { name: "Gửi thông tin" }).waitFor();
    await expect(session.page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).resolves.toEqual([]);
    expect(violations).toEqual([]);
  });
});

describe("the data folder", () => {
  function looseEntries(dir: string): string[] {
    const out: string[] = [];
    const visit = (target: string) => {
      const stat = lstatSync(target);
      if (stat.isSymbolicLink()) return;
      if ((stat.mode & 0o777) !== (stat.isDirectory() ? 0o700 : 0o600)) out.push(`${(stat.mode & 0o777).toString(8)} ${target}`);
      if (stat.isDirectory()) for (const name of readdirSync(target)) visit(path.join(target, name));
    };
    visit(dir);
    return out;
  }

  it.runIf(serverMode === "local")("of the running server is 0700 with files 0600", () => {
    expect(looseEntries(inject("dataDir"))).toEqual([]);
  });

  it.runIf(serverMode === "local")(
    "left world-readable by an older install is tightened at start, with a log line; listening on the network, the outbox needs an admin",
    async () => {
      const address = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
      expect(address, "this test needs a non-loopback IPv4 interface").toBeTruthy();
      const dir = mkdtempSync(path.join(tmpdir(), "doithoai-loose-"));
      // An install made before the folder was private: readable secrets, a loose folder with a loose file in it.
      const secrets = { AUTH_SECRET: "s".repeat(43), PERSONAL_DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`, LOOKUP_HASH_KEY: "h".repeat(43) };
      writeFileSync(path.join(dir, "secrets.json"), JSON.stringify(secrets));
      mkdirSync(path.join(dir, "exports"));
      writeFileSync(path.join(dir, "exports", "cases.csv"), "code\n");
      chmodSync(dir, 0o777);
      chmodSync(path.join(dir, "exports"), 0o777);
      chmodSync(path.join(dir, "exports", "cases.csv"), 0o666);
      chmodSync(path.join(dir, "secrets.json"), 0o644);
      const server = await startServerProcess({
        dataDir: dir,
        local: true,
        env: (port) => ({ SEED_DEMO: "never", LOG_LEVEL: "info", HOST: "0.0.0.0", APP_URL: `http://${address}:${port}` }),
        baseUrl: (port) => `http://${address}:${port}`,
      });
      try {
        expect(server.output()).toContain("permissions tightened");
        expect(looseEntries(dir)).toEqual([]);
        const port = new URL(server.baseUrl).port;
        // Reachable from the network now, so even this machine needs an admin for the outbox.
        expect((await fetch(`${server.baseUrl}/hop-thu`)).status).toBe(404);
        const fromHere = await new Promise<number>((resolve, reject) => {
          http.get({ host: "127.0.0.1", port, path: "/hop-thu", headers: { host: `${address}:${port}` } }, (res) => resolve(res.statusCode!)).on("error", reject);
        });
        expect(fromHere).toBe(404);
        // And only its own address is answered.
        expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(421);
      } finally {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
