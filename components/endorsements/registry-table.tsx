import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { localised } from "@/lib/i18n/page-locale";
import { TableHead } from "@/components/ui/table-head";
import type { RegistryRowView } from "./view-types";

export async function RegistryTable({ rows, locale }: { rows: RegistryRowView[]; locale: Locale }) {
  const t = await getTranslations("registry");
  const tg = await getTranslations("groups");
  const tp = await getTranslations("privacy");
  const endorser = (r: RegistryRowView) => (r.endorserErased ? tp("formerParticipant", { group: tg(r.stakeholderGroup) }) : r.endorserName);
  if (rows.length === 0) return <p className="mt-2">{t("empty")}</p>;
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="min-w-full border-collapse text-sm" data-testid="registry">
        <caption className="sr-only">{t("title")}</caption>
        <TableHead columns={["name", "group", "target", "statement", "endorsed", "status"].map((k) => ({ label: t(k) }))} />
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              className={`border-b border-slate-200 align-top ${r.withdrawnAt ? "text-slate-700" : ""}`}
              data-testid="registry-row"
              data-state={r.withdrawnAt ? "withdrawn" : "active"}
            >
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                {r.organisationName ? (
                  <>
                    <span className="font-semibold">{r.organisationName}</span>
                    <span className="block">
                      {t("onBehalf", { organisation: r.organisationName })}: {endorser(r)}
                    </span>
                  </>
                ) : (
                  <>
                    <span className="font-semibold">{endorser(r)}</span>
                    <span className="block">
                      {t("personal")}
                      {r.endorserDesignation ? `, ${r.endorserDesignation}` : ""}
                    </span>
                  </>
                )}
              </th>
              <td className="px-2 py-2">{tg(r.stakeholderGroup)}</td>
              <td className="px-2 py-2">
                {r.targetKey === "consultation"
                  ? t("targetCall")
                  : t("targetPrinciple", {
                      n: r.principlePosition ?? 0,
                      title: localised(locale, r.principleTitle ?? "", r.principleTitleHi).text,
                    })}
              </td>
              <td className="max-w-xs px-2 py-2 break-words">{r.statement}</td>
              <td className="px-2 py-2 whitespace-nowrap">
                <time dateTime={r.endorsedAt.toISOString()}>{formatDate(r.endorsedAt, locale)}</time>
              </td>
              <td className="py-2 pl-2">{r.withdrawnAt ? t("withdrawnOn", { date: formatDate(r.withdrawnAt, locale) }) : t("active")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
