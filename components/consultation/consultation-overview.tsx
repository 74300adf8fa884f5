import { getTranslations } from "next-intl/server";
import { Paragraphs } from "@/components/ui/prose";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { localised } from "@/lib/i18n/page-locale";
import { consultationPhase } from "@/lib/rules/consultation-phase";
import { ConsultationLinks } from "./consultation-links";
import { DraftBanner } from "./draft-banner";
import { HindiPending } from "./hindi-pending";
import { PhaseNotice } from "./phase-notice";
import { ScheduleTimeline } from "./schedule-timeline";
import type { ConsultationView, PrincipleLinkView } from "./view-types";

interface Props {
  locale: Locale;
  signedIn: boolean;
  consultation: ConsultationView;
  principles: (PrincipleLinkView & { position: number })[];
}

export async function ConsultationOverview({ locale, signedIn, consultation: c, principles }: Props) {
  const t = await getTranslations("home");
  const tc = await getTranslations("consultation");
  const title = localised(locale, c.title, c.titleHi);
  const description = localised(locale, c.description, c.descriptionHi);
  const showReport = consultationPhase(c, new Date()) === "closed";
  return (
    <article>
      <DraftBanner status={c.status} />
      <p className="font-semibold uppercase tracking-wide text-blue-900">{t("eyebrow")}</p>
      <h1 className="mt-1 text-3xl font-bold text-blue-950" lang={title.lang}>
        {title.text}
      </h1>
      {c.ownerName ? (
        <p className="mt-2 text-lg" data-testid="owner">
          {tc("owner", { name: c.ownerName })}
        </p>
      ) : null}
      <PhaseNotice
        status={c.status}
        opensAt={c.opensAt}
        closesAt={c.closesAt}
        counterClosesAt={c.counterClosesAt}
        closedAt={c.closedAt}
        locale={locale}
      />
      <ConsultationLinks slug={c.slug} current="overview" showReport={showReport} />
      <HindiPending until={c.hindiPendingUntil} locale={locale} />
      <Paragraphs text={description.text} lang={description.lang} className="mt-4 text-lg" />
      <ScheduleTimeline schedule={c} locale={locale} />

      <section aria-labelledby="principles-heading" className="mt-10">
        <h2 id="principles-heading" className="text-2xl font-bold">
          {tc("sectionsHeading", { count: principles.length })}
        </h2>
        <p className="mt-2 max-w-prose">{t("principlesIntro")}</p>
        <ol className="mt-4 grid gap-3 sm:grid-cols-2" data-testid="principle-list">
          {principles.map((p) => {
            const pt = localised(locale, p.title, p.titleHi);
            return (
              <li key={p.slug}>
                <Link
                  href={`/consultations/${c.slug}/principles/${p.slug}`}
                  className="flex min-h-11 flex-col rounded border-2 border-slate-300 p-4 text-blue-950 hover:border-blue-800 hover:bg-blue-50"
                >
                  <span className="text-sm font-semibold text-slate-700">{t("principleNumber", { n: p.position })}</span>
                  <span className="text-lg font-semibold underline underline-offset-4" lang={pt.lang}>
                    {pt.text}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="how-heading" className="mt-10">
        <h2 id="how-heading" className="text-2xl font-bold">
          {t("howItWorksHeading")}
        </h2>
        <ol className="mt-3 max-w-prose list-decimal space-y-2 pl-6">
          <li>{t("howItWorks1")}</li>
          <li>{t("howItWorks2")}</li>
          <li>{t("howItWorks3")}</li>
        </ol>
        {signedIn ? null : (
          <p className="mt-4">
            <Link
              href="/signup"
              className="inline-flex min-h-11 items-center rounded bg-blue-800 px-5 font-semibold text-white hover:bg-blue-900"
            >
              {t("joinCta")}
            </Link>
          </p>
        )}
      </section>
    </article>
  );
}
