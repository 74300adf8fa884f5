import { getTranslations } from "next-intl/server";
import { TableHead } from "@/components/ui/table-head";
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from "@/lib/limits";

/**
 * The ledger's totals as the page hands them down: hidden *comments* (each once, under the rule of its latest
 * hide; `ruleNumber` null when that hide is still the automatic one), and the participants blocked.
 */
export interface LedgerTotalsView {
  byRule: readonly { ruleNumber: number | null; n: number }[];
  byGroup: readonly { stakeholderGroup: StakeholderGroup; n: number }[];
  blocks: number;
}

/** Hidden comments by rule and by the author's stakeholder group: anyone can check moderation is not one-sided. */
export async function LedgerTotalsTables({ totals }: { totals: LedgerTotalsView }) {
  const t = await getTranslations("moderation");
  const tg = await getTranslations("groups");
  return (
    <div className="mt-6 flex flex-wrap gap-10">
      <table className="text-sm" data-testid="ledger-by-rule">
        <caption className="text-left font-semibold">{t("totalsByRule")}</caption>
        <TableHead columns={[{ label: t("rule") }, { label: t("count"), numeric: true }]} />
        <tbody>
          {totals.byRule.map((r) => (
            <tr key={r.ruleNumber ?? 0} className="border-b border-slate-200">
              <th scope="row" className="pr-6 text-left font-normal">
                {r.ruleNumber ? t("ruleNumber", { n: r.ruleNumber }) : t("noRule")}
              </th>
              <td className="text-right tabular-nums">{r.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="text-sm" data-testid="ledger-by-group">
        <caption className="text-left font-semibold">{t("totalsByGroup")}</caption>
        <TableHead columns={[{ label: t("authorGroup") }, { label: t("count"), numeric: true }]} />
        <tbody>
          {STAKEHOLDER_GROUPS.map((g) => (
            <tr key={g} className="border-b border-slate-200" data-group={g}>
              <th scope="row" className="pr-6 text-left font-normal">
                {tg(g)}
              </th>
              <td className="text-right tabular-nums">{totals.byGroup.find((x) => x.stakeholderGroup === g)?.n ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
