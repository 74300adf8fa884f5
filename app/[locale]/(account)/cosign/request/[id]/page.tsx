import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CosignerRequestForm } from "@/components/campaigns/cosign-requests";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { getJointSubmission, listCosignableOrganisations } from "@/db/queries/cosigners";
import { requireUser } from "@/lib/auth/guards";
import { positiveInt } from "@/lib/i18n/search-params";
import { pageLocale } from "@/lib/i18n/page-locale";
import { COSIGNERS_MAX } from "@/lib/limits";
import { consultationPhase, mayComment } from "@/lib/rules/consultation-phase";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("cosign"))("requestTitle", { id: (await params).id }) };
}

/** The author of a comment made on behalf of an organisation names the organisations that co-sign it. */
export default async function CosignerRequestPage({ params }: Props) {
  const locale = await pageLocale(params);
  const user = await requireUser();
  const id = positiveInt((await params).id);
  if (!id) notFound();
  const db = await getDb();
  const joint = await getJointSubmission(db, id);
  // Someone else's comment is answered as if it did not exist.
  if (!joint || joint.authorId !== user.id || !joint.organisationId || joint.parentId !== null) notFound();
  const named = new Set(joint.cosigners.map((c) => c.organisationId));
  const open = mayComment(consultationPhase(joint.schedule, new Date()), "comment") && joint.state !== "withdrawn";
  const choices =
    open && named.size < COSIGNERS_MAX ? (await listCosignableOrganisations(db, joint.organisationId)).filter((o) => !named.has(o.id)) : [];
  const t = await getTranslations("cosign");
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("requestTitle", { id })}</PageHeading>
      <p className="mt-2 max-w-prose">{t("requestIntro", { organisation: joint.organisationName ?? "" })}</p>
      <CosignerRequestForm
        locale={locale}
        commentId={id}
        body={joint.body}
        language={joint.language}
        cosigners={joint.cosigners}
        choices={choices}
        open={open}
        full={named.size >= COSIGNERS_MAX}
      />
    </div>
  );
}
