import "server-only";

/**
 * The client's address. Directly connected clients: the connection's own. Behind `trustedProxies` proxies of
 * ours: each appends the address it received from to X-Forwarded-For, so the client is the entry that many places
 * from the right; entries further left were written by the client and prove nothing.
 */
export function clientAddressOf(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = [forwardedFor].flat().join(",").split(",").map((v) => v.trim()).filter(Boolean);
    const entry = hops.length >= trustedProxies ? hops[hops.length - trustedProxies] : hops[0];
    if (entry) return entry;
  }
  return socketAddress ?? "unknown";
}
