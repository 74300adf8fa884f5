import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { pageLocale } from "@/lib/i18n/page-locale";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("privacy"))("title") };
}

const SECTIONS = ["collect", "public", "purpose", "retention", "rights"] as const;

export default async function PrivacyPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("privacy");
  return (
    <article className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 text-sm text-slate-700">{t("version", { version: PRIVACY_NOTICE_VERSION })}</p>
      <p className="mt-4 text-lg">{t("intro")}</p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`${s}-heading`} className="mt-6">
          <h2 id={`${s}-heading`} className="text-xl font-bold">
            {t(`${s}Heading`)}
          </h2>
          <p className="mt-2">{t(s)}</p>
        </section>
      ))}
    </article>
  );
}
