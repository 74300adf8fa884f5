import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { searchTerms } from "@/components/search/excerpt";
import { commentView, organisationView, principleView, summaryView, type ViewContext } from "@/components/search/result-views";
import { SearchForm } from "@/components/search/search-form";
import { SearchGroup } from "@/components/search/search-results";
import type { SearchGroupView } from "@/components/search/view-types";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import {
  getVisibleCommentByNumber,
  searchComments,
  searchOrganisations,
  searchPrinciples,
  searchSummaries,
  type CommentSearchRow,
  type SearchWindow,
} from "@/db/queries/search";
import { SUMMARY_SECTIONS } from "@/lib/limits";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { groupLabels, pageLocale } from "@/lib/i18n/page-locale";
import { idOfReference, referenceNumber } from "@/lib/rules/reference-number";
import { parseSearchParams, SEARCH_OVERVIEW_LIMIT, SEARCH_PAGE_SIZE, type SearchGroup as Group } from "@/lib/validation/search";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("search"))("title") };
}

const withReference = (r: CommentSearchRow) => ({ ...r, reference: referenceNumber(r.referencePrefix, r.id, r.createdAt) });

/** The comment a typed reference number names, if it is public and the number is exactly its own. */
async function commentByReference(q: string) {
  const ref = idOfReference(q);
  if (!ref) return undefined;
  const row = await getVisibleCommentByNumber(await getDb(), ref);
  const found = row ? withReference(row) : undefined;
  // The year must be the comment's own too; the number may be typed without its leading zeros.
  const [, year = ""] = q.trim().split("-");
  return found && found.reference === referenceNumber(ref.prefix, ref.id, new Date(`${year}-07-01T00:00:00Z`)) ? found : undefined;
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations("search");
  const te = await getTranslations("errors");
  const parsed = parseSearchParams(await searchParams);
  const q = parsed.ok ? parsed.params.q : parsed.q;
  const form = (
    <SearchForm
      action={`/${locale}/search`}
      id="search-q"
      label={t("label")}
      landmark={t("pageLandmark")}
      submit={t("submit")}
      defaultValue={q}
      hint={{ id: "search-q-hint", text: t("hint") }}
      error={parsed.ok ? undefined : { id: "search-q-error", text: te(parsed.error) }}
    />
  );
  if (!parsed.ok || !parsed.params.q) {
    return (
      <div>
        <PageHeading>{t("title")}</PageHeading>
        <div className="mt-6">{form}</div>
        {parsed.ok ? (
          <p className="mt-6 max-w-prose" data-testid="search-empty">
            {t("empty")}
          </p>
        ) : null}
      </div>
    );
  }

  const { group, page } = parsed.params;
  const db = await getDb();
  const only = (g: Group) => !group || group === g;
  const win: SearchWindow = group
    ? { limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE }
    : { limit: SEARCH_OVERVIEW_LIMIT, offset: 0 };
  const none = { rows: [], more: false };
  const [principles, comments, summaries, organisations, byReference, groups] = await Promise.all([
    only("principles") ? searchPrinciples(db, q, win) : none,
    only("comments") ? searchComments(db, q, win) : none,
    only("summaries") ? searchSummaries(db, q, win) : none,
    only("organisations") ? searchOrganisations(db, q, win) : none,
    page === 1 ? commentByReference(q) : undefined,
    groupLabels(),
  ]);
  const ctx: ViewContext = {
    locale,
    terms: searchTerms(q),
    t: (key, values) => t(key, values),
    groupLabel: (g) => groups[g as keyof typeof groups] ?? g,
    formatDate: (d) => formatDate(d, locale),
  };
  const link = (extra: Record<string, string>) => `/search?${new URLSearchParams({ q, ...extra })}`;
  const more = (g: Group, has: boolean) =>
    has ? { href: link({ group: g, page: String(group ? page + 1 : 1) }), label: t(group ? "nextPage" : `more.${g}`) } : undefined;
  const views: SearchGroupView[] = [
    {
      group: "principles",
      heading: t("groups.principles"),
      results: principles.rows.map((r) => principleView(ctx, r)),
      more: more("principles", principles.more),
    },
    {
      group: "comments",
      heading: t("groups.comments"),
      results: comments.rows.map((r) => commentView(ctx, withReference(r))),
      more: more("comments", comments.more),
    },
    {
      group: "summaries",
      heading: t("groups.summaries"),
      results: summaries.rows.map((r) => summaryView(ctx, r, SUMMARY_SECTIONS)),
      more: more("summaries", summaries.more),
    },
    {
      group: "organisations",
      heading: t("groups.organisations"),
      results: organisations.rows.map((r) => organisationView(ctx, r)),
      more: more("organisations", organisations.more),
    },
  ];
  const shown = views.filter((v) => v.results.length > 0);
  const reference = byReference ? commentView(ctx, byReference) : undefined;
  return (
    <div>
      <PageHeading>{t("title")}</PageHeading>
      <div className="mt-6">{form}</div>
      <p className="mt-6 text-lg" role="status" data-testid="search-summary">
        {shown.length || reference ? t("resultsFor", { q }) : t("noResults", { q })}
      </p>
      {group ? (
        <nav aria-label={t("pagesLabel")} className="mt-2 flex flex-wrap gap-x-6">
          <Link href={link({})} className="inline-flex min-h-11 items-center text-blue-900 underline underline-offset-4">
            {t("allGroups")}
          </Link>
          {page > 1 ? (
            <Link
              href={link({ group, page: String(page - 1) })}
              className="inline-flex min-h-11 items-center text-blue-900 underline underline-offset-4"
            >
              {t("previousPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      {reference ? <SearchGroup view={{ group: "reference", heading: t("referenceHeading"), results: [reference] }} terms={[]} /> : null}
      {shown.map((v) => (
        <SearchGroup key={v.group} view={v} terms={ctx.terms} />
      ))}
    </div>
  );
}
