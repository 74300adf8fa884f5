import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { PRIVACY_NOTICE_ITEMS, PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("privacy"))("title") };
}

/**
 * Each item of personal data held, in the notice's table (DPDP Act 2023, s. 5: itemised, with its purpose). The
 * list is the one "download my data" is checked against (DOWNLOAD_SECTIONS), so the two say the same.
 */
const ITEMS = PRIVACY_NOTICE_ITEMS;
const RIGHTS = ["rightsAccess", "rightsCorrect", "rightsErase", "rightsComplain", "rightsNominate"] as const;
const link = "text-blue-900 underline underline-offset-4";

export default async function PrivacyPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("privacy");
  return (
    <article className="max-w-4xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 text-sm text-slate-700" data-testid="notice-version">
        {t("version", { version: PRIVACY_NOTICE_VERSION })}
      </p>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      <section aria-labelledby="items-heading" className="mt-6">
        <h2 id="items-heading" className="text-xl font-bold">
          {t("itemsHeading")}
        </h2>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full border-collapse text-sm" data-testid="privacy-items">
            <caption className="sr-only">{t("itemsCaption")}</caption>
            <thead>
              <tr className="border-b-2 border-slate-700 text-left">
                <th scope="col" className="py-2 pr-3">
                  {t("colItem")}
                </th>
                <th scope="col" className="px-2 py-2">
                  {t("colPurpose")}
                </th>
                <th scope="col" className="py-2 pl-2">
                  {t("colRetention")}
                </th>
              </tr>
            </thead>
            <tbody>
              {ITEMS.map((i) => (
                <tr key={i} className="border-b border-slate-300 align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-semibold">
                    {t(`items.${i}.item`)}
                  </th>
                  <td className="px-2 py-2">{t(`items.${i}.purpose`)}</td>
                  <td className="py-2 pl-2">{t(`items.${i}.retention`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="public-heading" className="mt-6 max-w-prose">
        <h2 id="public-heading" className="text-xl font-bold">
          {t("publicHeading")}
        </h2>
        <p className="mt-2">{t("public")}</p>
      </section>
      <section aria-labelledby="rights-heading" className="mt-6 max-w-prose">
        <h2 id="rights-heading" className="text-xl font-bold">
          {t("rightsHeading")}
        </h2>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          {RIGHTS.map((r) => (
            <li key={r}>{t(r)}</li>
          ))}
        </ul>
        <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/my-data" className={link}>
            {t("myDataLink")}
          </Link>
          <Link href="/grievance" className={link}>
            {t("grievanceLink")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="children-heading" className="mt-6 max-w-prose">
        <h2 id="children-heading" className="text-xl font-bold">
          {t("childrenHeading")}
        </h2>
        <p className="mt-2">{t("children")}</p>
      </section>
    </article>
  );
}
