import "server-only";
import type { Database } from "@/db/client";
import { env } from "@/env";
import { deliverDueEmails } from "@/server/email/deliver-emails";
import { purgeOutbox } from "@/server/email/purge-outbox";
import { sealLegacyOutbox } from "@/server/email/seal-legacy-outbox";
import { renderPendingEmails } from "@/server/email/render-pending";
import { resendSender } from "@/server/email/resend-sender";
import { runScheduledJobs } from "@/server/scheduler/run-scheduled-jobs";
import { logger } from "@/lib/logger";
import { onWake } from "./wake";

const POLL_MS = 5_000;
/** How often the scheduled jobs are looked at; each runs once per working day whatever this is. */
const SCHEDULE_CHECK_MS = 60_000;
/** How often expired sign-in links, delivered secrets and old delivered addresses are wiped from the outbox. */
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Background work: delivers the outbox, purges from it what it no longer needs (see purgeOutbox) and runs the
 * scheduled jobs (digest, overdue notices, escalation, reminders). Runs inside the web process (local mode) or
 * alone (npm run worker); several at once are safe.
 */
export function startWorker(db: Database, options: { now?: () => Date } = {}): { stop: () => Promise<void> } {
  const e = env();
  const now = options.now ?? (() => new Date());
  const send = e.RESEND_API_KEY ? resendSender(e.RESEND_API_KEY, e.EMAIL_FROM) : null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let lastSchedule = 0;
  let lastPurge = 0;

  const tick = async () => {
    if (Date.now() - lastSchedule >= SCHEDULE_CHECK_MS) {
      lastSchedule = Date.now();
      // Jobs catch and log their own failures; one never stops delivery.
      await runScheduledJobs(db, now());
    }
    if (Date.now() - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = Date.now();
      // Its own failure must not stop delivery either.
      try {
        const resealed = await sealLegacyOutbox(db, e.APP_URL);
        if (resealed > 0) logger.info("outbox messages from before sealed secrets resealed", { resealed });
        const purged = await purgeOutbox(db, now());
        if (purged.expiredSecrets + purged.deliveredSecrets + purged.erasedAddresses > 0) logger.info("outbox purged", purged);
      } catch (error) {
        logger.error("outbox purge failed", { error });
      }
    }
    if (!send) {
      // No email service: messages stay in the local outbox; render the ones stored unrendered, ready to read.
      await renderPendingEmails(db, { limit: 100 });
    } else {
      let result;
      do {
        result = await deliverDueEmails(db, send);
        if (result.sent + result.failed > 0) logger.info("outbox delivered", result);
      } while (!stopped && result.sent > 0);
    }
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = tick()
      .catch((error: unknown) => logger.error("worker tick failed", { error }))
      .finally(() => {
        running = null;
        if (stopped) return;
        if (again) {
          again = false;
          run();
        } else timer = setTimeout(run, POLL_MS);
      });
  };
  const unsubscribe = onWake(run);
  run();
  return {
    stop: async () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
