import { getTranslations } from "next-intl/server";
import { Paragraphs } from "@/components/ui/prose";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { StakeholderGroup } from "@/lib/limits";
import { dominantGroup } from "@/lib/rules/participation-balance";

/**
 * The plain-language explainer, set apart from the official text and labelled as not part of it, so that no
 * reader quotes the explanation as the text under consultation.
 */
export async function Explainer({ text, lang }: { text: string | null; lang: string | undefined }) {
  if (!text) return null;
  const t = await getTranslations("principle");
  return (
    <aside
      aria-labelledby="explainer-heading"
      className="mt-6 rounded border-l-4 border-blue-800 bg-blue-50 px-4 py-3"
      data-testid="explainer"
    >
      <h2 id="explainer-heading" className="text-xl font-bold text-blue-950">
        {t("explainerHeading")}
      </h2>
      <p className="mb-2 text-sm text-slate-700">{t("explainerNote")}</p>
      <Paragraphs text={text} lang={lang} />
    </aside>
  );
}

/** The summary of the comments: a link once one is published, or when it is expected. */
export async function SummaryStatus(p: { href: string; version: number | null; dueAt: Date | null; closed: boolean; locale: Locale }) {
  const t = await getTranslations("principle");
  const tsum = await getTranslations("summary");
  if (p.version) {
    return (
      <p className="mt-2">
        <a href={p.href} className="inline-flex min-h-11 items-center font-semibold text-blue-900 underline" data-testid="summary-link">
          {tsum("readSummary", { v: p.version })}
        </a>
      </p>
    );
  }
  const text = p.dueAt
    ? t("summaryExpected", { date: formatDate(p.dueAt, p.locale) })
    : p.closed
      ? t("summaryPreparing")
      : t("summaryAfterClose");
  return (
    <p className="mt-2 text-slate-800" data-testid="summary-expected">
      {text}
    </p>
  );
}

/**
 * Says, with the figures, when one stakeholder group provides more than GROUP_DOMINANCE_SHARE of this section's
 * published comments (lib/rules/participation-balance): a multi-stakeholder reading must not mistake one group's
 * voice for everyone's.
 */
export async function DominanceWarning({
  counts,
  locale,
}: {
  counts: readonly { stakeholderGroup: StakeholderGroup; n: number }[];
  locale: Locale;
}) {
  const found = dominantGroup(counts);
  if (!found) return null;
  const t = await getTranslations("principle");
  const tg = await getTranslations("groups");
  const percent = new Intl.NumberFormat(locale === "hi" ? "hi-IN" : "en-IN", { style: "percent", maximumFractionDigits: 0 }).format(
    found.share,
  );
  return (
    <p
      className="mt-4 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-2 text-amber-950"
      role="note"
      data-testid="dominance-warning"
      data-group={found.group}
    >
      <strong>{t("dominanceLead")}</strong> {t("dominance", { percent, group: tg(found.group), n: found.n, total: found.total })}
    </p>
  );
}
