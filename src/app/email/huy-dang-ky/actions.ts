"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { AppError } from "@/server/errors";
import { setEmailPreference } from "@/server/email/email-preferences";

/** A plain form post (no JavaScript needed): stop or restart one topic for the address the signed link names. */
export async function setPreferenceAction(form: FormData): Promise<void> {
  const token = String(form.get("t") ?? "");
  const optOut = form.get("optOut") === "1";
  try {
    await setEmailPreference(await getDb(), token, optOut);
  } catch (error) {
    if (error instanceof AppError) redirect(`/email/huy-dang-ky?t=invalid`);
    throw error;
  }
  redirect(`/email/huy-dang-ky?t=${encodeURIComponent(token)}&done=${optOut ? "out" : "in"}`);
}
