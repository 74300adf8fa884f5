import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listPublicConsultationsWithSections } from "@/db/queries/site-pages";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

const link = "text-blue-900 underline underline-offset-4";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("sitePages.sitemap"))("title") };
}

/** Every public page: the site's own, then each consultation that is not a draft with its pages and sections. */
export default async function SitemapPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations("sitePages.sitemap");
  const tf = await getTranslations("footer");
  const ts = await getTranslations("status");
  const consultations = await listPublicConsultationsWithSections(await getDb());
  const general: [string, string][] = [
    ["/", t("home")],
    ["/search", t("search")],
    ["/about", tf("aboutLink")],
    ["/contact", tf("contact")],
    ["/feedback", tf("feedback")],
    ["/help", tf("help")],
    ["/policies", tf("policies")],
    ["/privacy", tf("privacy")],
    ["/accessibility", tf("accessibility")],
    ["/open-data", tf("openData")],
    ["/signin", t("signIn")],
    ["/signup", t("signUp")],
  ];
  return (
    <article className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4 text-lg">{t("intro")}</p>
      <section aria-labelledby="general-heading" className="mt-8">
        <h2 id="general-heading" className="text-xl font-bold text-blue-950">
          {t("general")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {general.map(([href, label]) => (
            <li key={href}>
              <Link href={href} className={link}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="consultations-heading" className="mt-8" data-testid="sitemap-consultations">
        <h2 id="consultations-heading" className="text-xl font-bold text-blue-950">
          {t("consultations")}
        </h2>
        {consultations.map((c) => {
          const title = localised(locale, c.title, c.titleHi);
          const base = `/consultations/${c.slug}`;
          const pages: [string, string][] = [
            [`${base}/registry`, t("registry")],
            [`${base}/moderation-policy`, tf("moderationPolicy")],
            [`${base}/ledger`, tf("moderationLedger")],
            ...(c.status === "closed" ? ([[`${base}/report`, t("report")]] as [string, string][]) : []),
          ];
          return (
            <section key={c.slug} aria-labelledby={`c-${c.slug}`} className="mt-6">
              <h3 id={`c-${c.slug}`} className="text-lg font-semibold">
                <Link href={base} className={link}>
                  <span lang={title.lang}>{title.text}</span>
                </Link>{" "}
                <span className="text-base font-normal text-slate-700">({ts(c.status)})</span>
              </h3>
              <ul className="mt-2 list-disc space-y-1 pl-6">
                {pages.map(([href, label]) => (
                  <li key={href}>
                    <Link href={href} className={link}>
                      {label}
                    </Link>
                  </li>
                ))}
                {c.sections.length ? (
                  <li>
                    {t("sections")}
                    <ol className="mt-1 list-decimal space-y-1 pl-6">
                      {c.sections.map((s) => {
                        const st = localised(locale, s.title, s.titleHi);
                        return (
                          <li key={s.slug}>
                            <Link href={`${base}/principles/${s.slug}`} className={link}>
                              <span lang={st.lang}>{st.text}</span>
                            </Link>
                          </li>
                        );
                      })}
                    </ol>
                  </li>
                ) : null}
              </ul>
            </section>
          );
        })}
      </section>
    </article>
  );
}
