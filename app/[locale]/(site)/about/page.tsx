import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TextSections } from "@/components/site-pages/text-sections";
import { PageHeading } from "@/components/ui/page-heading";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

const SECTIONS = ["purpose", "process", "owners", "commitments"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("sitePages.about"))("title") };
}

export default async function AboutPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("sitePages.about");
  return (
    <article className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4 text-lg">{t("intro")}</p>
      <TextSections t={t} keys={SECTIONS} />
    </article>
  );
}
