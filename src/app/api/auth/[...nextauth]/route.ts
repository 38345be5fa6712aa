import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { isDirectSignInRequest } from "@/server/auth/limit-sign-in";

export const { GET } = handlers;

/**
 * Everything but asking for a sign-in email: the sign-in form does that in-process, after its limits per email
 * and per address (src/app/dang-nhap/actions.ts); this endpoint would send mail without them.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (isDirectSignInRequest(request.nextUrl.pathname)) {
    return new Response("Đăng nhập tại /dang-nhap / Sign in at /dang-nhap\n", {
      status: 405,
      headers: { Allow: "GET", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return handlers.POST(request);
}
