import { getTranslations } from "next-intl/server";
import { STAKEHOLDER_GROUPS, STANCES, type Stance } from "@/lib/limits";
import type { Locale } from "@/lib/i18n/routing";
import { StackedBarChart } from "./stacked-bar-chart";
import type { GroupCapacityCountView, GroupStanceCountView } from "./view-types";

const STANCE_COLOURS: Record<Stance, string> = {
  supports: "#15803d",
  supports_with_changes: "#4d7c0f",
  has_concerns: "#b45309",
  opposes: "#b91c1c",
  none: "#64748b",
};

interface Props {
  locale: Locale;
  comments: GroupStanceCountView[];
  endorsements: GroupCapacityCountView[];
  idPrefix: string;
}

export async function ParticipationStats(p: Props) {
  const t = await getTranslations("stats");
  const tg = await getTranslations("groups");
  const ts = await getTranslations("stances");
  const nf = new Intl.NumberFormat(p.locale === "hi" ? "hi-IN" : "en-IN", { numberingSystem: "latn" });
  const commentRows = STAKEHOLDER_GROUPS.map((g) => ({
    key: g,
    label: tg(g),
    values: Object.fromEntries(STANCES.map((s) => [s, p.comments.find((c) => c.stakeholderGroup === g && c.stance === s)?.n ?? 0])),
  }));
  const endorsementRows = STAKEHOLDER_GROUPS.map((g) => ({
    key: g,
    label: tg(g),
    values: {
      organisations: p.endorsements.find((e) => e.stakeholderGroup === g && e.organisational)?.n ?? 0,
      individuals: p.endorsements.find((e) => e.stakeholderGroup === g && !e.organisational)?.n ?? 0,
    },
  }));
  return (
    <section id="statistics" aria-labelledby={`${p.idPrefix}-stats-heading`} className="mt-10 scroll-mt-4">
      <h2 id={`${p.idPrefix}-stats-heading`} className="text-2xl font-bold">
        {t("heading")}
      </h2>
      <StackedBarChart
        id={`${p.idPrefix}-comments`}
        title={t("commentsChart")}
        note={t("chartNote")}
        groupHeader={t("group")}
        totalHeader={t("total")}
        series={STANCES.map((s) => ({ key: s, label: ts(s), colour: STANCE_COLOURS[s] }))}
        rows={commentRows}
        formatNumber={(n) => nf.format(n)}
      />
      <StackedBarChart
        id={`${p.idPrefix}-endorsements`}
        title={t("endorsementsChart")}
        note={t("chartNote")}
        groupHeader={t("group")}
        totalHeader={t("total")}
        series={[
          { key: "organisations", label: t("organisations"), colour: "#1e40af" },
          { key: "individuals", label: t("individuals"), colour: "#0e7490" },
        ]}
        rows={endorsementRows}
        formatNumber={(n) => nf.format(n)}
      />
    </section>
  );
}
