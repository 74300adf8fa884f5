import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MembershipReviewForm, OrganisationVerificationForm } from "@/components/moderation/membership-forms";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listPendingMemberships, listUnverifiedOrganisations } from "@/db/queries/organisations";
import { requireStaff } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("organisations"))("title") };
}

export default async function OrganisationsReviewPage({ params }: Props) {
  await pageLocale(params);
  await requireStaff();
  const db = await getDb();
  const [pending, unverified] = await Promise.all([listPendingMemberships(db), listUnverifiedOrganisations(db)]);
  const t = await getTranslations("organisations");
  const tg = await getTranslations("groups");
  return (
    <div>
      <PageHeading>{t("title")}</PageHeading>
      <section aria-labelledby="pending-heading" className="mt-6">
        <h2 id="pending-heading" className="text-2xl font-bold">
          {t("pendingHeading")}
        </h2>
        {pending.length === 0 ? <p className="mt-2">{t("pendingEmpty")}</p> : null}
        <ol className="mt-3 space-y-4">
          {pending.map((m) => (
            <li key={`${m.userId}-${m.organisationId}`} className="rounded border-2 border-slate-300 p-4" data-testid="membership-request">
              <p className="font-semibold">{t("request", { name: m.userName, email: m.userEmail, organisation: m.organisationName })}</p>
              <p className="text-sm">
                {m.organisationDomain && m.organisationVerified ? t("orgDomain", { domain: m.organisationDomain }) : t("noDomain")}
              </p>
              <MembershipReviewForm
                userId={m.userId}
                organisationId={m.organisationId}
                formId={`review-${m.userId.slice(0, 8)}-${m.organisationId.slice(0, 8)}`}
              />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="unverified-heading" className="mt-10">
        <h2 id="unverified-heading" className="text-2xl font-bold">
          {t("unverifiedHeading")}
        </h2>
        {unverified.length === 0 ? <p className="mt-2">{t("unverifiedEmpty")}</p> : null}
        <ol className="mt-3 space-y-4">
          {unverified.map((o) => (
            <li key={o.id} className="rounded border-2 border-slate-300 p-4" data-testid="unverified-organisation">
              <p className="font-semibold">
                {o.name} · {tg(o.stakeholderGroup)}
              </p>
              <OrganisationVerificationForm
                organisationId={o.id}
                name={o.name}
                domain={o.websiteDomain}
                formId={`verify-${o.id.slice(0, 8)}`}
              />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
