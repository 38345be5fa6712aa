import "server-only";

/** The one address the site answers at (APP_URL), split the ways the request guard needs it. */
export type Site = { origin: string; host: string; protocol: "http" | "https"; hostname: string; port: string };

export function siteOf(appUrl: string): Site {
  const url = new URL(appUrl);
  const protocol = url.protocol === "https:" ? "https" : "http";
  return { origin: url.origin, host: url.host, protocol, hostname: url.hostname, port: url.port || (protocol === "https" ? "443" : "80") };
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type HostVerdict = { kind: "ok" } | { kind: "redirect"; location: string } | { kind: "refuse"; presented: string };

/** The host a declared proxy forwarded: its own hop is the last entry (a client can only write the ones before). */
export function forwardedHostOf(headers: { "x-forwarded-host"?: string | string[]; forwarded?: string | string[] }): string | undefined {
  const xfh = [headers["x-forwarded-host"]].flat().join(",").split(",").map((v) => v.trim()).filter(Boolean);
  if (xfh.length > 0) return xfh[xfh.length - 1];
  const forwarded = [headers.forwarded].flat().join(",").split(",").filter((v) => v.trim() !== "");
  const last = forwarded[forwarded.length - 1];
  const host = last?.split(";").map((pair) => pair.trim().split("=")).find(([key]) => key?.toLowerCase() === "host")?.[1];
  return host?.replace(/^"|"$/g, "");
}

/**
 * Whether a request is addressed to this site. Only the site's own host is served: a forged Host (or, behind a
 * declared proxy, a forwarded host) that is not the site's own is refused, so nothing the platform answers can be
 * made to point elsewhere. On a loopback site (the newcomer's install) the other loopback names with the same
 * port are sent to the site's own, so signing in at 127.0.0.1 ends signed in where the user started.
 */
export function checkHost(site: Site, request: { host?: string; forwardedHost?: string; url: string }, trustedProxies: number): HostVerdict {
  const presented = ((trustedProxies > 0 ? request.forwardedHost : undefined) ?? request.host ?? "").trim().toLowerCase();
  if (presented === site.host) return { kind: "ok" };
  if (LOOPBACK_NAMES.has(site.hostname) && trustedProxies === 0) {
    const match = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d+))?$/.exec(presented);
    if (match && (match[2] ?? "80") === site.port) return { kind: "redirect", location: `${site.origin}${request.url}` };
  }
  return { kind: "refuse", presented };
}

/** A browser's Origin on a write from another site (CSRF): refused before any work. "null" is left to Next. */
export function isForeignOrigin(site: Site, origin: string | undefined): boolean {
  return origin !== undefined && origin !== "null" && origin.toLowerCase() !== site.origin;
}
