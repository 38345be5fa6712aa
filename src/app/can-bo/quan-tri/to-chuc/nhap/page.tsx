import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { FormatDoc } from "./format-doc";
import { ImportForm } from "./forms";

export const metadata: Metadata = { robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const count = (v: string | undefined) => (Number.isSafeInteger(Number(v)) && Number(v) >= 0 ? Number(v) : 0);

export default async function OrganisationImportPage({ searchParams }: Props) {
  const viewer = await requireStaffPage("/can-bo/quan-tri/to-chuc/nhap");
  if (!hasRole(viewer, "admin")) forbidden();
  const [raw, t] = await Promise.all([searchParams, getTranslations("orgImport")]);
  const done = first(raw.xong) === "imported";

  // The form is a client component (pending state, the preview kept between posts): it gets this namespace.
  return (
    <ClientMessages namespaces={["orgImport"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <p>
            <Link href="/can-bo/quan-tri/to-chuc" className="underline">
              {t("back")}
            </Link>
          </p>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="max-w-prose text-zinc-700">{t("intro")}</p>
        </header>
        {done && (
          <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
            {t("done.imported", { created: count(first(raw.tao)), updated: count(first(raw.sua)) })}
          </p>
        )}
        <section id="tep" aria-labelledby="tep-h" className="card space-y-4">
          <h2 id="tep-h" className="text-xl font-semibold">
            {t("upload.title")}
          </h2>
          <p className="max-w-prose">
            <a href="/can-bo/quan-tri/to-chuc/mau.csv" download className="underline">
              {t("template.link")}
            </a>
            . {t("template.note")}
          </p>
          <p className="max-w-prose">
            <a href="/can-bo/quan-tri/to-chuc/mau.csv?hien-co=1" download className="underline">
              {t("template.current")}
            </a>
            . {t("template.currentNote")}
          </p>
          <ImportForm />
        </section>
        <FormatDoc />
      </div>
    </ClientMessages>
  );
}
