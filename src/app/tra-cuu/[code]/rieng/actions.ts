"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb, type Database } from "@/db/client";
import { normalizeTrackingCode } from "@/domain/tracking-code";
import { env } from "@/env";
import { stringValues } from "@/lib/form-values";
import { logger } from "@/lib/logger";
import { filesFromForm, type IncomingFile } from "@/server/attachments/store-attachments";
import { AppError } from "@/server/errors";
import { addInformation } from "@/server/filer/add-information";
import { contestAnswer } from "@/server/filer/contest-answer";
import { verifyFilerAccess, type FieldProblem } from "@/server/filer/filer-access";
import { createFilerToken, endFilerSession, filerCookie, filerCookieName } from "@/server/filer/filer-session";
import { provideRequestedInfo } from "@/server/filer/provide-requested-info";
import { rateAnswer } from "@/server/filer/rate-answer";
import { withdrawCase } from "@/server/filer/withdraw-case";
import { clientIp } from "@/server/net/loopback";
import { NEW_KEY_COOKIE_PREFIX, type Done, type FilerFormState } from "./form-state";

function privatePath(code: string, done?: Done): string {
  return `/tra-cuu/${code}/rieng${done ? `?done=${done}#ket-qua` : ""}`;
}

/** A refusal from a service, as the form shows it; anything unexpected is logged and shown as "failed". */
function refused(error: unknown, values: Record<string, string>): FilerFormState {
  if (!(error instanceof AppError)) {
    logger.error("filer action failed", { error });
    return { values, fieldErrors: {}, formError: "failed" };
  }
  const details = error.details ?? {};
  switch (error.code) {
    case "invalid_input":
      return {
        values,
        fieldErrors: (details.fields ?? {}) as Record<string, FieldProblem>,
        formError: "invalid",
        fileName: typeof details.fileName === "string" ? details.fileName : undefined,
      };
    case "rate_limited":
      return { values, fieldErrors: {}, formError: "rate_limited", retryAfterMinutes: Math.ceil(Number(details.retryAfterSeconds ?? 600) / 60) };
    case "conflict":
      if (error.message === "stale_version" || error.message === "no_higher_unit") return { values, fieldErrors: {}, formError: error.message };
      return { values, fieldErrors: {}, formError: "not_allowed" };
    case "forbidden":
      return { values, fieldErrors: {}, formError: error.message === "wrong_key" ? "wrong_key" : "no_access" };
    default:
      logger.error("filer action refused unexpectedly", { error });
      return { values, fieldErrors: {}, formError: "failed" };
  }
}

type Run = (ctx: { db: Database; token: string | undefined; code: string; form: FormData }) => Promise<Done>;

/** The shared shape of the filer's actions: read the code and its cookie, call the service, map refusals, redirect. */
async function runFilerAction(form: FormData, fields: readonly string[], run: Run): Promise<FilerFormState> {
  const values = stringValues(form, fields);
  const code = normalizeTrackingCode(String(form.get("code") ?? ""));
  if (!code) return { values, fieldErrors: {}, formError: "no_access" };
  let done: Done;
  try {
    const [db, jar] = await Promise.all([getDb(), cookies()]);
    done = await run({ db, token: jar.get(filerCookieName(code))?.value, code, form });
  } catch (error) {
    return refused(error, values);
  }
  // Post/redirect/get: a reload does not send the form again, and the page shows the case as it is now.
  redirect(privatePath(code, done));
}

const CASE_FIELDS = ["caseId", "version"] as const;

export async function unlockAction(_prev: FilerFormState, form: FormData): Promise<FilerFormState> {
  const values = stringValues(form, ["key"]);
  const code = normalizeTrackingCode(String(form.get("code") ?? ""));
  if (!code) return { values, fieldErrors: {}, formError: "wrong_key" };
  try {
    const [db, requestHeaders] = await Promise.all([getDb(), headers()]);
    const access = await verifyFilerAccess(db, code, values.key ?? "", clientIp(requestHeaders));
    const cookie = filerCookie(access.code, access.token, access.expiresAt);
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
  } catch (error) {
    return refused(error, values);
  }
  redirect(privatePath(code));
}

/** Ends the private view (shared phones, internet cafés): the session on the server, then the cookie. */
export async function leaveAction(form: FormData): Promise<void> {
  const code = normalizeTrackingCode(String(form.get("code") ?? ""));
  if (!code) redirect("/tra-cuu");
  const [db, jar] = await Promise.all([getDb(), cookies()]);
  await endFilerSession(db, jar.get(filerCookieName(code))?.value);
  jar.delete({ name: filerCookieName(code), path: "/" });
  redirect(`/tra-cuu/${code}`);
}

async function files(form: FormData): Promise<IncomingFile[]> {
  return filesFromForm(form, "files");
}

export async function addInformationAction(_prev: FilerFormState, form: FormData): Promise<FilerFormState> {
  return runFilerAction(form, [...CASE_FIELDS, "text"], async ({ db, token, form }) => {
    await addInformation(db, token, { caseId: form.get("caseId"), version: form.get("version"), text: form.get("text") }, await files(form));
    return "info_added";
  });
}

export async function provideInfoAction(_prev: FilerFormState, form: FormData): Promise<FilerFormState> {
  return runFilerAction(form, [...CASE_FIELDS, "text"], async ({ db, token, form }) => {
    await provideRequestedInfo(db, token, { caseId: form.get("caseId"), version: form.get("version"), text: form.get("text") }, await files(form));
    return "info_provided";
  });
}

export async function withdrawAction(_prev: FilerFormState, form: FormData): Promise<FilerFormState> {
  return runFilerAction(form, [...CASE_FIELDS, "reason", "confirm"], async ({ db, token, form }) => {
    await withdrawCase(db, token, { caseId: form.get("caseId"), version: form.get("version"), reason: form.get("reason"), confirm: form.get("confirm") });
    return "withdrawn";
  });
}

export async function rateAction(_prev: FilerFormState, form: FormData): Promise<FilerFormState> {
  return runFilerAction(form, [...CASE_FIELDS, "satisfaction"], async ({ db, token, form }) => {
    await rateAnswer(db, token, { caseId: form.get("caseId"), version: form.get("version"), satisfaction: form.get("satisfaction") });
    return "rated";
  });
}

export async function contestAction(_prev: FilerFormState, form: FormData): Promise<FilerFormState> {
  const values = stringValues(form, [...CASE_FIELDS, "reason"]);
  const code = normalizeTrackingCode(String(form.get("code") ?? ""));
  if (!code) return { values, fieldErrors: {}, formError: "no_access" };
  let target: string;
  try {
    const [db, jar] = await Promise.all([getDb(), cookies()]);
    const result = await contestAnswer(db, jar.get(filerCookieName(code))?.value, {
      caseId: form.get("caseId"),
      version: form.get("version"),
      reason: form.get("reason"),
    });
    if (result.outcome === "reopened") {
      target = privatePath(code, "reopened");
    } else {
      // The filer proved access to the first case: open the second one for them, and show its key once.
      const { token, expiresAt } = await createFilerToken(db, result.caseId);
      const cookie = filerCookie(result.code, token, expiresAt);
      jar.set(cookie.name, cookie.value, cookie.options);
      jar.set(`${NEW_KEY_COOKIE_PREFIX}${result.code}`, result.accessKey, {
        httpOnly: true,
        secure: env().APP_URL.startsWith("https://"),
        sameSite: "lax",
        path: `/tra-cuu/${result.code}/rieng`,
        maxAge: 60 * 60,
      });
      target = privatePath(result.code, "second_instance");
    }
  } catch (error) {
    return refused(error, values);
  }
  redirect(target);
}
