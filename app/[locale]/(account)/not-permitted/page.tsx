import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("forbidden"))("title"), robots: { index: false } };
}

/**
 * Where a signed-in person lands from a page their role does not open (lib/auth/guards.ts); visitors are sent to
 * sign in instead. A page of its own rather than Next's forbidden() boundary, which renders nothing without
 * JavaScript.
 */
export default async function NotPermittedPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("forbidden");
  return (
    <div className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4" data-testid="forbidden">
        {t("body")}
      </p>
      <p className="mt-4">
        <Link href="/" className="text-blue-900 underline underline-offset-4">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
