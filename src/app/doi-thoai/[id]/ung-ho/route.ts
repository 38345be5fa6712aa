import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { handleSupportRequest } from "@/server/dialogue/questions/support-request";

/** A support of one of the session's questions (form field `question`); see handleSupportRequest. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleSupportRequest(request, decodeParam((await params).id), {
    db: await getDb(),
    signedInUserId: async () => (await auth())?.user?.id ?? null,
  });
}
