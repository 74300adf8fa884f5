import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsultationTabs } from "@/components/consultation-admin/consultation-tabs";
import { ScheduleForm } from "@/components/consultation-admin/schedule-form";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { COMMENT_PERIOD_MIN_DAYS } from "@/lib/limits";
import { requireRole } from "@/lib/auth/guards";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { isCommentPeriodShort, toIndiaDateInput, toIndiaDateTimeInput } from "@/lib/rules/schedule";
import { consultationOr404 } from "../../admin-data";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("consultationAdmin"))("scheduleTitle") };
}

/** Admins only: the comment period, the counter-comment window and the summary's due date, in India time. */
export default async function ScheduleConsultationPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole("admin");
  const db = await getDb();
  const c = await consultationOr404(db, (await params).id);
  const t = await getTranslations("consultationAdmin");
  const initial = {
    opensAt: toIndiaDateTimeInput(c.opensAt),
    closesAt: toIndiaDateTimeInput(c.closesAt),
    counterClosesAt: c.counterClosesAt ? toIndiaDateTimeInput(c.counterClosesAt) : "",
    summaryDueAt: c.summaryDueAt ? toIndiaDateInput(c.summaryDueAt) : "",
  };
  return (
    <div>
      <PageHeading>{t("scheduleTitle")}</PageHeading>
      <p className="mt-2 text-lg">{localised(locale, c.title, c.titleHi).text}</p>
      <ConsultationTabs id={c.id} slug={c.slug} current="schedule" />
      <div className="mt-6">
        {c.status === "closed" ? (
          <p className="max-w-prose">{t("closedNoEdits")}</p>
        ) : (
          <ScheduleForm consultationId={c.id} initial={initial} short={isCommentPeriodShort(c, COMMENT_PERIOD_MIN_DAYS)} />
        )}
      </div>
    </div>
  );
}
