import "server-only";
import { env } from "@/env";
import { hasRole, type Viewer } from "@/server/auth/roles";
import { isLoopbackRequest } from "@/server/net/loopback";

/** The local outbox exists only without an email service; it is readable from this machine (local mode) or by admins. */
export function localOutboxEnabled(): boolean {
  return !env().RESEND_API_KEY;
}

export function canReadLocalOutbox(headers: Headers, viewer: Viewer | null): boolean {
  if (!localOutboxEnabled()) return false;
  if (hasRole(viewer, "admin")) return true;
  return env().mode === "local" && isLoopbackRequest(headers);
}
