import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { EraseAccountForm } from "@/components/privacy/erase-account-form";
import { requireUser } from "@/lib/auth/guards";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("myData"))("title") };
}

/** The data principal's rights in one place (DPDP Act 2023, ss. 11–12): see everything held, or erase it. */
export default async function MyDataPage({ params }: Props) {
  await pageLocale(params);
  await requireUser();
  const t = await getTranslations("myData");
  const tp = await getTranslations("privacy");
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 max-w-prose">
        {t("intro")}{" "}
        <Link href="/privacy" className="text-blue-900 underline underline-offset-4">
          {tp("title")}
        </Link>
      </p>

      <section aria-labelledby="download-heading" className="mt-8">
        <h2 id="download-heading" className="text-2xl font-bold">
          {t("downloadHeading")}
        </h2>
        <p className="mt-1 max-w-prose">{t("downloadText")}</p>
        <p className="mt-3">
          {/* A plain link: the route answers with an attachment, so the browser downloads it. */}
          <a
            href="/api/me/data"
            download
            className="inline-flex min-h-11 items-center rounded border-2 border-blue-800 px-5 font-semibold text-blue-900 hover:bg-blue-50"
            data-testid="download-my-data"
          >
            {t("downloadLink")}
          </a>
        </p>
      </section>

      <section aria-labelledby="erase-heading" className="mt-10 rounded border-2 border-red-800 p-4">
        <h2 id="erase-heading" className="text-2xl font-bold">
          {t("eraseHeading")}
        </h2>
        <p className="mt-1 max-w-prose">{t("eraseIntro")}</p>
        <p className="mt-2 mb-4 max-w-prose">{t("eraseKeeps")}</p>
        <ClientMessages namespaces={["myData"]}>
          <EraseAccountForm />
        </ClientMessages>
      </section>
    </div>
  );
}
