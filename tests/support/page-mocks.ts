// The request mocks the page tests share, and their small helpers. vi.mock is hoisted per test file, so each file
// still calls it, with a factory from here loaded by dynamic import (a static import is not there yet when the
// hoisted call runs) and its state read through functions, at call time:
//   const state = vi.hoisted(() => ({ locale: "vi" as "vi" | "en", viewer: null as unknown }));
//   vi.mock("next-intl/server", async () => (await import("../support/page-mocks")).intlServer(() => state.locale));
// This module imports nothing that a page test mocks, so a factory may load it while a mocked module is resolving.
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { users } from "@/db/schema";
import { MESSAGES } from "@/i18n/messages";
import { loadMemberships, type Viewer } from "@/server/auth/roles";

type Locale = "vi" | "en";

/** next-intl/server as the server gives it: the language's messages; `onError` hears of a message not found. */
export function intlServer(locale: () => Locale, onError?: (error: unknown) => void) {
  return {
    getLocale: async () => locale(),
    getMessages: async () => MESSAGES[locale()],
    getTranslations: async (namespace?: string) =>
      createTranslator({ locale: locale(), messages: MESSAGES[locale()] as never, namespace: namespace as never, ...(onError && { onError }) }),
  };
}

/** @/db/client with the test's database. */
export function dbClient(original: object, db: () => unknown) {
  return { ...original, getDb: async () => db() };
}

/** @/server/auth/require-staff: the viewer the test chose, whoever it is (the page checks the role itself). */
export function requireStaff(viewer: () => unknown) {
  return { requireStaffPage: async () => viewer() };
}

/** @/server/auth/viewer: the viewer the test chose (the forms' server actions read it through Auth.js). */
export function authViewer(viewer: () => unknown) {
  return { getViewer: async () => viewer() };
}

/** next/navigation: each way out of a page throws an error naming it, for the test to expect. */
export function navigation() {
  return {
    forbidden: () => {
      throw new Error("FORBIDDEN");
    },
    redirect: (to: string) => {
      throw new Error(`REDIRECT ${to}`);
    },
    notFound: () => {
      throw new Error("NEXT_NOT_FOUND");
    },
  };
}

/** A demo official (`quantri` is quantri@doithoai.example) as the session gives them, with today's memberships. */
export async function staffViewer(db: Parameters<typeof loadMemberships>[0], name: string): Promise<Viewer> {
  const email = `${name}@doithoai.example`;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, email, name: user!.name, locale: "vi", memberships: await loadMemberships(db, user!.id) };
}

/** A form's post; a list is a field sent once per value. */
export function formData(fields: Record<string, string | Blob | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) f.append(k, one);
  return f;
}
