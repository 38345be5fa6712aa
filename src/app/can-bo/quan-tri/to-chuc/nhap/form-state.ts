import type { ImportChange, ImportCounts } from "@/domain/organisation/csv-diff";
import type { ImportProblem } from "@/domain/organisation/csv-format";

/** The most changes or problems listed on the page (the counts cover them all). */
export const LIST_LIMIT = 200;

/** What the import form keeps between posts: the problems by line, or the preview (its text travels with it). */
export type ImportFormState = {
  formError?: "invalid" | "changed_since_preview" | "no_changes" | "no_access" | "failed";
  /** The file's own problem (encoding, size, stale). */
  fileError?: string;
  problems?: ImportProblem[];
  problemCount?: number;
  preview?: {
    text: string;
    fileHash: string;
    planHash: string;
    lines: number;
    counts: ImportCounts;
    /** The changes that write something, up to LIST_LIMIT. */
    changes: Exclude<ImportChange, { op: "unchanged" }>[];
    changeCount: number;
  };
};

export const EMPTY_IMPORT_FORM: ImportFormState = {};
