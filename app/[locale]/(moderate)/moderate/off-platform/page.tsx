import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/layout/client-messages";
import { ConsultationPicker } from "@/components/moderation/consultation-picker";
import { OffPlatformForm } from "@/components/moderation/off-platform-form";
import { Notice } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { getStaffConsultation, listConsultations } from "@/db/queries/consultations";
import { getEnteredSubmission, getOffPlatformTarget, listOffPlatformSections } from "@/db/queries/off-platform";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { positiveInt } from "@/lib/i18n/search-params";
import { intakeEndsAt } from "@/lib/rules/consultation-phase";
import { referenceNumber } from "@/lib/rules/reference-number";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ consultation?: string; entered?: string }> };

/** A day in India as a date input writes it (YYYY-MM-DD). */
const indianDay = (d: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("offPlatform"))("title") };
}

/** Moderators and admins enter submissions that arrived by post, email or at a meeting. */
export default async function OffPlatformPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  await requireStaff();
  const db = await getDb();
  const sp = await searchParams;
  const staffConsultation = await getStaffConsultation(db, sp.consultation);
  const consultation = staffConsultation ? await getOffPlatformTarget(db, staffConsultation.slug) : undefined;
  if (!consultation) notFound();
  const [sections, consultations] = await Promise.all([listOffPlatformSections(db, consultation.id), listConsultations(db)]);
  const enteredId = positiveInt(sp.entered);
  const entered = enteredId ? await getEnteredSubmission(db, { commentId: enteredId, consultationId: consultation.id }) : undefined;
  const t = await getTranslations("offPlatform");
  const now = new Date();
  const lastInstant = new Date(Math.min(now.getTime(), intakeEndsAt(consultation).getTime() - 1));
  const taking = consultation.status === "open" && consultation.opensAt <= now;
  return (
    <div>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 max-w-prose">{t("intro")}</p>
      <p className="mt-2">
        <Link href={`/moderate?consultation=${consultation.slug}`} className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t("backToQueue")}
        </Link>
      </p>
      <ConsultationPicker path="/moderate/off-platform" current={consultation.slug} consultations={consultations} locale={locale} />
      {entered ? (
        <div className="mt-6">
          <Notice tone="success" testId="off-platform-entered">
            <p>{t("enteredFrom", { name: entered.submitterName, channel: t(`channels.${entered.channel}`) })}</p>
            <p className="mt-1">
              {t("referenceLabel")}{" "}
              <strong data-testid="off-platform-reference">
                {referenceNumber(entered.referencePrefix, entered.id, entered.createdAt)}
              </strong>
            </p>
            <p className="mt-1">
              <Link href={`/comments/${entered.id}`} className="text-blue-900 underline">
                {t("openEntered")}
              </Link>
            </p>
          </Notice>
        </div>
      ) : null}
      <div className="mt-6">
        {taking ? (
          <ClientMessages namespaces={["offPlatform", "groups", "stances", "languages"]}>
            <OffPlatformForm
              consultationSlug={consultation.slug}
              sections={sections.map((s) => {
                const title = localised(locale, s.title, s.titleHi);
                return { id: s.id, label: t("sectionOption", { n: s.position, title: title.text }), lang: title.lang ?? locale };
              })}
              formToken={crypto.randomUUID()}
              firstDay={indianDay(consultation.opensAt)}
              lastDay={indianDay(lastInstant)}
              firstDayText={formatDate(consultation.opensAt, locale)}
              lastDayText={formatDate(lastInstant, locale)}
            />
          </ClientMessages>
        ) : (
          <p data-testid="off-platform-not-taking">{consultation.status === "closed" ? t("closedNote") : t("notOpenNote")}</p>
        )}
      </div>
    </div>
  );
}
