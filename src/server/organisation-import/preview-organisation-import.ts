import "server-only";
import type { DbOrTx } from "@/db/client";
import { toLocalDate } from "@/domain/calendar";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { previewFromText, readUploadedFile, type OrganisationImportPreview } from "./import-frame";

/**
 * An uploaded organisation file checked line by line and compared with the database: what it would create and
 * update (nothing is written). Refused with the problems by line while the file has any.
 */
export async function previewOrganisationImport(db: DbOrTx, viewer: Viewer | null, input: { file?: unknown }, now = new Date()): Promise<OrganisationImportPreview> {
  assertAdmin(viewer);
  const text = await readUploadedFile(input);
  return previewFromText(db, text, toLocalDate(now));
}
