import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { LOCALE_COOKIE } from "@/i18n/config";
import { logger } from "@/lib/logger";
import { filesFromForm } from "@/server/attachments/store-attachments";
import { submitCase } from "@/server/intake/submit-case";
import { clientIp } from "@/server/net/loopback";
import { hasSessionCookie, readIntakeForm, receiptCookie } from "../form-input";

/** As the server action allows (next.config.ts serverActions.bodySizeLimit): attachments plus the text. */
const MAX_BODY_BYTES = 30 * 1024 * 1024;

/**
 * Where the filing form posts without JavaScript (the button's formaction until the page is hydrated). Next's
 * server-action machinery costs more CPU than filing itself, so the common case, a valid submission, is
 * handled here: parse, file, 303 to the receipt. Anything else answers 307, which makes the browser send the
 * same form, files included, to the page's server action: it files nothing new (the refusal repeats, or the
 * idempotency key finds the case) and renders the form again with what was typed and each problem by its field.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const toAction = () => new NextResponse(null, { status: 307, headers: { location: "/gui-y-kien" } });
  // What Next checks for a server action: a cross-site page must not file in a signed-in citizen's name.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && origin !== "null" && new URL(origin).host !== host) return new NextResponse(null, { status: 403 });
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!(length <= MAX_BODY_BYTES) || !request.headers.get("content-type")?.startsWith("multipart/form-data")) return toAction();

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return toAction();
  }
  const { raw } = readIntakeForm(form, request.cookies.get(LOCALE_COOKIE)?.value);
  try {
    // Most citizens file without signing in: no session cookie, no session lookup.
    const signedIn = hasSessionCookie(request.cookies.getAll().map((c) => c.name));
    const [db, session] = await Promise.all([getDb(), signedIn ? auth() : null]);
    const result = await submitCase({ db, ip: clientIp(request.headers), userId: session?.user?.id ?? null }, raw, await filesFromForm(form, "attachments"));
    if (result.ok) {
      const response = new NextResponse(null, { status: 303, headers: { location: `/gui-y-kien/bien-nhan/${result.receipt.code}` } });
      response.cookies.set(receiptCookie(result.receipt.code, result.receipt.accessKey));
      return response;
    }
    // Answer a bot as if nothing happened; a person never fills the hidden field.
    if (result.reason === "honeypot") return new NextResponse(null, { status: 303, headers: { location: "/" } });
    return toAction();
  } catch (error) {
    logger.error("case submission failed", { error });
    return toAction();
  }
}
