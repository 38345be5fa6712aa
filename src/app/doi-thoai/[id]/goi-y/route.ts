import { getDb } from "@/db/client";
import { decodeParam } from "@/lib/route-param";
import { suggestQuestions, SUGGEST_QUERY_MAX } from "@/server/dialogue/questions/suggest-questions";

/** Longest text of a suggestion sent to the browser (the card shows the start; the question is on the page). */
const BODY_PREVIEW = 280;

/** GET ?q=… : public questions of the session like the text being typed (JSON, for the ask form as you type). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  if (q.length > SUGGEST_QUERY_MAX * 4) return Response.json({ suggestions: [] }, { status: 414 });
  const found = await suggestQuestions(await getDb(), decodeParam((await params).id), q);
  const suggestions = found.map((s) => ({
    id: s.id,
    number: s.number,
    body: s.body.length > BODY_PREVIEW ? `${s.body.slice(0, BODY_PREVIEW)}…` : s.body,
    supportCount: s.supportCount,
    status: s.status,
  }));
  return Response.json({ suggestions }, { headers: { "cache-control": "private, max-age=15" } });
}
