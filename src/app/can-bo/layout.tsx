import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function StaffLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["workspace"]}>{children}</ClientMessages>;
}
