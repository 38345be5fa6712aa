import "server-only";
import { forbidden, redirect } from "next/navigation";
import { isStaff, type Viewer } from "./roles";
import { getViewer } from "./viewer";

/** For staff pages: anonymous visitors go to sign-in, citizens get 403. */
export async function requireStaffPage(path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(path)}`);
  if (!isStaff(viewer)) forbidden();
  return viewer;
}
