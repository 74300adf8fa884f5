import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TableHead } from "@/components/ui/table-head";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { auditActions, listAudit, type AuditAction } from "@/db/queries/audit";
import { requireRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { positiveInt } from "@/lib/i18n/search-params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ action?: string; actor?: string; before?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("admin"))("auditTitle") };
}

/** Admins only. Event names are the log's own vocabulary, shown as recorded. */
export default async function AuditPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  await requireRole("admin");
  const sp = await searchParams;
  const action = auditActions.includes(sp.action as AuditAction) ? (sp.action as AuditAction) : undefined;
  const actorEmail = sp.actor?.trim().slice(0, 254) || undefined;
  const before = positiveInt(sp.before) ?? undefined;
  const rows = await listAudit(await getDb(), { action, actorEmail, before, limit: 100 });
  const t = await getTranslations("admin");
  const last = rows[rows.length - 1];
  const older = new URLSearchParams({
    ...(action ? { action } : {}),
    ...(actorEmail ? { actor: actorEmail } : {}),
    ...(last ? { before: String(last.id) } : {}),
  });
  return (
    <div>
      <PageHeading>{t("auditTitle")}</PageHeading>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="audit-action" className="block font-semibold">
            {t("action")}
          </label>
          <select
            id="audit-action"
            name="action"
            defaultValue={action ?? ""}
            className="mt-1 min-h-11 rounded border-2 border-slate-600 bg-white px-2"
          >
            <option value="">{t("allActions")}</option>
            {auditActions.map((a) => (
              <option key={a} value={a} lang="en">
                {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="block font-semibold">
            {t("actorEmail")}
          </label>
          <input
            id="audit-actor"
            name="actor"
            type="email"
            defaultValue={actorEmail ?? ""}
            className="mt-1 min-h-11 rounded border-2 border-slate-600 px-2"
          />
        </div>
        <button type="submit" className="min-h-11 cursor-pointer rounded border-2 border-blue-800 px-3 font-semibold text-blue-900">
          {t("filter")}
        </button>
      </form>
      <div className="mt-6 overflow-x-auto">
        <table className="min-w-full text-sm" data-testid="audit">
          <caption className="sr-only">{t("auditTitle")}</caption>
          <TableHead columns={["at", "action", "actor", "target", "address", "details"].map((k) => ({ label: t(k) }))} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-200 align-top" data-testid="audit-row" data-action={r.action}>
                <th scope="row" className="py-2 pr-3 text-left font-normal whitespace-nowrap">
                  {formatDateTime(r.at, locale)}
                </th>
                <td className="px-2" lang="en">
                  {r.action}
                </td>
                <td className="px-2">{r.actorName ? `${r.actorName} (${r.actorRole})` : t("anonymous")}</td>
                <td className="px-2 break-all" lang="en">
                  {r.targetType ? `${r.targetType}: ${r.targetId}` : ""}
                </td>
                <td className="px-2" lang="en">
                  {r.address ?? ""}
                </td>
                <td className="pl-2 break-all" lang="en">
                  {Object.keys(r.details).length ? JSON.stringify(r.details) : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 100 ? (
        <p className="mt-4">
          <a href={`?${older}`} className="text-blue-900 underline">
            {t("older")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
