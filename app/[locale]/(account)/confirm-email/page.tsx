import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmEmailForm } from "@/components/account/email-confirmation-forms";
import { Notice } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string | string[]; confirmed?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("emailConfirmation"))("title") };
}

/** Where the emailed link lands. Needs no sign-in: the link is the proof that the mailbox was reached. */
export default async function ConfirmEmailPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("emailConfirmation");
  const { token, confirmed } = await searchParams;
  const value = Array.isArray(token) ? token[0] : token;
  return (
    <div className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      {confirmed ? (
        <>
          <Notice tone="success" testId="email-confirmed">
            {t("done")}
          </Notice>
          <p>
            <Link href="/profile" className="inline-flex min-h-11 items-center text-blue-900 underline">
              {t("toProfile")}
            </Link>
          </p>
        </>
      ) : value ? (
        <>
          <p className="mt-2">{t("intro")}</p>
          <ConfirmEmailForm token={value} />
        </>
      ) : (
        <p className="mt-2" data-testid="no-token">
          {t("noToken")}
        </p>
      )}
    </div>
  );
}
