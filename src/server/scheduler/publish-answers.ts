import "server-only";
import type { Tx } from "@/db/client";
import { publishAnswers } from "@/server/publication/publish-answers";
import type { JobContext } from "./job-context";

/**
 * Catches up the published answers ("Công khai") each working morning: what an answer's own transaction did not
 * publish (a case answered before publication existed, an import), and rows whose case changed since (reopened,
 * answer no longer public). Law 10/2022 art. 11-13: published within 5 working days; a day's run is enough.
 */
export async function publishAnswersJob(tx: Tx, { now }: JobContext) {
  return publishAnswers(tx, { now });
}
