import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { env } from "@/env";
import { listServices } from "@/server/open311/list-services";
import { jurisdictionId, open311BaseUrl } from "@/server/open311/site";
import { Bullets, DocSection, DocTable, Example } from "./doc-parts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("open311.docs");
  return { title: t("title"), description: t("description"), alternates: { canonical: `${env().APP_URL}/du-lieu-mo/open311` } };
}

const SECTIONS = ["base", "endpoints", "services", "get", "post", "fields", "errors", "examples", "privacy", "keys"] as const;

/** The Open311 API's documentation: endpoints, services, arguments, field mapping, errors, curl examples, privacy, keys. */
export default async function Open311DocsPage() {
  const [t, db] = await Promise.all([getTranslations("open311.docs"), getDb()]);
  const services = await listServices(db);
  const base = open311BaseUrl();
  const jurisdiction = jurisdictionId();
  const f = (key: Parameters<typeof t>[0]) => t(key);
  const endpoints: string[][] = [
    ["GET", "discovery.{xml,json}", f("endpoints.discovery")],
    ["GET", "services.{xml,json}", f("endpoints.services")],
    ["GET", "services/{service_code}.{xml,json}", f("endpoints.definition")],
    ["GET", "requests.{xml,json}", f("endpoints.requestsGet")],
    ["POST", "requests.{xml,json}", f("endpoints.requestsPost")],
    ["GET", "requests/{service_request_id}.{xml,json}", f("endpoints.request")],
    ["GET", "tokens/{token}.{xml,json}", f("endpoints.token")],
  ];
  const fields: string[][] = [
    ["service_request_id", f("fields.service_request_id")],
    ["status", f("fields.status")],
    ["status_notes", f("fields.status_notes")],
    ["service_code, service_name", f("fields.service")],
    ["description", f("fields.description")],
    ["agency_responsible", f("fields.agency_responsible")],
    ["service_notice", f("fields.service_notice")],
    ["requested_datetime, updated_datetime, expected_datetime", f("fields.datetimes")],
    ["address, address_id", f("fields.address")],
    ["lat, long", f("fields.latlong")],
    ["zipcode, media_url", f("fields.empty")],
  ];
  const sample = services.find((s) => s.service_code === "report-environment")?.service_code ?? services[0]?.service_code ?? "report-environment";
  const examples = {
    services: `curl '${base}/services.json'`,
    requests: `curl '${base}/requests.xml?service_code=${sample}&status=open&start_date=2026-11-01T00:00:00%2B07:00&end_date=2026-11-30T23:59:59%2B07:00'`,
    post: [
      `curl -X POST '${base}/requests.json' \\`,
      `  --data-urlencode 'api_key=o311_…' \\`,
      `  --data-urlencode 'service_code=${sample}' \\`,
      `  --data-urlencode 'lat=13.9833' --data-urlencode 'long=108.0' \\`,
      `  --data-urlencode 'description=Bãi rác tự phát ven suối, bốc mùi từ một tuần nay.' \\`,
      `  --data-urlencode 'first_name=An' --data-urlencode 'last_name=Nguyễn' \\`,
      `  --data-urlencode 'email=an@example.com' \\`,
      `  --data-urlencode 'attribute[consent_publish]=true'`,
    ].join("\n"),
    token: `curl '${base}/tokens/TOKEN.json'`,
  };
  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <p>
          <Link href="/du-lieu-mo" className="underline underline-offset-4">
            {t("breadcrumb")}
          </Link>
        </p>
        <h1 className="text-3xl leading-tight font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-zinc-700">{t("intro")}</p>
      </section>

      <nav aria-label={t("toc")} className="card">
        <ol className="list-decimal space-y-1 pl-6">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s === "keys" ? "khoa-api" : s}`} className="underline underline-offset-4">
                {t(`${s}.heading`)}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <DocSection id="base" title={t("base.heading")}>
        <dl className="max-w-3xl space-y-2">
          <dt className="font-semibold">{t("base.url")}</dt>
          <dd className="font-mono break-all">{base}</dd>
          <dt className="font-semibold">{t("base.jurisdiction")}</dt>
          <dd className="font-mono break-all">{jurisdiction}</dd>
        </dl>
        <Bullets items={[t("base.formats"), t("base.times")]} />
      </DocSection>

      <DocSection id="endpoints" title={t("endpoints.heading")}>
        <DocTable region={t("endpoints.region")} caption={t("endpoints.caption")} head={[t("endpoints.method"), t("endpoints.path"), t("endpoints.what")]} rows={endpoints} mono={[0, 1]} />
      </DocSection>

      <DocSection id="services" title={t("services.heading")}>
        <Bullets items={[t("services.intro"), t("services.kinds"), t("services.excluded"), t("services.attributes")]} />
        <DocTable region={t("services.region")} caption={t("services.caption")} head={[t("services.code"), t("services.name")]} rows={services.map((s) => [s.service_code, s.service_name])} />
      </DocSection>

      <DocSection id="get" title={t("get.heading")}>
        <Bullets items={[t("get.service_request_id"), t("get.service_code"), t("get.dates"), t("get.status"), t("get.limit")]} />
      </DocSection>

      <DocSection id="post" title={t("post.heading")}>
        <Bullets items={[t("post.body"), t("post.api_key"), t("post.service_code"), t("post.location"), t("post.description"), t("post.person"), t("post.media"), t("post.ignored"), t("post.response")]} />
      </DocSection>

      <DocSection id="fields" title={t("fields.heading")}>
        <DocTable region={t("fields.region")} caption={t("fields.caption")} head={[t("fields.field"), t("fields.meaning")]} rows={fields} />
      </DocSection>

      <DocSection id="errors" title={t("errors.heading")}>
        <Bullets items={[t("errors.intro"), t("errors.400"), t("errors.403"), t("errors.404")]} />
        <Example label="XML" code={`<?xml version="1.0" encoding="UTF-8"?>\n<errors><error><code>403</code><description>api_key is not valid.</description></error></errors>`} />
      </DocSection>

      <DocSection id="examples" title={t("examples.heading")}>
        <Example label={t("examples.services")} code={examples.services} />
        <Example label={t("examples.requests")} code={examples.requests} />
        <Example label={t("examples.post")} code={examples.post} />
        <Example label={t("examples.token")} code={examples.token} />
      </DocSection>

      <DocSection id="privacy" title={t("privacy.heading")}>
        <Bullets items={[t("privacy.identity"), t("privacy.text"), t("privacy.place"), t("privacy.kinds")]} />
      </DocSection>

      <DocSection id="khoa-api" title={t("keys.heading")}>
        <ol className="max-w-3xl list-decimal space-y-2 pl-6 text-zinc-800">
          {(["step1", "step2", "step3", "step4"] as const).map((s) => (
            <li key={s}>{t(`keys.${s}`)}</li>
          ))}
        </ol>
      </DocSection>
    </div>
  );
}
