import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DraftBanner } from "@/components/consultation/draft-banner";
import { SummaryMarkdown } from "@/components/summaries/summary-markdown";
import { VersionDiff } from "@/components/summaries/version-diff";
import { TableHead } from "@/components/ui/table-head";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { getPrincipleOfConsultation } from "@/db/queries/consultations";
import { getSummaryVersion, listSummaryVersions, listVersionCitations, summaryCoverage } from "@/db/queries/summaries";
import { assertConsultationViewable } from "@/lib/auth/consultation-access";
import { STAKEHOLDER_GROUPS } from "@/lib/limits";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { positiveInt } from "@/lib/i18n/search-params";

type Props = {
  params: Promise<{ locale: string; slug: string; principle: string }>;
  searchParams: Promise<{ version?: string; compare?: string }>;
};

async function load(params: Props["params"]) {
  const { slug, principle } = await params;
  const db = await getDb();
  const found = await getPrincipleOfConsultation(db, slug, principle);
  if (!found) notFound();
  await assertConsultationViewable(found.consultation);
  return { db, ...found };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { principle } = await load(params);
  return {
    title: (await getTranslations("summary"))("title", {
      n: principle.position,
      title: localised(locale, principle.title, principle.titleHi).text,
    }),
  };
}

export default async function SummaryPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { db, consultation, principle } = await load(params);
  const sp = await searchParams;
  const t = await getTranslations("summary");
  const tg = await getTranslations("groups");
  const ts = await getTranslations("stances");
  const tpriv = await getTranslations("privacy");
  const tr = await getTranslations("roles");
  const tst = await getTranslations("stats");
  const title = localised(locale, principle.title, principle.titleHi).text;
  const versions = await listSummaryVersions(db, principle.id);
  const version = await getSummaryVersion(db, principle.id, positiveInt(sp.version) ?? undefined);
  const back = `/consultations/${consultation.slug}/principles/${principle.slug}`;
  if (!version) {
    return (
      <div>
        <DraftBanner status={consultation.status} />
        <PageHeading>{t("title", { n: principle.position, title })}</PageHeading>
        <p className="mt-4">{t("noSummary")}</p>
        <p className="mt-4">
          <Link href={back} className="text-blue-900 underline">
            {title}
          </Link>
        </p>
      </div>
    );
  }
  const compareWith = positiveInt(sp.compare);
  const [citations, coverage, older] = await Promise.all([
    listVersionCitations(db, version.id),
    summaryCoverage(db, principle.id, version.id),
    compareWith && compareWith < version.version ? getSummaryVersion(db, principle.id, compareWith) : Promise.resolve(undefined),
  ]);
  const s = version.sections;
  const part = (key: keyof typeof s, level: "h2" | "h3" = "h2") =>
    s[key]?.trim() ? (
      <section key={key} aria-labelledby={`part-${key}`} className="mt-6">
        {level === "h2" ? (
          <h2 id={`part-${key}`} className="text-2xl font-bold">
            {t(`sections.${key}`)}
          </h2>
        ) : (
          <h3 id={`part-${key}`} className="text-xl font-semibold">
            {t(`sections.${key}`)}
          </h3>
        )}
        <div className="mt-2">
          <SummaryMarkdown text={s[key] ?? ""} locale={locale} />
        </div>
      </section>
    ) : null;
  const gone = citations.filter((c) => c.state === "hidden" || c.state === "withdrawn");
  return (
    <article>
      <p>
        <Link href={back} className="text-blue-900 underline">
          {title}
        </Link>
      </p>
      <div className="mt-3">
        <PageHeading>{t("title", { n: principle.position, title })}</PageHeading>
      </div>
      <p className="mt-1 text-slate-700" data-testid="summary-version">
        {t("version", {
          v: version.version,
          date: formatDateTime(version.publishedAt, locale),
          role: tr(version.publishedByRole === "admin" ? "admin" : "moderator"),
        })}
      </p>
      {gone.length ? (
        <ul className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3" data-testid="citation-changes">
          {gone.map((c) => (
            <li key={c.id}>{c.state === "hidden" ? t("nowHidden", { id: c.id }) : t("nowWithdrawn", { id: c.id })}</li>
          ))}
        </ul>
      ) : null}
      {part("overview")}
      <section aria-labelledby="groups-heading" className="mt-6">
        <h2 id="groups-heading" className="text-2xl font-bold">
          {t("groupHeading")}
        </h2>
        {STAKEHOLDER_GROUPS.map((g) => part(g, "h3"))}
      </section>
      {part("agreement")}
      {part("disagreement")}
      {part("notReflected")}

      <section aria-labelledby="coverage-heading" className="mt-8">
        <h2 id="coverage-heading" className="text-2xl font-bold">
          {t("coverageHeading")}
        </h2>
        <table className="mt-2 text-sm" data-testid="coverage">
          <TableHead columns={[{ label: tst("group") }, { label: t("received"), numeric: true }, { label: t("cited"), numeric: true }]} />
          <tbody>
            {STAKEHOLDER_GROUPS.map((g) => {
              const row = coverage.find((c) => c.stakeholderGroup === g);
              return (
                <tr key={g} className="border-b border-slate-200" data-group={g}>
                  <th scope="row" className="pr-6 text-left font-normal">
                    {tg(g)}
                  </th>
                  <td className="px-3 text-right tabular-nums">{row?.received ?? 0}</td>
                  <td className="pl-3 text-right tabular-nums" data-testid="cited-count">
                    {row?.cited ?? 0}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="cited-heading" className="mt-8">
        <h2 id="cited-heading" className="text-2xl font-bold">
          {t("citedHeading")}
        </h2>
        <ol className="mt-2 space-y-2" data-testid="cited-comments">
          {citations.map((c) => (
            <li key={c.id} id={`cited-${c.id}`}>
              <Link href={`/comments/${c.id}`} className="font-semibold text-blue-900 underline">
                #{c.id}
              </Link>
              {" · "}
              {c.authorErased ? `${tpriv("formerParticipantShort")} · ` : c.authorName ? `${c.authorName} · ` : ""}
              {tg(c.stakeholderGroup)} · {ts(c.stance)}
              {c.excerpt ? <p className="text-sm text-slate-800">{c.excerpt}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="versions-heading" className="mt-8">
        <h2 id="versions-heading" className="text-2xl font-bold">
          {t("versions")}
        </h2>
        <ul className="mt-2 space-y-1" data-testid="versions-list">
          {versions.map((v) => (
            <li key={v.id}>
              <Link href={`${back}/summary?version=${v.version}`} className="text-blue-900 underline">
                {t("version", {
                  v: v.version,
                  date: formatDateTime(v.publishedAt, locale),
                  role: tr(v.publishedByRole === "admin" ? "admin" : "moderator"),
                })}
              </Link>
              {v.version < version.version ? (
                <>
                  {" · "}
                  <Link href={`${back}/summary?version=${version.version}&compare=${v.version}`} className="text-blue-900 underline">
                    {t("compareLink", { from: v.version })}
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {older ? (
          <section aria-labelledby="diff-heading" className="mt-6">
            <h2 id="diff-heading" className="text-2xl font-bold">
              {t("compare", { from: older.version, to: version.version })}
            </h2>
            <VersionDiff from={older.sections} to={version.sections} />
          </section>
        ) : null}
      </section>
    </article>
  );
}
