import type { ReactNode } from "react";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { EmailText } from "./i18n";

const brand = "#b91c1c";

/** The one layout every message shares: header, title, body, an action button with its address, footer. */
export function EmailLayout(props: {
  tx: EmailText;
  title: string;
  children: ReactNode;
  action?: { label: string; url: string };
  /** Non-essential messages: where to stop them. */
  preferencesUrl?: string;
}) {
  const { tx, title, children, action, preferencesUrl } = props;
  return (
    <Html lang={tx.locale}>
      <Head />
      <Preview>{title}</Preview>
      <Body style={{ margin: 0, backgroundColor: "#f4f4f5", fontFamily: "Arial, Helvetica, sans-serif", color: "#18181b" }}>
        <Container style={{ maxWidth: "560px", margin: "24px auto", backgroundColor: "#ffffff", borderRadius: "8px" }}>
          <Section style={{ padding: "16px 24px", backgroundColor: brand, color: "#ffffff", borderRadius: "8px 8px 0 0" }}>
            <Text style={{ margin: 0, fontSize: "18px", fontWeight: "bold", color: "#ffffff" }}>{tx.appName}</Text>
          </Section>
          <Section style={{ padding: "24px" }}>
            <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 16px" }}>
              {title}
            </Heading>
            {children}
            {action && (
              <>
                <Section style={{ margin: "24px 0 8px" }}>
                  <Button
                    href={action.url}
                    style={{ backgroundColor: brand, color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontWeight: "bold", textDecoration: "none" }}
                  >
                    {action.label}
                  </Button>
                </Section>
                {/* The button already carries the address in the plain-text version. */}
                <Text data-skip-in-text="true" style={{ fontSize: "13px", color: "#52525b", wordBreak: "break-all", margin: "0 0 8px" }}>
                  {tx.t("linkHint")} <Link href={action.url}>{action.url}</Link>
                </Text>
              </>
            )}
          </Section>
          <Hr style={{ margin: 0, borderColor: "#e4e4e7" }} />
          <Section style={{ padding: "16px 24px" }}>
            <Text style={{ fontSize: "12px", color: "#52525b", margin: 0 }}>{tx.t("footer")}</Text>
            {preferencesUrl && (
              <Text style={{ fontSize: "12px", color: "#52525b", margin: "8px 0 0" }}>
                <Link href={preferencesUrl} style={{ color: "#52525b", textDecoration: "underline" }}>
                  {tx.t("preferences")}
                </Link>
              </Text>
            )}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function P({ children, strong }: { children: ReactNode; strong?: boolean }) {
  return <Text style={{ fontSize: "16px", lineHeight: "1.5", margin: "0 0 12px", fontWeight: strong ? "bold" : "normal" }}>{children}</Text>;
}

/** Lines of facts (code, unit, deadline) set apart from the prose. */
export function Facts({ lines }: { lines: (string | null | false | undefined)[] }) {
  const shown = lines.filter((l): l is string => !!l);
  if (shown.length === 0) return null;
  return (
    <Section style={{ backgroundColor: "#f4f4f5", borderRadius: "6px", padding: "12px 16px", margin: "0 0 16px" }}>
      {shown.map((line) => (
        <Text key={line} style={{ fontSize: "15px", lineHeight: "1.5", margin: "0 0 4px" }}>
          {line}
        </Text>
      ))}
    </Section>
  );
}
