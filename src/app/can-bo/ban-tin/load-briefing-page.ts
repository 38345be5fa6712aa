import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/server/errors";
import type { Briefing } from "@/server/briefing/build-briefing";

/** Runs a briefing loader for a page: a refusal (another unit's, a missing one) looks like a missing page. */
export async function loadBriefingOr404(load: () => Promise<Briefing>): Promise<Briefing> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

/** "?in=1" asks for the print version. */
export function wantsPrintView(query: Record<string, string | string[] | undefined>): boolean {
  const v = query.in;
  return (Array.isArray(v) ? v[0] : v) === "1";
}
