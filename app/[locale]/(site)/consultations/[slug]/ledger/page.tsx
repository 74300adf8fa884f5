import type { Metadata } from "next";
import { ConsultationPageHeading } from "@/components/consultation/consultation-page-heading";
import { getTranslations } from "next-intl/server";
import { LedgerTotalsTables } from "@/components/moderation/ledger-totals";
import { TableHead } from "@/components/ui/table-head";
import { getDb } from "@/db/client";
import { ledgerTotals, listLedger } from "@/db/queries/ledger";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { loadConsultationPage } from "../load";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  await loadConsultationPage((await params).slug);
  return { title: (await getTranslations("moderation"))("ledgerTitle") };
}

export default async function LedgerPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const { consultation, updatedAt, showReport } = await loadConsultationPage(slug);
  const db = await getDb();
  const [rows, totals] = await Promise.all([listLedger(db, consultation.id), ledgerTotals(db, consultation.id)]);
  const t = await getTranslations("moderation");
  const tg = await getTranslations("groups");
  const title = localised(locale, consultation.title, consultation.titleHi);
  const appeal = (r: (typeof rows)[number]) =>
    !r.appealFiled
      ? t("appealNone")
      : r.appealOutcome === "reversed"
        ? t("appealReversed")
        : r.appealOutcome === "upheld"
          ? t("appealUpheld")
          : t("appealPending");
  const role = (r: string) => (r === "system" || r === "moderator" || r === "admin" ? t(`roles.${r}`) : r);
  return (
    <div>
      <ConsultationPageHeading
        slug={slug}
        title={title}
        locale={locale}
        page="ledger"
        consultation={{ ...consultation, showReport }}
        updatedAt={updatedAt}
      >
        {t("ledgerTitle")}
      </ConsultationPageHeading>
      <p className="mt-2 max-w-prose">{t("ledgerIntro")}</p>
      {/* Open data has no drafts: staff previewing one get no download, which would answer 404. */}
      {consultation.status === "draft" ? null : (
        <p className="mt-2 flex flex-wrap gap-x-6">
          <a href={`/api/consultations/${slug}/ledger`} className="inline-flex min-h-11 items-center text-blue-900 underline" download>
            {t("downloadLedger")}
          </a>
        </p>
      )}

      <LedgerTotalsTables totals={totals} />
      <p className="mt-4" data-testid="ledger-blocks">
        {t("blocksCount", { count: totals.blocks })}
      </p>

      {rows.length === 0 ? (
        <p className="mt-6">{t("ledgerEmpty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="ledger">
            <caption className="sr-only">{t("ledgerTitle")}</caption>
            <TableHead
              columns={["when", "decision", "rule", "actor", "principle", "authorGroup", "appeal"].map((k) => ({ label: t(k) }))}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200" data-testid="ledger-row" data-action={r.action}>
                  <th scope="row" className="py-2 pr-3 text-left font-normal whitespace-nowrap">
                    {formatDateTime(r.at, locale)}
                  </th>
                  <td className="px-2">{t(`actions.${r.action}`)}</td>
                  <td className="px-2">
                    {r.ruleNumber ? (
                      <Link href={`/consultations/${slug}/moderation-policy#rule-${r.ruleNumber}`} className="text-blue-900 underline">
                        {t("ruleNumber", { n: r.ruleNumber })}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-2">{role(r.actorRole)}</td>
                  <td className="px-2">{r.principlePosition}</td>
                  <td className="px-2">{tg(r.stakeholderGroup)}</td>
                  <td className="pl-2">{appeal(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
