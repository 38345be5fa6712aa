import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function FilerLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["filer"]}>{children}</ClientMessages>;
}
