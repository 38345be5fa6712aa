"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { getViewer } from "@/server/auth/viewer";
import { AppError } from "@/server/errors";
import { issueApiKey, revokeApiKey } from "@/server/open311/api-keys";
import type { IssueKeyState } from "./form-state";

const FIELDS = ["name", "contact", "hourlyLimit"] as const;

/** Issues a key; the page shows it once, in the returned state (never in a URL, a log or the database). */
export async function issueKeyAction(_prev: IssueKeyState, form: FormData): Promise<IssueKeyState> {
  const values = stringValues(form, FIELDS);
  try {
    const result = await issueApiKey(await getDb(), await getViewer(), values);
    if (!result.ok) return { values, fieldErrors: result.fields };
    revalidatePath("/can-bo/open311");
    return { values: { hourlyLimit: "60" }, fieldErrors: {}, issued: { key: result.key, name: values.name!.trim() } };
  } catch (error) {
    if (error instanceof AppError && (error.code === "forbidden" || error.code === "unauthenticated")) return { values, fieldErrors: {}, formError: "no_access" };
    logger.error("open311 key not issued", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
}

export async function revokeKeyAction(form: FormData): Promise<void> {
  const done = await revokeApiKey(await getDb(), await getViewer(), String(form.get("id") ?? ""));
  redirect(`/can-bo/open311${done ? "?da-thu-hoi=1" : ""}`);
}
