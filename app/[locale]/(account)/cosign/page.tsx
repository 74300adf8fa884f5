import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CosignRequestList } from "@/components/campaigns/cosign-requests";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listPendingCosignRequests } from "@/db/queries/cosigners";
import { requireUser } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("cosign"))("title") };
}

/** Joint submissions waiting for the answer of an organisation the viewer may sign for. */
export default async function CosignPage({ params }: Props) {
  const locale = await pageLocale(params);
  const user = await requireUser();
  const requests = await listPendingCosignRequests(await getDb(), user.id);
  const t = await getTranslations("cosign");
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 max-w-prose">{t("intro")}</p>
      <CosignRequestList requests={requests} locale={locale} />
    </div>
  );
}
