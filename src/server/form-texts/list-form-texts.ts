import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { formTexts, users } from "@/db/schema";
import { FORM_TEXT_KEYS, FORM_TEXT_SPECS, type FormTextKey } from "@/domain/categories/form-texts";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { bundledTexts } from "./bundled-form-texts";

export type FormTextView = {
  key: FormTextKey;
  max: number;
  bundled: { vi: string; en: string };
  /** The administrator's wording, when there is one (else the form shows the bundled text). */
  stored: { vi: string; en: string; updatedAt: Date; updatedBy: string | null } | null;
};

/** Every text of the citizens' form an administrator may reword, with its default and its current wording. */
export async function listFormTexts(db: Database, viewer: Viewer | null): Promise<FormTextView[]> {
  assertAdmin(viewer);
  const rows = await db
    .select({ key: formTexts.key, vi: formTexts.textVi, en: formTexts.textEn, updatedAt: formTexts.updatedAt, by: users.name, byEmail: users.email })
    .from(formTexts)
    .leftJoin(users, eq(users.id, formTexts.updatedBy));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const [vi, en] = await Promise.all([bundledTexts(db, "vi"), bundledTexts(db, "en")]);
  return FORM_TEXT_KEYS.map((key) => {
    const row = byKey.get(key);
    return {
      key,
      max: FORM_TEXT_SPECS[key].max,
      bundled: { vi: vi[key], en: en[key] },
      stored: row ? { vi: row.vi, en: row.en, updatedAt: row.updatedAt, updatedBy: row.by ?? row.byEmail ?? null } : null,
    };
  });
}
