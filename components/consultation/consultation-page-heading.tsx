import type { ReactNode } from "react";
import { PageHeading } from "@/components/ui/page-heading";
import type { ConsultationStatus } from "@/lib/limits";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { ConsultationLinks, type ConsultationPage } from "./consultation-links";
import { DraftBanner } from "./draft-banner";
import { HindiPending } from "./hindi-pending";
import { LastUpdated } from "./last-updated";

/**
 * A consultation's sub-page (registry, ledger, policy, report): the draft banner for staff, the way back to the
 * consultation, the page's title, the links every consultation page carries, "Hindi version pending" where the
 * Hindi page falls back to English, and when the content last changed.
 */
export function ConsultationPageHeading({
  slug,
  title,
  children,
  locale,
  page,
  consultation,
  updatedAt,
}: {
  slug: string;
  title: { text: string; lang?: string };
  children: ReactNode;
  locale: Locale;
  page: Exclude<ConsultationPage, "overview">;
  consultation: { status: ConsultationStatus; hindiPendingUntil: Date | null; showReport: boolean };
  updatedAt: Date | null;
}) {
  return (
    <>
      <DraftBanner status={consultation.status} />
      <p>
        <Link href={`/consultations/${slug}`} className="text-blue-900 underline" lang={title.lang}>
          {title.text}
        </Link>
      </p>
      <div className="mt-3">
        <PageHeading>{children}</PageHeading>
      </div>
      <ConsultationLinks slug={slug} current={page} showReport={consultation.showReport} />
      {locale === "hi" ? <HindiPending until={consultation.hindiPendingUntil} locale={locale} /> : null}
      <LastUpdated date={updatedAt} locale={locale} className="mt-1" />
    </>
  );
}
