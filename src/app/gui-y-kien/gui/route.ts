import { auth } from "@/auth";
import { parseCookies } from "@/lib/cookies";
import { fileWithoutScript, hasSessionCookie } from "./file-without-script";

/** The filing form without JavaScript (see fileWithoutScript); the custom server answers most such posts itself. */
export async function POST(request: Request): Promise<Response> {
  return fileWithoutScript(request, async () => {
    // Most citizens file without signing in: no session cookie, no session lookup.
    if (!hasSessionCookie(parseCookies(request.headers.get("cookie")).keys())) return null;
    return (await auth())?.user?.id ?? null;
  });
}
