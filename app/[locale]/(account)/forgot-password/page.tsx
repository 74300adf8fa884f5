import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/email/forgot-password-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("passwordReset"))("forgotTitle") };
}

export default async function ForgotPasswordPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("passwordReset");
  return (
    <div className="max-w-prose">
      <PageHeading>{t("forgotTitle")}</PageHeading>
      <p className="mt-2">{t("forgotIntro")}</p>
      <ClientMessages namespaces={["passwordReset"]}>
        <ForgotPasswordForm />
      </ClientMessages>
      <p className="mt-6">
        <Link href="/signin" className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </div>
  );
}
