import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoundTimeline } from "@/components/contributions/round-timeline";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listContributionsOf } from "@/db/queries/contributions";
import { requireUser } from "@/lib/auth/guards";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("contributions"))("title") };
}

export default async function MyContributionsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const user = await requireUser();
  const data = await listContributionsOf(await getDb(), user.id);
  const t = await getTranslations("contributions");
  const ts = await getTranslations("stances");
  const appealState = (o: string) => t(o === "reversed" ? "appealReversed" : o === "upheld" ? "appealUpheld" : "appealPending");
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2">{t("intro")}</p>
      <p className="mt-2">
        <a href="/api/me/contributions" download className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t("download")}
        </a>
      </p>
      <section aria-labelledby="my-comments" className="mt-6">
        <h2 id="my-comments" className="text-2xl font-bold">
          {t("comments")}
        </h2>
        {data.comments.length === 0 ? <p className="mt-2">{t("none")}</p> : null}
        {data.rounds.map((round) => {
          const title = localised(locale, round.title, round.titleHi);
          const headingId = `round-${round.id}`;
          const timelineId = `round-${round.id}-timeline`;
          return (
            <section key={round.id} aria-labelledby={headingId} className="mt-4" data-testid="my-round">
              <h3 id={headingId} className="text-xl font-semibold" lang={title.lang}>
                <Link href={`/consultations/${round.slug}`} className="text-blue-900 underline">
                  {title.text}
                </Link>
              </h3>
              <p id={timelineId} className="sr-only">
                {t("timeline")}
              </p>
              <RoundTimeline round={round} locale={locale} labelledBy={timelineId} />
              <ol className="mt-3 space-y-3" data-testid="my-comments">
                {data.comments
                  .filter((c) => c.consultationId === round.id)
                  .map((c) => (
                    <li key={c.id} className="rounded border border-slate-300 p-3" data-testid="my-comment" data-state={c.state}>
                      <p className="font-semibold">
                        <Link href={`/comments/${c.id}`} className="text-blue-900 underline" data-testid="my-reference">
                          {t("reference", { ref: c.reference })}
                        </Link>
                        {" · "}
                        {t("onPrinciple", { n: c.principlePosition, title: localised(locale, c.principleTitle, c.principleTitleHi).text })}
                        {" · "}
                        {formatDate(c.createdAt, locale)}
                      </p>
                      <ul className="mt-1 flex flex-wrap gap-x-4 text-sm">
                        <li data-testid="state">
                          {c.state === "hidden"
                            ? c.hiddenRule
                              ? t("hiddenRule", { n: c.hiddenRule })
                              : t("hiddenAuto")
                            : t(`state.${c.state}`)}
                        </li>
                        <li>{ts(c.stance)}</li>
                        <li>{t(`inLanguage.${c.language}`)}</li>
                        {c.nameShown ? null : <li data-testid="shown-as-group">{t("shownAsGroup")}</li>}
                        {c.editedAt ? <li>{t("edited")}</li> : null}
                        {c.appealOutcome ? <li>{t("appeal", { state: appealState(c.appealOutcome) })}</li> : null}
                        {c.citedInVersions.map((v) => (
                          <li key={v} data-testid="cited-in">
                            {t("citedIn", { n: c.principlePosition, v })}
                          </li>
                        ))}
                        {c.summaryVersion && c.citedInVersions.length === 0 ? (
                          <li>
                            <Link
                              href={`/consultations/${round.slug}/principles/${c.principleSlug}/summary`}
                              className="text-blue-900 underline"
                            >
                              {t("summaryPublished")}
                            </Link>
                          </li>
                        ) : null}
                      </ul>
                      <p className="mt-1 line-clamp-2 text-sm text-slate-800" lang={c.language}>
                        {c.body}
                      </p>
                    </li>
                  ))}
              </ol>
            </section>
          );
        })}
      </section>
      <section aria-labelledby="my-endorsements" className="mt-8">
        <h2 id="my-endorsements" className="text-2xl font-bold">
          {t("endorsements")}
        </h2>
        {data.endorsements.length === 0 ? <p className="mt-2">{t("none")}</p> : null}
        <ol className="mt-3 space-y-2" data-testid="my-endorsements">
          {data.endorsements.map((e) => (
            <li key={e.id} className="rounded border border-slate-300 p-3">
              {t("endorsementOf", { target: e.targetKey === "consultation" ? t("theCall") : `#${e.principlePosition}` })}
              {e.organisationName ? ` · ${e.organisationName}` : ""}
              {" · "}
              {e.withdrawnAt
                ? t("withdrawnOn", { date: formatDate(e.withdrawnAt, locale) })
                : t("activeSince", { date: formatDate(e.endorsedAt, locale) })}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
