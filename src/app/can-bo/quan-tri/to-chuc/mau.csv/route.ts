import { forbidden } from "next/navigation";
import { hasRole } from "@/server/auth/roles";
import { requireStaffPage } from "@/server/auth/require-staff";
import { demoTemplateCsv } from "@/server/organisation-import/demo-template";

/** The import template: the documented columns with the demo sample as example rows (CSV UTF-8, commas). */
export async function GET(): Promise<Response> {
  const viewer = await requireStaffPage("/can-bo/quan-tri/to-chuc/nhap");
  if (!hasRole(viewer, "admin")) forbidden();
  return new Response(demoTemplateCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="mau-dia-ban-don-vi.csv"',
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
