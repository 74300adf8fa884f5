import type { Metadata } from "next";
import { ConsultationPageHeading } from "@/components/consultation/consultation-page-heading";
import { getTranslations } from "next-intl/server";
import { RegistryTable } from "@/components/endorsements/registry-table";
import { TableHead } from "@/components/ui/table-head";
import { getDb } from "@/db/client";
import { listPrinciples } from "@/db/queries/consultations";
import { countRegistry, listRegistry } from "@/db/queries/endorsements";
import { countEndorsementsByGroup } from "@/db/queries/statistics";
import { STAKEHOLDER_GROUPS } from "@/lib/limits";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { positiveInt } from "@/lib/i18n/search-params";
import { parseRegistryFilter, REGISTRY_PAGE_SIZE } from "@/lib/validation/registry";
import { loadConsultationPage } from "../load";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  await loadConsultationPage((await params).slug);
  return { title: (await getTranslations("registry"))("title") };
}

export default async function RegistryPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const { consultation, updatedAt, showReport } = await loadConsultationPage(slug);
  const db = await getDb();
  const search = await searchParams;
  const filter = parseRegistryFilter(search);
  const after = positiveInt(Array.isArray(search.after) ? search.after[0] : search.after) ?? undefined;
  // One entry more than a page tells whether a next page exists.
  const [page, total, principles, counts] = await Promise.all([
    listRegistry(db, consultation.id, filter, { after, limit: REGISTRY_PAGE_SIZE + 1 }),
    countRegistry(db, consultation.id, filter),
    listPrinciples(db, consultation.id),
    countEndorsementsByGroup(db, { consultationId: consultation.id, targetKey: filter.target }),
  ]);
  const rows = page.slice(0, REGISTRY_PAGE_SIZE);
  const last = rows.at(-1);
  const nextAfter = page.length > REGISTRY_PAGE_SIZE && last ? last.id : null;
  const t = await getTranslations("registry");
  const tg = await getTranslations("groups");
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
  // The download takes the open data API's parameters: a principle by its slug (this page's filter names it by id).
  const csvTarget = filter.target === "consultation" ? filter.target : principles.find((p) => p.id === filter.target)?.slug;
  const csvQuery = new URLSearchParams(
    Object.entries({ group: filter.group, target: csvTarget }).filter((e): e is [string, string] => !!e[1]),
  );
  const nf = new Intl.NumberFormat(locale === "hi" ? "hi-IN" : "en-IN", { numberingSystem: "latn" });
  const count = (g: string, org: boolean) => counts.find((c) => c.stakeholderGroup === g && c.organisational === org)?.n ?? 0;
  const title = localised(locale, consultation.title, consultation.titleHi);
  return (
    <div>
      <ConsultationPageHeading
        slug={slug}
        title={title}
        locale={locale}
        page="registry"
        consultation={{ ...consultation, showReport }}
        updatedAt={updatedAt}
      >
        {t("title")}
      </ConsultationPageHeading>
      <p className="mt-2 max-w-prose">{t("intro")}</p>

      <section aria-labelledby="counts-heading" className="mt-6">
        <h2 id="counts-heading" className="text-xl font-bold">
          {t("countsHeading")}
        </h2>
        <table className="mt-2 text-sm" data-testid="registry-counts">
          <TableHead
            columns={[
              { label: t("group") },
              { label: t("organisations"), numeric: true },
              { label: t("individuals"), numeric: true },
              { label: t("total"), numeric: true },
            ]}
          />
          <tbody>
            {STAKEHOLDER_GROUPS.map((g) => (
              <tr key={g} className="border-b border-slate-200" data-group={g}>
                <th scope="row" className="py-1 pr-4 text-left font-normal">
                  {tg(g)}
                </th>
                <td className="px-3 py-1 text-right tabular-nums">{nf.format(count(g, true))}</td>
                <td className="px-3 py-1 text-right tabular-nums">{nf.format(count(g, false))}</td>
                <td className="py-1 pl-3 text-right font-semibold tabular-nums">{nf.format(count(g, true) + count(g, false))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-4" aria-label={t("filters")}>
        <div>
          <label htmlFor="filter-group" className="block font-semibold">
            {t("group")}
          </label>
          <select
            id="filter-group"
            name="group"
            defaultValue={filter.group ?? ""}
            className="mt-1 min-h-11 rounded border-2 border-slate-600 bg-white px-2"
          >
            <option value="">{t("allGroups")}</option>
            {STAKEHOLDER_GROUPS.map((g) => (
              <option key={g} value={g}>
                {tg(g)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-target" className="block font-semibold">
            {t("target")}
          </label>
          <select
            id="filter-target"
            name="target"
            defaultValue={filter.target ?? ""}
            className="mt-1 min-h-11 max-w-xs rounded border-2 border-slate-600 bg-white px-2"
          >
            <option value="">{t("allTargets")}</option>
            <option value="consultation">{t("targetCall")}</option>
            {principles.map((p) => (
              <option key={p.id} value={p.id}>
                {t("targetPrinciple", { n: p.position, title: localised(locale, p.title, p.titleHi).text })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="min-h-11 cursor-pointer rounded border-2 border-blue-800 px-4 font-semibold text-blue-900 hover:bg-blue-50"
        >
          {t("apply")}
        </button>
        {/* Open data has no drafts: staff previewing one get no download, which would answer 404. */}
        {consultation.status === "draft" ? null : (
          <a
            href={`/api/consultations/${slug}/registry${csvQuery.size ? `?${csvQuery}` : ""}`}
            className="inline-flex min-h-11 items-center text-blue-900 underline"
            download
          >
            {t("download")}
          </a>
        )}
      </form>

      <p className="mt-4 font-semibold" data-testid="registry-count">
        {t("resultCount", { count: total })}
      </p>
      <RegistryTable rows={rows} locale={locale} />
      {after || nextAfter ? (
        <nav aria-label={t("pages")} className="mt-4 flex flex-wrap gap-4" data-testid="registry-pages">
          {after ? (
            <Link
              href={`/consultations/${slug}/registry${query.size ? `?${query}` : ""}`}
              className="inline-flex min-h-11 items-center text-blue-900 underline"
            >
              {t("firstPage")}
            </Link>
          ) : null}
          {nextAfter ? (
            <Link
              href={`/consultations/${slug}/registry?${new URLSearchParams([...query, ["after", String(nextAfter)]])}`}
              className="inline-flex min-h-11 items-center text-blue-900 underline"
              rel="next"
            >
              {t("nextPage", { count: REGISTRY_PAGE_SIZE })}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
