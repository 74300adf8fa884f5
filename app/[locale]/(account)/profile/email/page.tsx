import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailChangeForm } from "@/components/email/email-change-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { requireUser } from "@/lib/auth/guards";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("emailChange"))("heading") };
}

export default async function ChangeEmailPage({ params }: Props) {
  await pageLocale(params);
  const user = await requireUser();
  const t = await getTranslations("emailChange");
  const tp = await getTranslations("profile");
  return (
    <div className="max-w-prose">
      <PageHeading>{t("heading")}</PageHeading>
      <p className="mt-2">
        {tp("emailLabel")}: <span lang="en">{user.email}</span>
      </p>
      <p className="mt-2 mb-4">{t("intro")}</p>
      <ClientMessages namespaces={["emailChange"]}>
        <EmailChangeForm />
      </ClientMessages>
      <p className="mt-6">
        <Link href="/profile" className="inline-flex min-h-11 items-center text-blue-900 underline">
          {tp("title")}
        </Link>
      </p>
    </div>
  );
}
