import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

/** The officers a government site must name (GIGW 3.0). In the demonstration they are fictional, and say so. */
const OFFICERS = ["grievance", "dataProtection"] as const;
const FIELDS = ["role", "email", "address", "response"] as const;
/** Addresses are not translated; the .example domain cannot receive mail, as befits a demonstration. */
const EMAIL = {
  general: "contact@samvad.example",
  grievance: "grievance@samvad.example",
  dataProtection: "privacy@samvad.example",
} as const;
const link = "text-blue-900 underline underline-offset-4";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("sitePages.contact"))("title") };
}

export default async function ContactPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("sitePages.contact");
  const tf = await getTranslations("footer");
  return (
    <article className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4 text-lg">{t("intro")}</p>
      <p className="mt-4 rounded border-2 border-amber-700 bg-amber-50 p-3 font-medium text-amber-950" data-testid="demo-contacts">
        {t("demoNote")}
      </p>
      <section aria-labelledby="general-heading" className="mt-8">
        <h2 id="general-heading" className="text-xl font-bold text-blue-950">
          {t("general.heading")}
        </h2>
        <p className="mt-2">{t("general.body")}</p>
        <p className="mt-2">
          <Link href="/feedback" className={link}>
            {tf("feedback")}
          </Link>
          {" · "}
          <a href={`mailto:${EMAIL.general}`} className={link}>
            {EMAIL.general}
          </a>
        </p>
      </section>
      {OFFICERS.map((o) => (
        <section key={o} id={o} aria-labelledby={`${o}-heading`} className="mt-8" data-testid={`officer-${o}`}>
          <h2 id={`${o}-heading`} className="text-xl font-bold text-blue-950">
            {t(`${o}.heading`)}
          </h2>
          <p className="mt-2">{t(`${o}.duty`)}</p>
          <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t("labels.name")}</dt>
            <dd>{t(`${o}.name`)}</dd>
            {FIELDS.map((f) => (
              <div key={f} className="contents">
                <dt className="font-semibold">{t(`labels.${f}`)}</dt>
                <dd className={f === "address" ? "whitespace-pre-line" : undefined}>
                  {f === "email" ? (
                    <a href={`mailto:${EMAIL[o]}`} className={link} lang="en">
                      {EMAIL[o]}
                    </a>
                  ) : (
                    t(`${o}.${f}`)
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="mt-8">
        <Link href="/privacy" className={link}>
          {tf("privacy")}
        </Link>
      </p>
    </article>
  );
}
