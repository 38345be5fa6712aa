"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getViewer } from "@/server/auth/viewer";
import { retryFailedEmail } from "@/server/email/failed-emails";

export async function retryEmailAction(form: FormData): Promise<void> {
  const id = String(form.get("id") ?? "");
  const done = await retryFailedEmail(await getDb(), await getViewer(), id);
  redirect(`/can-bo/thu-loi${done ? "?retried=1" : ""}`);
}
