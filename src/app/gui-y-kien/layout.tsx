import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function IntakeLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["intake", "kinds"]}>{children}</ClientMessages>;
}
