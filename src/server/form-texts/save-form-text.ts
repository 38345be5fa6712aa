import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { formTexts } from "@/db/schema";
import { adminChange } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFormText, type FormTextInput } from "./form-text-input";

/** Rewords one text of the citizens' form in both languages; the form shows it from the next request. */
export async function saveFormText(db: Database, viewer: Viewer | null, input: FormTextInput): Promise<void> {
  return adminChange(db, viewer, async (tx, admin) => {
    const { key, textVi, textEn } = parseFormText(input);
    const [before] = await tx.select({ vi: formTexts.textVi, en: formTexts.textEn }).from(formTexts).where(eq(formTexts.key, key));
    const now = new Date();
    await tx
      .insert(formTexts)
      .values({ key, textVi, textEn, updatedBy: admin.userId, updatedAt: now })
      .onConflictDoUpdate({ target: formTexts.key, set: { textVi, textEn, updatedBy: admin.userId, updatedAt: now } });
    return { result: undefined, audit: { action: "form_text.saved", entityType: "form_text", entityId: key, data: { before: before ?? null, after: { vi: textVi, en: textEn } } } };
  });
}
