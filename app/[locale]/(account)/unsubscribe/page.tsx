import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { readUnsubscribeToken } from "@/lib/email/unsubscribe";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string | string[]; unsubscribed?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("unsubscribe"))("title") };
}

/**
 * Where an unsubscribe link opened in a browser lands. Needs no sign-in and no script: a plain form posts the
 * RFC 8058 body to the same link. Opening the page changes nothing (mail scanners open links).
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("unsubscribe");
  const te = await getTranslations("email");
  const { token, unsubscribed } = await searchParams;
  const value = (Array.isArray(token) ? token[0] : token) ?? "";
  const claim = readUnsubscribeToken(value);
  const what = claim ? te(`preference.${claim.kind}`) : "";
  return (
    <div className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      {!claim ? (
        <p className="mt-2" data-testid="unsubscribe-invalid">
          {t("invalid")}
        </p>
      ) : unsubscribed ? (
        <Notice tone="success" testId="unsubscribed">
          {t("done", { what })}
        </Notice>
      ) : (
        <form method="post" action={`/api/unsubscribe?token=${encodeURIComponent(value)}`} className="mt-4" data-testid="unsubscribe-form">
          <p className="mb-4">{t("intro", { what })}</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <input type="hidden" name="page" value="1" />
          <button
            type="submit"
            className="inline-flex min-h-11 cursor-pointer items-center rounded bg-blue-800 px-5 py-2 font-semibold text-white hover:bg-blue-900"
          >
            {t("button")}
          </button>
        </form>
      )}
      <p className="mt-6">
        <Link href="/notifications/settings" className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t("settingsLink")}
        </Link>
      </p>
    </div>
  );
}
