import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/email/reset-password-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("passwordReset"))("resetTitle") };
}

/** Where the emailed link lands. Opening it changes nothing; the form does, once. */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("passwordReset");
  const { token } = await searchParams;
  const value = Array.isArray(token) ? token[0] : token;
  return (
    <div className="max-w-prose">
      <PageHeading>{t("resetTitle")}</PageHeading>
      {value ? (
        <>
          <p className="mt-2">{t("resetIntro")}</p>
          <ClientMessages namespaces={["passwordReset", "signUp"]}>
            <ResetPasswordForm token={value} />
          </ClientMessages>
        </>
      ) : (
        <p className="mt-2" data-testid="no-token">
          {t("noToken")}{" "}
          <Link href="/forgot-password" className="text-blue-900 underline">
            {t("askAgain")}
          </Link>
        </p>
      )}
    </div>
  );
}
