import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { getDb } from "@/db/client";
import { DEFAULT_BOOKING_CAPACITY } from "@/domain/reception/vocabulary";
import { requireStaffPage } from "@/server/auth/require-staff";
import { plannablePositions } from "@/server/reception/calendar/add-reception-day";
import { PlanForm } from "../plan-form";
import { addDayAction } from "./add-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reception.add"))("title"), robots: { index: false } };
}

export default async function AddReceptionDayPage() {
  const viewer = await requireStaffPage("/can-bo/tiep-cong-dan/them");
  const [db, t, rawLocale] = await Promise.all([getDb(), getTranslations("reception.add"), getLocale()]);
  const en = rawLocale === "en";
  const positions = await plannablePositions(db, viewer);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/can-bo/tiep-cong-dan" className="underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="text-zinc-700">{t("intro")}</p>
      {positions.length === 0 ? (
        <p>{t("noPositions")}</p>
      ) : (
        <ClientMessages namespaces={["reception"]}>
          <PlanForm
            action={addDayAction}
            hidden={{}}
            reloadHref="/can-bo/tiep-cong-dan/them"
            submit={t("submit")}
            fields={[
              {
                name: "positionId",
                label: t("position"),
                type: "select",
                defaultValue: positions.length === 1 ? positions[0]!.id : "",
                options: [
                  ...(positions.length === 1 ? [] : [{ value: "", label: t("choosePosition") }]),
                  ...positions.map((p) => ({ value: p.id, label: `${en ? p.titleEn : p.title} (${en ? p.unitNameEn : p.unitName})` })),
                ],
              },
              { name: "date", label: t("date"), type: "date", hint: t("dateHint") },
              { name: "startTime", label: t("startTime"), type: "time", hint: t("timeHint"), defaultValue: positions[0]!.startTime },
              { name: "endTime", label: t("endTime"), type: "time", defaultValue: positions[0]!.endTime },
              { name: "place", label: t("place"), type: "text", hint: t("placeHint"), maxLength: 300 },
              { name: "plannedContent", label: t("content"), type: "textarea", maxLength: 3000 },
              { name: "capacity", label: t("capacity"), type: "number", defaultValue: String(DEFAULT_BOOKING_CAPACITY) },
            ]}
          />
        </ClientMessages>
      )}
    </div>
  );
}
