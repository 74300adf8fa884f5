import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { SessionUser } from "@/db/queries/users";
import { STAFF_ROLES, type Role } from "@/lib/limits";
import { safeRedirectPath } from "@/lib/rules/safe-redirect";
import { RETURN_TO_HEADER } from "./return-to";
import { getCurrentUser } from "./session";

/** The page's signed-in user; a visitor is sent to sign in and brought back to this page afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const locale = await getLocale();
  const back = safeRedirectPath((await headers()).get(RETURN_TO_HEADER), `/${locale}`);
  redirect(`/${locale}/signin?callbackUrl=${encodeURIComponent(back)}`);
}

/** As requireUser, and a signed-in person without one of these roles is shown the "not permitted" page. */
export async function requireRole(...roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect(`/${await getLocale()}/not-permitted`);
  return user;
}

export function requireStaff(): Promise<SessionUser> {
  return requireRole(...STAFF_ROLES);
}
