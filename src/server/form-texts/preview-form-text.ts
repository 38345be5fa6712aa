import "server-only";
import { assertAdmin } from "@/server/admin/admin-frame";
import type { Viewer } from "@/server/auth/roles";
import { parseFormText, type FormTextInput, type FormTextValue } from "./form-text-input";

/** Before saving: the texts as they would be stored and shown (checked, cleaned); nothing is written. */
export function previewFormText(viewer: Viewer | null, input: FormTextInput): FormTextValue {
  assertAdmin(viewer);
  return parseFormText(input);
}
