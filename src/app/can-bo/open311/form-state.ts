/** What the key form keeps between submissions: what was typed, problems by field, and a new key shown once. */
export type IssueKeyState = {
  values: Record<string, string>;
  fieldErrors: Partial<Record<"name" | "contact" | "hourlyLimit", "required" | "tooLong" | "invalid">>;
  formError?: "no_access" | "failed";
  issued?: { key: string; name: string };
};

export const EMPTY_ISSUE_KEY_STATE: IssueKeyState = { values: { hourlyLimit: "60" }, fieldErrors: {} };
