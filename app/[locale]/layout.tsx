import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { ActionOutcome } from "@/components/layout/action-outcome";
import { ClientMessages } from "@/components/layout/client-messages";
import { devanagari } from "@/components/layout/fonts";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getDb } from "@/db/client";
import { getFooterConsultation } from "@/db/queries/site-pages";
import { getCurrentUser } from "@/lib/auth/session";
import { isDemoMode } from "@/lib/auth/config";
import { routing } from "@/lib/i18n/routing";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : "en", namespace: "meta" });
  return {
    title: { template: `%s | ${t("siteName")}`, default: t("siteName") },
    description: t("description"),
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Reading the session makes every page dynamic, which the per-request CSP nonce needs anyway.
  const [user, footerConsultation] = await Promise.all([getCurrentUser(), getDb().then(getFooterConsultation)]);
  return (
    <html lang={locale} className={devanagari.variable}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <ClientMessages>
          <SiteHeader locale={locale} user={user} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            <Suspense fallback={null}>
              <ActionOutcome />
            </Suspense>
            {children}
          </main>
          <SiteFooter demo={isDemoMode()} currentConsultation={footerConsultation?.slug ?? null} />
        </ClientMessages>
      </body>
    </html>
  );
}
