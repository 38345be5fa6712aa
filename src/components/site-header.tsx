import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/dang-nhap/actions";
import { getDb } from "@/db/client";
import { isStaff } from "@/server/auth/roles";
import { getViewer } from "@/server/auth/viewer";
import { hasDemoData } from "@/server/meta/demo-data";

export async function SiteHeader() {
  const [t, tApp, tDialogue, tReception, locale, viewer, demo] = await Promise.all([
    getTranslations("nav"),
    getTranslations("app"),
    getTranslations("dialogue.nav"),
    getTranslations("reception"),
    getLocale(),
    getViewer(),
    getDb().then(hasDemoData),
  ]);
  const other = locale === "vi" ? "en" : "vi";
  return (
    <header className="border-b border-zinc-200 bg-white">
      {demo && (
        <p role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
          {tApp("demoBanner")}
        </p>
      )}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-xl font-bold text-brand-700">
          <span aria-hidden="true" className="inline-block h-8 w-8 rounded-full bg-brand-700 text-center leading-8 text-white">
            ĐT
          </span>
          {tApp("name")}
        </Link>
        <form action="/api/locale" method="post">
          <input type="hidden" name="locale" value={other} />
          <button type="submit" lang={other} className="btn-secondary min-h-9 px-3 py-1 text-sm" aria-label={t("switchToLabel")}>
            {t("switchTo")}
          </button>
        </form>
      </div>
      <nav aria-label={t("mainMenu")} className="mx-auto max-w-5xl px-4 pb-3">
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-base">
          <li>
            <Link className="font-semibold text-brand-700 underline-offset-4 hover:underline" href="/gui-y-kien">
              {t("file")}
            </Link>
          </li>
          <li>
            <Link className="underline-offset-4 hover:underline" href="/tra-cuu">
              {t("track")}
            </Link>
          </li>
          <li>
            <Link className="underline-offset-4 hover:underline" href="/doi-thoai">
              {tDialogue("calendar")}
            </Link>
          </li>
          <li>
            <Link className="underline-offset-4 hover:underline" href="/tiep-cong-dan">
              {tReception("nav")}
            </Link>
          </li>
          <li>
            <Link className="underline-offset-4 hover:underline" href="/cam-ket">
              {t("commitments")}
            </Link>
          </li>
          <li>
            <Link className="underline-offset-4 hover:underline" href="/thong-ke">
              {t("statistics")}
            </Link>
          </li>
          <li>
            <Link className="underline-offset-4 hover:underline" href="/cong-khai">
              {t("published")}
            </Link>
          </li>
          {viewer && (
            <li>
              <Link className="underline-offset-4 hover:underline" href="/ho-so-cua-toi">
                {t("myCases")}
              </Link>
            </li>
          )}
          {isStaff(viewer) && (
            <li>
              <Link className="underline-offset-4 hover:underline" href="/can-bo">
                {t("staff")}
              </Link>
            </li>
          )}
          <li className="ml-auto">
            {viewer ? (
              <form action={signOutAction} className="flex items-center gap-2">
                <span className="hidden text-sm text-zinc-600 sm:inline">{viewer.email}</span>
                <button type="submit" className="underline underline-offset-4">
                  {t("signOut")}
                </button>
              </form>
            ) : (
              <Link className="underline-offset-4 hover:underline" href="/dang-nhap">
                {t("signIn")}
              </Link>
            )}
          </li>
        </ul>
      </nav>
    </header>
  );
}
