import type { MetadataRoute } from "next";
import { getDb } from "@/db/client";
import { listPublicAnswersForSitemap } from "@/server/publication/get-public-answer";
import { siteUrl } from "@/server/publication/public-urls";

// Read from the database on each request: a new answer is listed once published.
export const dynamic = "force-dynamic";

/** The public pages worth indexing: the published answers (newest first) and the public calendars and lists. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const answers = await listPublicAnswersForSitemap(await getDb());
  const fixed: MetadataRoute.Sitemap = ["/", "/cong-khai", "/doi-thoai", "/tiep-cong-dan", "/cam-ket", "/thong-ke"].map((path) => ({
    url: siteUrl(path),
    changeFrequency: "daily",
  }));
  return [...fixed, ...answers.map((a) => ({ url: siteUrl(`/cong-khai/${a.id}`), lastModified: a.updatedAt, changeFrequency: "monthly" as const }))];
}
