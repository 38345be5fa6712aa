import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/**
 * Hands client components only the message namespaces they use: the officials' area only (can-bo/layout.tsx).
 * Citizens' pages carry no provider: its formatter costs about 12 KB of script, so their client components get
 * translated words as props instead (src/lib/client-copy.ts).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const [all, locale] = await Promise.all([getMessages() as Promise<Record<string, unknown>>, getLocale()]);
  const messages = Object.fromEntries(namespaces.filter((ns) => ns in all).map((ns) => [ns, all[ns]]));
  return (
    <NextIntlClientProvider locale={locale} messages={messages as never}>
      {children}
    </NextIntlClientProvider>
  );
}
