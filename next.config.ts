import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ATTACHMENT_LIMITS } from "./src/domain/file-type";
import { parseEnv } from "./src/env";

// Fail the build and the server fast on a malformed environment (secrets are checked at start-up).
parseEnv(process.env);

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // The custom server refuses larger bodies before reading them (src/server/http/body-limits.ts, "upload").
    serverActions: { bodySizeLimit: ATTACHMENT_LIMITS.maxTotalBytes + 1024 * 1024 },
    authInterrupts: true,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
