import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/server/auth/require-staff";
import { schedulingUnits } from "@/server/dialogue/schedule-session";
import { scheduleAction } from "./actions";
import { sessionFormOptions } from "./form-options";
import { SessionForm } from "./session-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dialogue.form"))("pageTitle"), robots: { index: false } };
}

export default async function ScheduleSessionPage() {
  const viewer = await requireStaffPage("/can-bo/doi-thoai/moi");
  const units = schedulingUnits(viewer);
  // Only a unit's intake officers and leaders schedule its sessions.
  if (units.length === 0) forbidden();
  const [db, t, locale] = await Promise.all([getDb(), getTranslations("dialogue.form"), getLocale()]);
  const options = await sessionFormOptions(db);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/can-bo/doi-thoai" className="underline underline-offset-4">
          ← {t("cancel")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("pageTitle")}</h1>
      <p className="text-zinc-700">{t("intro")}</p>
      <div className="card">
        <ClientMessages namespaces={["dialogue"]}>
          <SessionForm
            mode="schedule"
            action={scheduleAction}
            units={units.map((u) => ({ value: u.unitId, label: locale === "en" ? u.unitNameEn : u.unitName }))}
            areas={options.areas}
            leaders={options.leaders}
            defaults={{ kind: "dialogue", startTime: "08:00", endTime: "11:00" }}
          />
        </ClientMessages>
      </div>
    </div>
  );
}
