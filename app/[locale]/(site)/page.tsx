import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsultationList } from "@/components/consultation/consultation-list";
import { closedOn } from "@/components/consultation/phase-notice";
import { LastUpdated } from "@/components/consultation/last-updated";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listPublicConsultations } from "@/db/queries/consultations";
import { pageLocale } from "@/lib/i18n/page-locale";
import { consultationPhase, intakeEndsAt } from "@/lib/rules/consultation-phase";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("home"))("title") };
}

/**
 * Every public consultation: those taking contributions first (closing soonest first), then those about to open,
 * then the archive of closed rounds (latest first), which stay readable. Drafts are never listed here.
 */
export default async function HomePage({ params }: Props) {
  const locale = await pageLocale(params);
  const all = await listPublicConsultations(await getDb());
  const t = await getTranslations("home");
  const now = new Date();
  const phaseOf = (c: (typeof all)[number]) => consultationPhase(c, now);
  const open = all
    .filter((c) => phaseOf(c) === "comments" || phaseOf(c) === "counter_comments")
    .sort((a, b) => +intakeEndsAt(a) - +intakeEndsAt(b));
  const upcoming = all.filter((c) => phaseOf(c) === "upcoming").sort((a, b) => +a.opensAt - +b.opensAt);
  const archive = all.filter((c) => phaseOf(c) === "closed").sort((a, b) => +closedOn(b) - +closedOn(a));
  // The home page changes when any listed consultation does.
  const updatedAt = all.reduce<Date | null>((latest, c) => (c.updatedAt && (!latest || c.updatedAt > latest) ? c.updatedAt : latest), null);
  return (
    <div>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 max-w-prose text-lg">{t("intro")}</p>

      <section aria-labelledby="open-heading" className="mt-8">
        <h2 id="open-heading" className="text-2xl font-bold">
          {t("openHeading")}
        </h2>
        {open.length ? (
          <ConsultationList items={open} locale={locale} testId="open-consultations" />
        ) : (
          <p className="mt-2">{t("noneOpen")}</p>
        )}
      </section>

      {upcoming.length ? (
        <section aria-labelledby="upcoming-heading" className="mt-8">
          <h2 id="upcoming-heading" className="text-2xl font-bold">
            {t("upcomingHeading")}
          </h2>
          <ConsultationList items={upcoming} locale={locale} testId="upcoming-consultations" />
        </section>
      ) : null}

      <section aria-labelledby="archive-heading" className="mt-8">
        <h2 id="archive-heading" className="text-2xl font-bold">
          {t("archiveHeading")}
        </h2>
        <p className="mt-2 max-w-prose">{t("archiveIntro")}</p>
        {archive.length ? (
          <ConsultationList items={archive} locale={locale} testId="archived-consultations" />
        ) : (
          <p className="mt-2">{t("noneArchived")}</p>
        )}
      </section>
      <LastUpdated date={updatedAt} locale={locale} />
    </div>
  );
}
