import { getTranslations } from "next-intl/server";
import { ConsultationOverview } from "@/components/consultation/consultation-overview";
import { LastUpdated } from "@/components/consultation/last-updated";
import { EndorsementPanel } from "@/components/endorsements/endorsement-panel";
import { ParticipationStats } from "@/components/stats/participation-stats";
import { getDb } from "@/db/client";
import { listPrinciples, type getConsultationBySlug } from "@/db/queries/consultations";
import { listActiveEndorsementsOf } from "@/db/queries/endorsements";
import { countCommentsByGroupAndStance, countEndorsementsByGroup } from "@/db/queries/statistics";
import { listMembershipsOfUser } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/session";
import { signableOrganisationIds } from "@/lib/rules/capacity";
import type { Locale } from "@/lib/i18n/routing";
import { maySignFor } from "@/lib/rules/capacity";
import { consultationPhase, mayEndorse } from "@/lib/rules/consultation-phase";

type Consultation = NonNullable<Awaited<ReturnType<typeof getConsultationBySlug>>> & { ownerName: string | null; updatedAt: Date | null };

/** The consultation's overview with the consultation-wide endorsement panel and statistics (/consultations/[slug]). */
export async function ConsultationOverviewPage(p: { locale: Locale; consultation: Consultation; withdrawing: number | null }) {
  const { locale, consultation } = p;
  const db = await getDb();
  const user = await getCurrentUser();
  const memberships = user ? await listMembershipsOfUser(db, user.id) : [];
  const [principles, commentStats, endorsementStats, active] = await Promise.all([
    listPrinciples(db, consultation.id),
    countCommentsByGroupAndStance(db, { consultationId: consultation.id }),
    countEndorsementsByGroup(db, { consultationId: consultation.id }),
    user
      ? listActiveEndorsementsOf(db, {
          consultationId: consultation.id,
          userId: user.id,
          organisationIds: signableOrganisationIds(memberships),
        })
      : Promise.resolve([]),
  ]);
  const te = await getTranslations("endorse");
  const activeHere = active.filter((e) => e.targetKey === "consultation");
  const signable = memberships
    .filter((m) => maySignFor(memberships, m.organisationId) && !activeHere.some((e) => e.organisationId === m.organisationId))
    .map((m) => ({ id: m.organisationId, name: m.name }));
  return (
    <>
      <ConsultationOverview locale={locale} consultation={consultation} principles={principles} signedIn={!!user} />
      <EndorsementPanel
        locale={locale}
        heading={te("callHeading")}
        consultationSlug={consultation.slug}
        target="consultation"
        returnTo={`/${locale}/consultations/${consultation.slug}`}
        signedIn={!!user}
        canWrite={!!user && mayEndorse(consultationPhase(consultation, new Date()))}
        active={activeHere}
        signable={signable}
        personalActive={activeHere.some((e) => e.organisationId === null)}
        withdrawing={p.withdrawing}
      />
      <ParticipationStats locale={locale} comments={commentStats} endorsements={endorsementStats} idPrefix="overview" />
      <LastUpdated date={consultation.updatedAt} locale={locale} />
    </>
  );
}
