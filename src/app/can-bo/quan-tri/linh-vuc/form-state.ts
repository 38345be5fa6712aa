/** What a form of this page keeps between posts: what was typed, errors by field, or a text's preview. */
export type CategoriesFormState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, string>>;
  formError?: "invalid" | "not_found" | "no_access" | "last_active" | "failed";
  /** After "Xem trước": the texts as they would be saved (cleaned), shown as on the citizens' form. */
  preview?: { textVi: string; textEn: string };
};

export const EMPTY_CATEGORIES_FORM: CategoriesFormState = { values: {}, fieldErrors: {} };

/** Results shown once after a change (the page is reloaded with ?xong=…). */
export const CATEGORIES_DONE = ["created", "updated", "moved", "deactivated", "reactivated", "textSaved", "textRestored"] as const;
export type CategoriesDone = (typeof CATEGORIES_DONE)[number];
export const isCategoriesDone = (v: string | undefined): v is CategoriesDone => (CATEGORIES_DONE as readonly string[]).includes(v ?? "");

export const CATEGORY_OPS = ["create", "update", "up", "down", "deactivate", "reactivate"] as const;
export type CategoryOp = (typeof CATEGORY_OPS)[number];
export const TEXT_OPS = ["preview", "save", "restore"] as const;
export type TextOp = (typeof TEXT_OPS)[number];
