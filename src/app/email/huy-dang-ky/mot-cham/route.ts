import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { appUrl } from "@/emails/links";
import { AppError } from "@/server/errors";
import { unsubscribeOneClick } from "@/server/email/unsubscribe-one-click";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * The List-Unsubscribe address opened in a browser: changes nothing (mail scanners open links) and shows the
 * preference page, on the configured site address.
 */
export function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("t") ?? "";
  return NextResponse.redirect(appUrl(`/email/huy-dang-ky?t=${encodeURIComponent(token)}`), { status: 303, headers: NO_STORE });
}

/**
 * The mail provider's one-click unsubscribe (RFC 8058): a form body with List-Unsubscribe=One-Click. The custom
 * server has already refused a body over the small limit (src/server/http/body-limits.ts, "email/").
 */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  try {
    await unsubscribeOneClick(await getDb(), { token: request.nextUrl.searchParams.get("t") ?? "", listUnsubscribe: form?.get("List-Unsubscribe") });
  } catch (error) {
    if (error instanceof AppError) return new NextResponse(null, { status: 400, headers: NO_STORE });
    throw error;
  }
  return new NextResponse(null, { status: 200, headers: NO_STORE });
}
