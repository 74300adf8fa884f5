import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listOrganisations } from "@/db/queries/organisations";
import { getCurrentUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { groupLabels, languageLabels, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("signUp"))("title") };
}

export default async function SignUpPage({ params }: Props) {
  const locale = await pageLocale(params);
  if (await getCurrentUser()) redirect(`/${locale}/profile`);
  const t = await getTranslations("signUp");
  const [organisations, groups, languages] = await Promise.all([listOrganisations(await getDb()), groupLabels(), languageLabels()]);
  return (
    <div>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 mb-6 max-w-prose">{t("intro")}</p>
      <SignUpForm organisations={organisations} groupLabels={groups} languageLabels={languages} defaultLanguage={locale} />
      <p className="mt-6">
        {t("haveAccount")}{" "}
        <Link href="/signin" className="text-blue-900 underline underline-offset-4">
          {t("signInLink")}
        </Link>
      </p>
    </div>
  );
}
