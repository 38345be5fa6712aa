import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "@/db/schema";
import { countWrites, localWriteCount } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { seedDemoData } from "@/db/seed/seed-demo";
import { contentSecurityPolicy, newNonce } from "@/server/http/security-headers";
import { CACHED_PAGES, homePage } from "@/server/http/cached-pages";
import { createPublicPageCache } from "@/server/http/public-page-cache";
import { getHeadlineFigures } from "@/server/statistics/get-headline-figures";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let server: Server;
let base: string;
let renders = 0;
let code: string;
let caseId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db);
  const [row] = await t.db.select({ id: cases.id, code: cases.code }).from(cases).where(eq(cases.status, "accepted")).limit(1);
  code = row!.code;
  caseId = row!.id;
  const cache = createPublicPageCache(t.db, { pages: CACHED_PAGES });
  // Stands in for Next: renders the case's status and newest public event, or the home page's figures, from the database.
  server = createServer((req, res) => {
    void cache.handle(req, res, async () => {
      renders++;
      if (req.url === "/") {
        // Slow enough that requests arriving together overlap with it.
        await new Promise((resolve) => setTimeout(resolve, 50));
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end(`<p>${JSON.stringify(await getHeadlineFigures(t.db))}</p>`);
        return;
      }
      const requested = decodeURIComponent((req.url ?? "").split("/").pop() ?? "");
      const rows = rowsOf<{ status: string; reason: string | null }>(
        await t.db.execute(sql`select c.status, (select reason from case_events e where e.case_id = c.id order by id desc limit 1) as reason
          from cases c where c.code = ${requested}`),
      );
      if (!rows[0]) {
        res.statusCode = 404;
        res.end("not found");
        return;
      }
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(`<p>${rows[0].status}</p>`);
      res.end(`<p>${rows[0].reason ?? ""}</p>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, cache: response.headers.get("x-doithoai-cache"), body: await response.text() };
}

describe("status page cache", () => {
  it("renders once, then serves the same page until the case changes", async () => {
    const before = renders;
    const first = await get(`/tra-cuu/${code}`);
    expect(first).toMatchObject({ status: 200, cache: "miss" });
    const second = await get(`/tra-cuu/${code}`);
    expect(second).toMatchObject({ status: 200, cache: "hit", body: first.body });
    expect(renders).toBe(before + 1);
  });

  it("is fresh on the very next request after a change commits", async () => {
    await get(`/tra-cuu/${code}`);
    for (let i = 0; i < 5; i++) {
      const reason = `Gia hạn lần ${i} ${Math.random()}`;
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`insert into case_events (case_id, type, visibility, reason) values (${caseId}, 'case.extended', 'public', ${reason})`);
      });
      const page = await get(`/tra-cuu/${code}`);
      expect(page.cache).toBe("miss");
      expect(page.body).toContain(reason);
      expect((await get(`/tra-cuu/${code}`)).cache).toBe("hit");
    }
    // A change to the case row alone (status, version) is seen too.
    await t.db.update(cases).set({ status: "answered", version: sql`${cases.version} + 1`, updatedAt: new Date() }).where(eq(cases.id, caseId));
    expect((await get(`/tra-cuu/${code}`)).body).toContain("answered");
  });

  it("keeps languages and encodings apart", async () => {
    await get(`/tra-cuu/${code}`);
    expect((await get(`/tra-cuu/${code}`, { cookie: "NEXT_LOCALE=en" })).cache).toBe("miss");
    expect((await get(`/tra-cuu/${code}`, { cookie: "NEXT_LOCALE=en" })).cache).toBe("hit");
  });

  it("never caches for signed-in users, filers, client navigations, or unknown codes", async () => {
    expect((await get(`/tra-cuu/${code}`, { cookie: "authjs.session-token=abc" })).cache).toBeNull();
    expect((await get(`/tra-cuu/${code}`, { cookie: `dt_filer_${code}=abc` })).cache).toBeNull();
    expect((await get(`/tra-cuu/${code}`, { rsc: "1" })).cache).toBeNull();
    const unknown = await get("/tra-cuu/0000-0000-000");
    expect(unknown).toMatchObject({ status: 404, cache: null });
    expect((await get("/tra-cuu/0000-0000-000")).status).toBe(404);
  });
});

describe("home page cache", () => {
  it("shows new figures on the next request after a change commits, and a crowd after it costs one render", async () => {
    const first = await get("/");
    expect(first.status).toBe(200);
    expect((await get("/")).cache).toBe("hit");
    const answeredBefore = (await getHeadlineFigures(t.db)).answered;
    await t.db.execute(sql`update cases set status = 'answered', answered_at = now(), version = version + 1 where id = (
      select id from cases where answered_at is null and status = 'accepted' order by code limit 1)`);
    const before = renders;
    const crowd = await Promise.all(Array.from({ length: 20 }, () => get("/")));
    expect(renders).toBe(before + 1);
    for (const page of crowd) expect(page.body).toContain(`"answered":${answeredBefore + 1}`);
    expect(crowd.filter((page) => page.cache === "miss")).toHaveLength(1);
  });

  it("renders again when a session is announced, and on the next day (overdue counts move with the date)", async () => {
    await get("/");
    expect((await get("/")).cache).toBe("hit");
    await t.db.execute(sql`insert into dialogue_sessions (title, topic, unit_id, location, starts_at, ends_at)
      select 'Đối thoại về đất đai', 'Đất đai', id, 'Hội trường', now() + interval '3 days', now() + interval '3 days 2 hours' from units limit 1`);
    expect((await get("/")).cache).toBe("miss");
    expect((await get("/")).cache).toBe("hit");
    const tomorrow = await homePage.validator(t.db, "", new Date(Date.now() + 86_400_000));
    expect(tomorrow).not.toBe(await homePage.validator(t.db, "", new Date()));
  });

  it("is not the cache for a query string, a signed-in visitor or a non-GET", async () => {
    expect((await get("/?x=1")).cache).toBeNull();
    expect((await get("/", { cookie: "__Secure-authjs.session-token=abc" })).cache).toBeNull();
  });
});

describe("local mode: the embedded database's only writer counts its writes", () => {
  it.skipIf(process.env.TEST_DATABASE_URL)("reads change nothing, a write or a transaction moves the count, and a page is fresh after it", async () => {
    if (t.connection.kind !== "pglite") return;
    countWrites(t.connection.client);
    const cache = createPublicPageCache(t.db, { pages: CACHED_PAGES, localWrites: localWriteCount });
    let localRenders = 0;
    const local = createServer((req, res) => {
      void cache.handle(req, res, async () => {
        localRenders++;
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end(`<p>${JSON.stringify(await getHeadlineFigures(t.db))}</p>`);
      });
    });
    await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(local.address() as AddressInfo).port}/`;
      const fetchHome = async () => {
        const response = await fetch(url);
        return { cache: response.headers.get("x-doithoai-cache"), body: await response.text() };
      };
      const start = localWriteCount()!;
      await t.db.select().from(cases).limit(1);
      await t.db.execute(sql`select count(*) from cases`);
      expect(localWriteCount()).toBe(start);
      expect((await fetchHome()).cache).toBe("miss");
      expect((await fetchHome()).cache).toBe("hit");
      const answered = (await getHeadlineFigures(t.db)).answered;
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`update cases set answered_at = now(), status = 'answered' where id = (
          select id from cases where answered_at is null and status = 'accepted' order by code limit 1)`);
      });
      expect(localWriteCount()).toBeGreaterThan(start);
      const after = await fetchHome();
      expect(after.cache).toBe("miss");
      expect(after.body).toContain(`"answered":${answered + 1}`);
      await t.db.update(cases).set({ version: sql`${cases.version} + 1` }).where(eq(cases.id, caseId));
      expect((await fetchHome()).cache).toBe("miss");
      expect(localRenders).toBe(3);
    } finally {
      await new Promise((resolve) => local.close(resolve));
    }
  });
});

describe("status page cache under a content security policy", () => {
  it("replays a page with the hashes of its own inline scripts, never the nonce it was rendered with", async () => {
    const cache = createPublicPageCache(t.db, { pages: CACHED_PAGES, replayPolicy: (hashes) => contentSecurityPolicy({ hashes }, { dev: false, https: false }) });
    const script = `self.__next_f.push([1,"${code}"])`;
    const own = createServer((req, res) => {
      const nonce = newNonce();
      res.setHeader("content-security-policy", contentSecurityPolicy({ nonce }, { dev: false, https: false }));
      void cache.handle(req, res, async () => {
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end(`<script src="/_next/a.js" nonce="${nonce}"></script><script nonce="${nonce}">${script}</script>`);
      });
    });
    await new Promise<void>((resolve) => own.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(own.address() as AddressInfo).port}/tra-cuu/${code}`;
      const first = await fetch(url);
      expect(first.headers.get("x-doithoai-cache")).toBe("miss");
      const firstNonce = /'nonce-([^']+)'/.exec(first.headers.get("content-security-policy")!)![1]!;
      const second = await fetch(url);
      expect(second.headers.get("x-doithoai-cache")).toBe("hit");
      const policy = second.headers.get("content-security-policy")!;
      expect(policy).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
      expect(policy).not.toContain(firstNonce);
      expect(policy).not.toContain("'nonce-");
      expect(await second.text()).toContain(script);
    } finally {
      await new Promise((resolve) => own.close(resolve));
    }
  });
});
