import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { formTexts } from "@/db/schema";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFormTextKey } from "./form-text-input";

/** Back to the text shipped with the platform: the administrator's wording is deleted (kept in the audit entry). */
export async function restoreFormText(db: Database, viewer: Viewer | null, input: { key?: unknown }): Promise<{ restored: boolean }> {
  return adminChange(db, viewer, async (tx) => {
    const key = parseFormTextKey(input);
    const [before] = await tx.delete(formTexts).where(eq(formTexts.key, key)).returning({ vi: formTexts.textVi, en: formTexts.textEn });
    return { result: { restored: !!before }, audit: { action: "form_text.restored", entityType: "form_text", entityId: key, data: { before: before ?? null } } };
  });
}
