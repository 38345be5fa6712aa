import "server-only";

/** What getTranslations gives for one namespace, as far as the copy builders use it. */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  raw(key: string): unknown;
};

/**
 * The translated texts a client component shows, picked by key on the server: client components get their words
 * as props (see src/lib/fill-message.ts for the few filled in the browser), never a translation library.
 */
export function texts<const K extends string>(t: Translate, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, t(key)])) as Record<K, string>;
}

/** Templates as written, for fillMessage in the browser: their values are known only after an action or a choice. */
export function templates<const K extends string>(t: Translate, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(
    keys.map((key) => {
      const raw = t.raw(key);
      if (typeof raw !== "string") throw new Error(`message ${key} is not a template`);
      return [key, raw];
    }),
  ) as Record<K, string>;
}
