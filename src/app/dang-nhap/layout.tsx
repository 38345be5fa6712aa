import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["signIn"]}>{children}</ClientMessages>;
}
