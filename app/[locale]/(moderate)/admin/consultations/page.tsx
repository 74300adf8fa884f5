import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listConsultationsForAdmin } from "@/db/queries/consultation-admin";
import { CONSULTATION_STATUSES } from "@/lib/limits";
import { requireRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { consultationPhase } from "@/lib/rules/consultation-phase";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("consultationAdmin"))("listTitle") };
}

const link = "inline-flex min-h-11 items-center text-blue-900 underline underline-offset-2";

/** Admins only: every consultation by status (drafts, open, closed), each with where it is in its schedule. */
export default async function ConsultationAdminListPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole("admin");
  const db = await getDb();
  const all = await listConsultationsForAdmin(db);
  const t = await getTranslations("consultationAdmin");
  const now = new Date();
  return (
    <div>
      <PageHeading>{t("listTitle")}</PageHeading>
      <p className="mt-2 max-w-prose">{t("listIntro")}</p>
      <p className="mt-4">
        <Link
          href="/admin/consultations/new"
          className="inline-flex min-h-11 items-center rounded bg-blue-800 px-5 font-semibold text-white hover:bg-blue-900"
        >
          {t("newTitle")}
        </Link>
      </p>
      {CONSULTATION_STATUSES.map((status) => {
        const list = all.filter((c) => c.status === status);
        return (
          <section key={status} aria-labelledby={`status-${status}`} className="mt-8" data-testid={`consultations-${status}`}>
            <h2 id={`status-${status}`} className="text-2xl font-bold">
              {t(`statusHeading.${status}`)}
            </h2>
            {list.length === 0 ? <p className="mt-2">{t("noneInStatus")}</p> : null}
            <ul className="mt-2 space-y-3">
              {list.map((c) => (
                <li key={c.id} className="rounded border border-slate-300 p-4" data-testid="admin-consultation" data-slug={c.slug}>
                  <p className="font-semibold">
                    <Link href={`/admin/consultations/${c.id}`} className={link}>
                      {localised(locale, c.title, c.titleHi).text}
                    </Link>
                  </p>
                  <p className="text-sm">
                    {t(`phases.${consultationPhase(c, now)}`)} · {t("sectionCount", { count: c.sections })} ·{" "}
                    {t("periodLine", { opens: formatDateTime(c.opensAt, locale), closes: formatDateTime(c.closesAt, locale) })}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
                    <Link href={`/admin/consultations/${c.id}/schedule`} className={link}>
                      {t("tabs.schedule")}
                    </Link>
                    {c.status === "draft" ? (
                      <Link href={`/admin/consultations/${c.id}/publish`} className={link}>
                        {t("tabs.publish")}
                      </Link>
                    ) : null}
                    {c.status === "open" ? (
                      <Link href={`/admin/consultations/${c.id}/close`} className={link}>
                        {t("tabs.close")}
                      </Link>
                    ) : null}
                    <Link href={`/consultations/${c.slug}`} className={link}>
                      {t("tabs.preview")}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
