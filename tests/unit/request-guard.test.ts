import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BODY_LIMITS, bodyLimitFor, checkBody } from "@/server/http/body-limits";
import { contentSecurityPolicy, inlineScriptHashes, staticSecurityHeaders } from "@/server/http/security-headers";
import { checkHost, forwardedHostOf, isForeignOrigin, siteOf } from "@/server/http/site-address";
import { clientAddressOf } from "@/server/net/client-address";
import { refusalPage } from "@/server/http/refusal-page";

const site = siteOf("https://doithoai.gialai.gov.vn");
const local = siteOf("http://localhost:3000");

describe("the site's own host", () => {
  it("serves its own host and refuses any other, forged Host or forwarded host alike", () => {
    expect(checkHost(site, { host: "doithoai.gialai.gov.vn", url: "/" }, 0)).toEqual({ kind: "ok" });
    expect(checkHost(site, { host: "DoiThoai.GiaLai.gov.vn", url: "/" }, 0)).toEqual({ kind: "ok" });
    expect(checkHost(site, { host: "attacker.example", url: "/dang-nhap" }, 0).kind).toBe("refuse");
    expect(checkHost(site, { host: undefined, url: "/" }, 0).kind).toBe("refuse");
    // Without a declared proxy a forwarded host counts for nothing (the server rewrites it to the site's own).
    expect(checkHost(site, { host: "doithoai.gialai.gov.vn", forwardedHost: "attacker.example", url: "/" }, 0)).toEqual({ kind: "ok" });
    // Behind a declared proxy, the host it forwarded is the one that must be the site's.
    expect(checkHost(site, { host: "app:3000", forwardedHost: "doithoai.gialai.gov.vn", url: "/" }, 1)).toEqual({ kind: "ok" });
    expect(checkHost(site, { host: "doithoai.gialai.gov.vn", forwardedHost: "attacker.example", url: "/" }, 1).kind).toBe("refuse");
  });

  it("sends the other loopback names of a local site to the site's own, path and query kept", () => {
    expect(checkHost(local, { host: "127.0.0.1:3000", url: "/dang-nhap?callbackUrl=%2Fcan-bo" }, 0)).toEqual({
      kind: "redirect",
      location: "http://localhost:3000/dang-nhap?callbackUrl=%2Fcan-bo",
    });
    expect(checkHost(local, { host: "[::1]:3000", url: "/" }, 0).kind).toBe("redirect");
    expect(checkHost(local, { host: "127.0.0.1:3001", url: "/" }, 0).kind).toBe("refuse");
    expect(checkHost(local, { host: "192.168.1.5:3000", url: "/" }, 0).kind).toBe("refuse");
    // A public site has no aliases.
    expect(checkHost(site, { host: "127.0.0.1", url: "/" }, 0).kind).toBe("refuse");
  });

  it("reads the proxy's own hop of X-Forwarded-Host and Forwarded", () => {
    expect(forwardedHostOf({ "x-forwarded-host": "forged.example, doithoai.gialai.gov.vn" })).toBe("doithoai.gialai.gov.vn");
    expect(forwardedHostOf({ forwarded: 'for=1.2.3.4;host=forged.example, for=5.6.7.8;host="doithoai.gialai.gov.vn";proto=https' })).toBe("doithoai.gialai.gov.vn");
    expect(forwardedHostOf({})).toBeUndefined();
  });

  it("tells a foreign Origin from the site's own", () => {
    expect(isForeignOrigin(site, "https://doithoai.gialai.gov.vn")).toBe(false);
    expect(isForeignOrigin(site, undefined)).toBe(false);
    expect(isForeignOrigin(site, "https://attacker.example")).toBe(true);
    expect(isForeignOrigin(site, "http://doithoai.gialai.gov.vn")).toBe(true);
  });
});

describe("the client's address", () => {
  it("is the connection's own without a declared proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("9.9.9.9", "10.0.0.7", 0)).toBe("10.0.0.7");
  });

  it("is the entry the proxies appended, never the left-most one a client can write", () => {
    expect(clientAddressOf("6.6.6.6, 203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
    expect(clientAddressOf("6.6.6.6, 203.0.113.9, 10.0.0.2", "10.0.0.1", 2)).toBe("203.0.113.9");
    expect(clientAddressOf(["6.6.6.6", "203.0.113.9"], "10.0.0.1", 1)).toBe("203.0.113.9");
    expect(clientAddressOf(undefined, "10.0.0.1", 1)).toBe("10.0.0.1");
  });

  it("cannot be chosen by a client behind N proxies, whatever it prepends", () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 5 }), fc.ipV4(), fc.array(fc.ipV4(), { maxLength: 3 }), (forged, client, hops) => {
        const header = [...forged, client, ...hops].join(", ");
        expect(clientAddressOf(header, "10.0.0.1", hops.length + 1)).toBe(client);
      }),
    );
  });
});

describe("request bodies", () => {
  it("have a small limit for the language switch and sign-in, and the attachment limits for forms with files", () => {
    expect(bodyLimitFor("/api/locale").name).toBe("tiny");
    expect(bodyLimitFor("/dang-nhap").name).toBe("small");
    expect(bodyLimitFor("/api/auth/signin/resend").name).toBe("small");
    for (const path of ["/gui-y-kien", "/gui-y-kien/gui", "/can-bo/tiep-nhan", "/tra-cuu/ABCD-EFGH-JKM/rieng", "/can-bo/ho-so/ABCD-EFGH-JKM"]) {
      expect(bodyLimitFor(path).name).toBe("upload");
    }
    expect(bodyLimitFor("/can-bo/thu-loi").name).toBe("form");
    expect(BODY_LIMITS.upload).toBeGreaterThan(25 * 1024 * 1024);
  });

  it("are refused by their declared length, and refused without one", () => {
    expect(checkBody("/api/locale", { "content-length": "20" })).toEqual({ kind: "ok" });
    expect(checkBody("/api/locale", { "content-length": String(200 * 1024 * 1024) }).kind).toBe("too_large");
    expect(checkBody("/gui-y-kien", { "content-length": String(20 * 1024 * 1024) })).toEqual({ kind: "ok" });
    expect(checkBody("/gui-y-kien", { "content-length": String(200 * 1024 * 1024) }).kind).toBe("too_large");
    expect(checkBody("/gui-y-kien", { "transfer-encoding": "chunked" }).kind).toBe("length_required");
    expect(checkBody("/", { "content-length": "-1" }).kind).toBe("length_required");
    expect(checkBody("/", {})).toEqual({ kind: "ok" });
  });

  it("over the limit get a page in the visitor's language", () => {
    const vi = refusalPage({ kind: "too_large", limit: { name: "upload", bytes: BODY_LIMITS.upload } }, "vi", "http://localhost:3000");
    expect(vi.status).toBe(413);
    expect(vi.html).toContain('lang="vi"');
    expect(vi.html).toContain("25 MB");
    expect(vi.html).toContain("Quay lại");
    const en = refusalPage({ kind: "wrong_host" }, "en", "https://doithoai.gialai.gov.vn");
    expect(en.status).toBe(421);
    expect(en.html).toContain("https://doithoai.gialai.gov.vn");
    expect(refusalPage({ kind: "foreign_origin" }, "vi", "x").status).toBe(403);
  });
});

describe("security headers", () => {
  it("allow inline scripts only by this response's nonce, or by the hashes of a cached page's own scripts", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123" }, { dev: false, https: true });
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("upgrade-insecure-requests");
    const html = `<html><script src="/_next/a.js" async nonce="n"></script><script nonce="n">self.__next_f.push([1,"x"])</script><script>alert(1)</script></html>`;
    const expected = ['self.__next_f.push([1,"x"])', "alert(1)"].map((s) => createHash("sha256").update(s).digest("base64"));
    expect(inlineScriptHashes(Buffer.from(html), undefined)).toEqual(expected);
    expect(inlineScriptHashes(gzipSync(html), "gzip")).toEqual(expected);
    expect(contentSecurityPolicy({ hashes: expected }, { dev: false, https: false })).toContain(`'sha256-${expected[0]}'`);
  });

  it("send HSTS only over https, and COOP always", () => {
    expect(staticSecurityHeaders({ https: true })["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(staticSecurityHeaders({ https: false })["strict-transport-security"]).toBeUndefined();
    expect(staticSecurityHeaders({ https: false })["cross-origin-opener-policy"]).toBe("same-origin");
  });
});
