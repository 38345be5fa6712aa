import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, emailOutbox, units } from "@/db/schema";
import { verifyAccessKey } from "@/domain/tracking-code";
import { sealSecret } from "@/server/privacy/personal-data";
import { SIGN_IN_TEMPLATE } from "./purge-outbox";

const RECEIPT_TEMPLATE = "case-receipt";
const ACCESS_KEY_PATTERN = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}\b/g;

/**
 * Messages stored before secrets were sealed apart held them in clear: sign-in emails rendered with their link,
 * receipts with the access key in their props or rendered body. They are turned into what is stored now: deferred,
 * with the key sealed as the secret (only a key that still matches the case's hash is kept) and, for sign-in
 * emails, without the link (a link from before is simply asked for again). Once done there is nothing left for it
 * to match, so the worker runs it with each purge.
 */
export async function sealLegacyOutbox(db: DbOrTx, appUrl: string): Promise<number> {
  const signIns = await db
    .update(emailOutbox)
    .set({ subject: "", text: "", html: "", renderer: "sign-in", renderProps: { appUrl }, secret: null })
    .where(and(eq(emailOutbox.template, SIGN_IN_TEMPLATE), isNull(emailOutbox.renderer)))
    .returning({ id: emailOutbox.id });

  // Deferred receipts with the key inside their props.
  const deferred = await db
    .select({ id: emailOutbox.id, props: emailOutbox.renderProps })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.renderer, "receipt"), sql`${emailOutbox.renderProps} -> 'receipt' ? 'accessKey'`));
  for (const row of deferred) {
    const props = row.props as { receipt: Record<string, unknown>; appUrl: string };
    const { accessKey, ...receipt } = props.receipt;
    await db
      .update(emailOutbox)
      .set({ renderProps: { ...props, receipt }, secret: typeof accessKey === "string" ? sealSecret({ accessKey }) : null })
      .where(eq(emailOutbox.id, row.id));
  }

  // Receipts stored rendered: rebuilt as deferred from their case (dedupe key "receipt:<case id>").
  const rendered = await db
    .select({
      id: emailOutbox.id,
      text: emailOutbox.text,
      code: cases.code,
      kind: cases.kind,
      acceptanceDueOn: cases.acceptanceDueOn,
      accessKeyHash: cases.accessKeyHash,
      unitName: units.name,
      unitNameEn: units.nameEn,
    })
    .from(emailOutbox)
    .leftJoin(cases, sql`${emailOutbox.dedupeKey} = 'receipt:' || ${cases.id}::text`)
    .leftJoin(units, eq(units.id, cases.unitId))
    .where(and(eq(emailOutbox.template, RECEIPT_TEMPLATE), isNull(emailOutbox.renderer), ne(emailOutbox.text, "")));
  for (const row of rendered) {
    if (!row.code || !row.unitName) {
      // Its case is gone: nothing to rebuild it from, and nothing to keep but the fact it was sent.
      await db.update(emailOutbox).set({ text: "", html: "" }).where(eq(emailOutbox.id, row.id));
      continue;
    }
    const accessKey = [...row.text.matchAll(ACCESS_KEY_PATTERN)].map((m) => m[0]).find((k) => verifyAccessKey(k, row.accessKeyHash!));
    await db
      .update(emailOutbox)
      .set({
        subject: "",
        text: "",
        html: "",
        renderer: "receipt",
        renderProps: { receipt: { code: row.code, kind: row.kind!, unitName: row.unitName, unitNameEn: row.unitNameEn!, acceptanceDueOn: row.acceptanceDueOn! }, appUrl },
        secret: accessKey ? sealSecret({ accessKey }) : null,
      })
      .where(eq(emailOutbox.id, row.id));
  }
  return signIns.length + deferred.length + rendered.length;
}
