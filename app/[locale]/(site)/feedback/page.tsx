import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { FeedbackForm } from "@/components/feedback/feedback-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { getCurrentUser } from "@/lib/auth/session";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("feedback"))("title") };
}

/** The page the sender came from (the footer's link is on every page), if it was one of ours. */
async function referringPath(): Promise<string> {
  const h = await headers();
  const referer = h.get("referer");
  if (!referer) return "";
  try {
    const url = new URL(referer);
    if (url.host !== h.get("host") || url.pathname.endsWith("/feedback")) return "";
    return url.pathname;
  } catch {
    return "";
  }
}

export default async function FeedbackPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("feedback");
  const [pagePath, user] = await Promise.all([referringPath(), getCurrentUser()]);
  return (
    <article className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4 text-lg">{t("intro")}</p>
      <p className="mt-2">{t("notForComments")}</p>
      <p className="mt-2 mb-6 text-sm text-slate-700">{user ? t("signedInNote") : t("privacyNote")}</p>
      <ClientMessages namespaces={["feedback"]}>
        <FeedbackForm formToken={crypto.randomUUID()} pagePath={pagePath} />
      </ClientMessages>
    </article>
  );
}
