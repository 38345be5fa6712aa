import "server-only";
import { randomBytes } from "node:crypto";

/**
 * The custom server marks requests that reached it directly from this machine. It first strips the header
 * from every incoming request, so a client cannot forge it; the per-process token is a second guard.
 */
export const LOOPBACK_HEADER = "x-doithoai-loopback";

const store = globalThis as unknown as { __doiThoaiLoopbackToken?: string };

export function loopbackToken(): string {
  store.__doiThoaiLoopbackToken ??= randomBytes(24).toString("hex");
  return store.__doiThoaiLoopbackToken;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** The client's address as the custom server saw it (never taken from a request header it did not set). */
export const CLIENT_IP_HEADER = "x-doithoai-client-ip";

export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

export function isLoopbackRequest(headers: Headers): boolean {
  return headers.get(LOOPBACK_HEADER) === loopbackToken();
}
