import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";

export const metadata: Metadata = { robots: { index: false } };

// Every administration room, grouped as an administrator thinks of them.
const GROUPS = [
  {
    key: "organisation",
    links: [
      ["organisation", "/can-bo/quan-tri/to-chuc"],
      ["import", "/can-bo/quan-tri/to-chuc/nhap"],
      ["reorganisation", "/can-bo/quan-tri/sap-xep"],
    ],
  },
  {
    key: "rules",
    links: [
      ["routing", "/can-bo/quan-tri/dinh-tuyen"],
      ["deadlines", "/can-bo/quan-tri/thoi-han"],
      ["holidays", "/can-bo/quan-tri/ngay-nghi"],
      ["categories", "/can-bo/quan-tri/linh-vuc"],
      ["duty", "/can-bo/tiep-cong-dan/nhiem-vu"],
    ],
  },
  {
    key: "people",
    links: [
      ["people", "/can-bo/quan-tri/nguoi-dung"],
      ["open311", "/can-bo/open311"],
      ["failedMail", "/can-bo/thu-loi"],
    ],
  },
] as const;

export default async function AdministrationPage() {
  const viewer = await requireStaffPage("/can-bo/quan-tri");
  if (!hasRole(viewer, "admin")) forbidden();
  const t = await getTranslations("admin");
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-prose text-zinc-700">{t("intro")}</p>
      </header>
      {GROUPS.map((group) => (
        <section key={group.key} aria-labelledby={`nhom-${group.key}`} className="space-y-3">
          <h2 id={`nhom-${group.key}`} className="text-xl font-semibold">
            {t(`groups.${group.key}`)}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {group.links.map(([key, href]) => (
              <li key={key} className="card">
                <Link href={href} className="font-semibold text-blue-800 underline underline-offset-2">
                  {t(`links.${key}.title`)}
                </Link>
                <p className="mt-1 text-sm text-zinc-700">{t(`links.${key}.text`)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
