"use server";

import { cookies, headers } from "next/headers";
import { getDb } from "@/db/client";
import { LOCALE_COOKIE } from "@/i18n/config";
import { formatDateTime } from "@/lib/format";
import { logger } from "@/lib/logger";
import { clientIp } from "@/server/net/loopback";
import { cancelBooking, findBookingByCode, type CodeMiss } from "@/server/reception/bookings/cancel-booking";
import type { CancelFormState } from "./cancel-form-state";

function missState(code: string, miss: CodeMiss): CancelFormState {
  return { step: "code", code, error: miss.reason, retryAfterMinutes: miss.reason === "rate_limited" ? Math.ceil(miss.retryAfterSeconds / 60) : undefined };
}

/**
 * Both steps of cancelling a booking, with or without JavaScript: "find" shows the day the code is for, "cancel"
 * cancels it. The code travels only in the form's body, never in an address.
 */
export async function cancelBookingAction(_prev: CancelFormState, form: FormData): Promise<CancelFormState> {
  const code = String(form.get("code") ?? "").slice(0, 60);
  const step = form.get("step") === "cancel" ? "cancel" : "find";
  try {
    const [db, requestHeaders, jar] = await Promise.all([getDb(), headers(), cookies()]);
    const ctx = { db, ip: clientIp(requestHeaders) };
    const locale = jar.get(LOCALE_COOKIE)?.value === "en" ? "en" : "vi";
    if (step === "find") {
      const found = await findBookingByCode(ctx, code);
      if (!found.ok) return missState(code, found);
      const b = found.booking;
      const day = { id: b.day.id, title: locale === "en" ? b.day.titleEn : b.day.title, when: formatDateTime(b.day.startsAt, locale), place: b.day.place };
      if (!b.cancellable) return { step: "code", code, day, error: b.status === "booked" ? "started" : b.status };
      return { step: "confirm", code, day };
    }
    const result = await cancelBooking(ctx, code);
    if (result.ok) return { step: "done", day: { id: result.dayId, title: "", when: "", place: "" } };
    if (result.reason === "not_cancellable") return { step: "code", code, error: result.status === "booked" ? "started" : result.status };
    return missState(code, result);
  } catch (error) {
    logger.error("booking cancellation failed", { error });
    return { step: "code", code, error: "server" };
  }
}
