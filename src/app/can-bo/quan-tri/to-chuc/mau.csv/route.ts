import { forbidden } from "next/navigation";
import { getDb } from "@/db/client";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { demoTemplateCsv } from "@/server/organisation-import/demo-template";
import { exportOrganisationCsv } from "@/server/organisation-import/export-organisation";

/**
 * The import template: the documented columns with the demo sample as example rows (CSV UTF-8, commas). With
 * `?hien-co=1`, the areas and units stored now, in the same format, to edit and import again.
 */
export async function GET(request: Request): Promise<Response> {
  const viewer = await requireStaffPage("/can-bo/quan-tri/to-chuc/nhap");
  if (!hasRole(viewer, "admin")) forbidden();
  const current = new URL(request.url).searchParams.get("hien-co") === "1";
  const csv = current ? await exportOrganisationCsv(await getDb(), viewer) : demoTemplateCsv();
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${current ? "dia-ban-don-vi-hien-co.csv" : "mau-dia-ban-don-vi.csv"}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
