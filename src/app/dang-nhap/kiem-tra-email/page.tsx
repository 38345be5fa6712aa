import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { canReadLocalOutbox, localOutboxEnabled } from "@/server/email/outbox-access";
import { getViewer } from "@/server/auth/viewer";

export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  const showOutbox = localOutboxEnabled() && canReadLocalOutbox(await headers(), await getViewer());
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("checkTitle")}</h1>
      <div className="card space-y-3">
        <p>{t("checkBody")}</p>
        {localOutboxEnabled() && <p className="text-zinc-700">{t("checkLocal")}</p>}
        {showOutbox && (
          <Link href="/hop-thu" className="btn-primary">
            {t("openOutbox")}
          </Link>
        )}
      </div>
    </div>
  );
}
