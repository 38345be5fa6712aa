import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { isStaff } from "@/server/auth/roles";
import { getViewer } from "@/server/auth/viewer";
import { signInFormCopy } from "./sign-in-copy";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const viewer = await getViewer();
  if (viewer) redirect(isStaff(viewer) ? "/can-bo" : "/");
  const [t, copy] = await Promise.all([getTranslations("signIn"), signInFormCopy()]);
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <div className="card space-y-4">
        <p>{t("intro")}</p>
        <SignInForm copy={copy} callbackUrl={callbackUrl} initialError={error ? "linkInvalid" : undefined} />
      </div>
      <section className="text-zinc-700">
        <h2 className="mb-1 font-semibold">{t("whyTitle")}</h2>
        <p>{t("why")}</p>
      </section>
    </div>
  );
}
