import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsultationTabs } from "@/components/consultation-admin/consultation-tabs";
import { PageHeading } from "@/components/ui/page-heading";
import { SubmitButton } from "@/components/ui/submit-button";
import { getDb } from "@/db/client";
import { countAwaitingModeration } from "@/db/queries/consultation-admin";
import { submitClosure } from "@/lib/actions/consultations";
import { requireRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { intakeEndsAt } from "@/lib/rules/consultation-phase";
import { consultationOr404 } from "../../admin-data";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("consultationAdmin"))("closeTitle") };
}

/** Admins only: closing a round, refused while comments await moderation (how many, and a link to them). */
export default async function CloseConsultationPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole("admin");
  const db = await getDb();
  const c = await consultationOr404(db, (await params).id);
  const awaiting = await countAwaitingModeration(db, { consultationId: c.id });
  const t = await getTranslations("consultationAdmin");
  const ends = intakeEndsAt(c);
  return (
    <div>
      <PageHeading>{t("closeTitle")}</PageHeading>
      <p className="mt-2 text-lg">{localised(locale, c.title, c.titleHi).text}</p>
      <ConsultationTabs id={c.id} slug={c.slug} current="close" />
      <div className="mt-6 max-w-prose">
        {c.status !== "open" ? (
          <p data-testid="close-not-open">
            {c.status === "closed" && c.closedAt ? t("closedOn", { at: formatDateTime(c.closedAt, locale) }) : t("closeNotOpen")}
          </p>
        ) : (
          <>
            <p>{t("closeIntro")}</p>
            {ends > new Date() ? <p className="mt-2">{t("closeEarly", { at: formatDateTime(ends, locale) })}</p> : null}
            <p className="mt-4 font-semibold" data-testid="awaiting-count">
              {t("awaitingCount", { count: awaiting })}
            </p>
            {awaiting > 0 ? (
              <p className="mt-1">
                <Link href={`/moderate?consultation=${c.slug}`} className="text-blue-900 underline" data-testid="queue-link">
                  {t("openQueue")}
                </Link>
              </p>
            ) : null}
            <form action={submitClosure} className="mt-4">
              <input type="hidden" name="consultationId" value={c.id} />
              <SubmitButton label={t("closeSubmit")} pendingLabel={t("closing")} tone="danger" />
            </form>
          </>
        )}
      </div>
    </div>
  );
}
