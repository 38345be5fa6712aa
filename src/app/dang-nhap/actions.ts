"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { limitSignIn } from "@/server/auth/limit-sign-in";
import { clientIp } from "@/server/net/loopback";

export type SignInState = { email: string; error?: "invalidEmail" | "failed" | "rateLimited"; retryAfterMinutes?: number; sent?: boolean };

/** Next's client sends this header with an action it calls itself; a form posted without JavaScript has none. */
const CLIENT_ACTION_HEADER = "next-action";

const input = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  callbackUrl: z.string().optional(),
});

/** Only paths on this site: an open redirect would make the sign-in email a phishing tool. */
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const raw = { email: String(form.get("email") ?? ""), callbackUrl: form.get("callbackUrl")?.toString() };
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { email: raw.email, error: "invalidEmail" };
  const [db, requestHeaders] = await Promise.all([getDb(), headers()]);
  const gate = await limitSignIn(db, { email: parsed.data.email, ip: clientIp(requestHeaders) });
  if (!gate.ok) return { email: raw.email, error: "rateLimited", retryAfterMinutes: Math.ceil(gate.retryAfterSeconds / 60) };
  try {
    // redirect: false, then our own redirect: a server action redirecting into /api/auth confuses the client router.
    await signIn("resend", { email: parsed.data.email, redirectTo: safeCallback(parsed.data.callbackUrl), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      logger.error("sign-in failed", { error });
      return { email: raw.email, error: "failed" };
    }
    throw error;
  }
  // With JavaScript the client navigates itself. A redirect here would make Next render the next page through a
  // request of its own, which carries its X-Forwarded-For: the server cannot tell it from a proxied request, and
  // the page would leave out the local outbox button meant for this machine.
  if (requestHeaders.has(CLIENT_ACTION_HEADER)) return { email: parsed.data.email, sent: true };
  redirect("/dang-nhap/kiem-tra-email");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
