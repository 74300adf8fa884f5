import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SectionIndex, TextSections } from "@/components/site-pages/text-sections";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

const SECTIONS = ["signingIn", "commenting", "endorsing", "withdrawing", "language", "accessibility", "searching", "moreHelp"] as const;
const link = "text-blue-900 underline underline-offset-4";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("sitePages.help"))("title") };
}

export default async function HelpPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("sitePages.help");
  const tf = await getTranslations("footer");
  return (
    <article className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4 text-lg">{t("intro")}</p>
      <SectionIndex t={t} keys={SECTIONS} label={t("onThisPage")} />
      <TextSections
        t={t}
        keys={SECTIONS}
        extra={{
          accessibility: (
            <p>
              <Link href="/accessibility" className={link}>
                {tf("accessibility")}
              </Link>
            </p>
          ),
          moreHelp: (
            <ul className="list-disc space-y-1 pl-6">
              <li>
                <Link href="/feedback" className={link}>
                  {tf("feedback")}
                </Link>
              </li>
              <li>
                <Link href="/contact" className={link}>
                  {tf("contact")}
                </Link>
              </li>
            </ul>
          ),
        }}
      />
    </article>
  );
}
