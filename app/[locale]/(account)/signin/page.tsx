import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignInForm } from "@/components/account/sign-in-form";
import { PageHeading } from "@/components/ui/page-heading";
import { demoAccounts, DEMO_PASSWORD, type DemoAccount } from "@/db/seed-accounts";
import { isDemoMode } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { safeRedirectPath } from "@/lib/rules/safe-redirect";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ callbackUrl?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { callbackUrl } = await searchParams;
  const safeCallback = safeRedirectPath(callbackUrl, "") || undefined;
  if (await getCurrentUser()) redirect(safeCallback ?? `/${locale}/profile`);
  const t = await getTranslations("signIn");
  const tg = await getTranslations("groups");
  const tr = await getTranslations("roles");
  // What the seeded membership makes of the account: a role says what one may do on the platform, so a
  // representative who may sign for an organisation is a participant whose membership carries that authority.
  const org = (chunks: ReactNode) => <span lang="en">{chunks}</span>;
  const standing = (a: DemoAccount) => {
    if (!a.organisation) return null;
    const key = !a.membershipVerified ? "demoMemberUnverified" : a.maySign ? "demoMaySign" : "demoMember";
    return <> · {t.rich(key, { organisation: a.organisation, org })}</>;
  };
  return (
    <div>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 mb-6">{t("intro")}</p>
      <SignInForm callbackUrl={safeCallback} />
      <p className="mt-4">
        <Link href="/forgot-password" className="inline-flex min-h-11 items-center text-blue-900 underline underline-offset-4">
          {(await getTranslations("passwordReset"))("forgotLink")}
        </Link>
      </p>
      <p className="mt-6">
        {t("noAccount")}{" "}
        <Link href="/signup" className="text-blue-900 underline underline-offset-4">
          {t("createAccount")}
        </Link>
      </p>
      {isDemoMode() ? (
        <section
          aria-labelledby="demo-heading"
          className="mt-10 rounded border-2 border-amber-600 bg-amber-50 p-4"
          data-testid="demo-accounts"
        >
          <h2 id="demo-heading" className="text-xl font-bold">
            {t("demoHeading")}
          </h2>
          <p className="mt-2">{t("demoIntro", { password: DEMO_PASSWORD })}</p>
          <table className="mt-3 w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-4">
                  {t("demoAccount")}
                </th>
                <th scope="col" className="py-1">
                  {t("demoRole")}
                </th>
              </tr>
            </thead>
            <tbody>
              {demoAccounts.map((a) => (
                <tr key={a.key} className="border-t border-amber-300">
                  <td className="py-1 pr-4 font-mono break-all" lang="en">
                    {a.email}
                  </td>
                  <td className="py-1" data-testid="demo-account-role">
                    {tr(a.role)} · {tg(a.stakeholderGroup)}
                    {standing(a)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
