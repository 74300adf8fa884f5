import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SectionIndex, TextSections } from "@/components/site-pages/text-sections";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listPublicConsultationsWithSections } from "@/db/queries/site-pages";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

const SECTIONS = ["copyright", "hyperlinking", "privacy", "terms", "archival", "moderation"] as const;
const link = "text-blue-900 underline underline-offset-4";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("sitePages.policies"))("title") };
}

/** One page with every website policy, each with its own anchor (/policies#privacy), so each can be linked to. */
export default async function PoliciesPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations("sitePages.policies");
  const tf = await getTranslations("footer");
  const consultations = await listPublicConsultationsWithSections(await getDb());
  return (
    <article className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4 text-lg">{t("intro")}</p>
      <SectionIndex t={t} keys={SECTIONS} label={t("onThisPage")} />
      <TextSections
        t={t}
        keys={SECTIONS}
        extra={{
          privacy: (
            <p>
              <Link href="/privacy" className={link}>
                {tf("privacy")}
              </Link>
            </p>
          ),
          moderation: (
            <ul className="list-disc space-y-3 pl-6" data-testid="moderation-policies">
              {consultations.map((c) => {
                const title = localised(locale, c.title, c.titleHi);
                return (
                  <li key={c.slug}>
                    <span lang={title.lang} className="font-semibold">
                      {title.text}
                    </span>
                    <span className="block">
                      <Link href={`/consultations/${c.slug}/moderation-policy`} className={link}>
                        {tf("moderationPolicy")}
                      </Link>
                      {" · "}
                      <Link href={`/consultations/${c.slug}/ledger`} className={link}>
                        {tf("moderationLedger")}
                      </Link>
                    </span>
                  </li>
                );
              })}
            </ul>
          ),
        }}
      />
    </article>
  );
}
