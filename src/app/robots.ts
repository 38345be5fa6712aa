import type { MetadataRoute } from "next";
import { siteUrl } from "@/server/publication/public-urls";

// Built from the configured site address at request time, not at build time.
export const dynamic = "force-dynamic";

/**
 * Search engines may read the public pages (published answers, calendars, statistics); never a case's status
 * page (its code is the filer's to share), the staff workspace, a filer's own pages, the inbox or the API.
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/tra-cuu", "/can-bo", "/ho-so-cua-toi", "/hop-thu", "/api"] },
    sitemap: siteUrl("/sitemap.xml"),
  };
}
