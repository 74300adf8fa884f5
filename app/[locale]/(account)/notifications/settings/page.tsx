import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/email/preferences-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { getPreferences } from "@/db/queries/notifications";
import { requireUser } from "@/lib/auth/guards";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("notificationSettings"))("title") };
}

export default async function NotificationSettingsPage({ params }: Props) {
  await pageLocale(params);
  const user = await requireUser();
  const current = await getPreferences(await getDb(), user.id);
  const t = await getTranslations("notificationSettings");
  return (
    <div className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2">{t("intro")}</p>
      <ClientMessages namespaces={["notificationSettings"]}>
        <PreferencesForm current={current} />
      </ClientMessages>
      <p className="mt-6">
        <Link href="/notifications" className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
