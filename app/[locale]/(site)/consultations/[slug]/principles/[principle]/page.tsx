import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CommentListControls } from "@/components/comments/comment-list-controls";
import { NewCommentSection } from "@/components/comments/new-comment-section";
import { PostedConfirmation } from "@/components/comments/posted-confirmation";
import { CommentThreads } from "@/components/comments/comment-thread";
import { toCommentView } from "@/components/comments/view-types";
import { DraftBanner } from "@/components/consultation/draft-banner";
import { LastUpdated } from "@/components/consultation/last-updated";
import { PhaseNotice } from "@/components/consultation/phase-notice";
import { PrinciplePager } from "@/components/consultation/principle-pager";
import { EndorsementPanel } from "@/components/endorsements/endorsement-panel";
import { DominanceWarning, Explainer, SummaryStatus } from "@/components/principle/principle-context";
import { ParticipationStats } from "@/components/stats/participation-stats";
import { Paragraphs } from "@/components/ui/prose";
import { getDb } from "@/db/client";
import { getPrincipleOutline, getPrinciplePageData } from "@/db/queries/principle-page";
import { authSecret } from "@/lib/env";
import { assertConsultationViewable } from "@/lib/auth/consultation-access";
import { getCurrentUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { commentListParams } from "@/lib/i18n/search-params";
import { maySignFor, maySpeakFor } from "@/lib/rules/capacity";
import { consultationPhase, mayComment } from "@/lib/rules/consultation-phase";
import { signFormStamp } from "@/lib/rules/form-timing";

type Props = {
  params: Promise<{ locale: string; slug: string; principle: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// One statement for the principle, its consultation and its counts, shared by the metadata and the page.
const outlineOf = cache(async (slug: string, principle: string) => getPrincipleOutline(await getDb(), slug, principle));

async function load(params: Props["params"]) {
  const { slug, principle } = await params;
  const found = await outlineOf(slug, principle);
  if (!found) notFound();
  await assertConsultationViewable(found.consultation);
  return found;
}

/** The signed time the comment forms were served at (the server checks how fast they come back). */
function freshFormStamp(): string {
  return signFormStamp(Date.now(), authSecret());
}

/**
 * This render answers a form posted without JavaScript (a server action's POST carries multipart form data; a
 * page view never does). If the session ended while the comment was written, the forms are shown all the same,
 * so that the action's answer (the text, and "sign in again, then post again") has a form to come back in.
 */
async function answersPostedForm(): Promise<boolean> {
  return ((await headers()).get("content-type") ?? "").startsWith("multipart/form-data");
}

/** The comment just posted, when the page was reached from its confirmation (`?posted=<id>`). */
function postedId(search: Record<string, string | string[] | undefined>): number | null {
  const raw = search.posted;
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { principle } = await load(params);
  return { title: localised(locale, principle.title, principle.titleHi).text };
}

export default async function PrinciplePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const outline = await load(params);
  const search = await searchParams;
  const list = commentListParams(search);
  const user = await getCurrentUser();
  const data = await getPrinciplePageData(await getDb(), { outline, viewerId: user?.id ?? null, sort: list.sort, start: list.start });
  const {
    consultation,
    principle,
    memberships,
    principles: all,
    page,
    total,
    commentStats,
    endorsementStats,
    active,
    summaryVersion,
    commented,
    lastUpdated,
  } = data;
  const t = await getTranslations("principle");
  const tc = await getTranslations("comments");
  const te = await getTranslations("endorse");
  const phase = consultationPhase(consultation, new Date());
  const open = phase === "comments";
  // Endorsing belongs to the comment period; replies (and withdrawals) also to the counter-comment window.
  const canWrite = !!user && open;
  const keepForms = !user && mayComment(phase, "reply") && (await answersPostedForm());
  const canReply = (!!user || keepForms) && mayComment(phase, "reply");
  const index = all.findIndex((p) => p.id === principle.id);
  const title = localised(locale, principle.title, principle.titleHi);
  const body = localised(locale, principle.body, principle.bodyHi);
  const explainer = principle.explainer ? localised(locale, principle.explainer, principle.explainerHi) : null;
  const posted = postedId(search);
  const justPosted = posted && user ? [...page.threads, ...page.replies].find((c) => c.id === posted && c.authorId === user.id) : undefined;
  const consultationTitle = localised(locale, consultation.title, consultation.titleHi);
  const basePath = `/${locale}/consultations/${consultation.slug}/principles/${principle.slug}`;
  const speakFor = memberships
    .filter((m) => maySpeakFor(memberships, m.organisationId))
    .map((m) => ({ id: m.organisationId, name: m.name }));
  const activeHere = active.filter((e) => e.targetKey === principle.id);
  const signable = memberships
    .filter((m) => maySignFor(memberships, m.organisationId) && !activeHere.some((e) => e.organisationId === m.organisationId))
    .map((m) => ({ id: m.organisationId, name: m.name }));
  const stamp = freshFormStamp();
  const sortQuery: Record<string, string> = list.sort !== "newest" ? { sort: list.sort } : {};

  return (
    <article>
      <p>
        <Link
          href={`/consultations/${consultation.slug}`}
          className="text-blue-900 underline underline-offset-4"
          lang={consultationTitle.lang}
        >
          {consultationTitle.text}
        </Link>
      </p>
      <DraftBanner status={consultation.status} />
      <p className="mt-4 font-semibold text-slate-700" data-testid="principle-position">
        {t("position", { n: principle.position, total: all.length })}
      </p>
      <h1 className="mt-1 text-3xl font-bold text-blue-950" lang={title.lang}>
        {title.text}
      </h1>
      <PhaseNotice
        status={consultation.status}
        opensAt={consultation.opensAt}
        closesAt={consultation.closesAt}
        counterClosesAt={consultation.counterClosesAt}
        closedAt={consultation.closedAt}
        locale={locale}
      />
      {justPosted ? (
        <PostedConfirmation
          id={justPosted.id}
          createdAt={justPosted.createdAt}
          prefix={consultation.referencePrefix}
          locale={locale}
          awaiting={justPosted.state === "awaiting_moderation"}
        />
      ) : null}
      <section aria-labelledby="official-text-heading" data-testid="official-text">
        <h2 id="official-text-heading" className="mt-6 text-xl font-bold">
          {t("officialTextHeading")}
        </h2>
        {body.lang ? <p className="mt-2 text-sm text-slate-700">{t("englishOnly")}</p> : null}
        <Paragraphs text={body.text} lang={body.lang} className="mt-2 text-lg" />
      </section>
      <Explainer text={explainer?.text ?? null} lang={explainer?.lang} />
      <SummaryStatus
        href={`${basePath}/summary`}
        version={summaryVersion}
        dueAt={consultation.summaryDueAt}
        closed={phase === "closed"}
        locale={locale}
      />

      <EndorsementPanel
        locale={locale}
        heading={te("principleHeading")}
        consultationSlug={consultation.slug}
        target={principle.id}
        returnTo={basePath}
        signedIn={!!user}
        canWrite={canWrite}
        active={activeHere}
        signable={signable}
        personalActive={activeHere.some((e) => e.organisationId === null)}
        withdrawing={list.withdrawEndorsementId}
      />

      <ParticipationStats locale={locale} comments={commentStats} endorsements={endorsementStats} idPrefix="principle" />
      <DominanceWarning counts={commentStats} locale={locale} />

      <section id="comments" aria-labelledby="comments-heading" className="mt-10 scroll-mt-4">
        <h2 id="comments-heading" className="text-2xl font-bold">
          {tc("heading")}{" "}
          <span className="text-lg font-normal text-slate-700" data-testid="comment-count">
            ({tc("count", { count: total })})
          </span>
        </h2>
        <NewCommentSection
          locale={locale}
          phase={phase}
          showForm={!!user || keepForms}
          signedIn={!!user}
          commented={commented}
          counterClosesAt={consultation.counterClosesAt}
          signInHref={`/${locale}/signin?callbackUrl=${encodeURIComponent(basePath)}`}
          basePath={basePath}
          policyHref={`/${locale}/consultations/${consultation.slug}/moderation-policy`}
          consultationSlug={consultation.slug}
          principleSlug={principle.slug}
          stamp={stamp}
          organisations={speakFor}
        />
        <CommentListControls basePath={basePath} sort={list.sort} />
        <div className="mt-4">
          <CommentThreads
            threads={page.threads.map(toCommentView)}
            replies={page.replies.map(toCommentView)}
            view={{
              locale,
              viewerId: user?.id ?? null,
              canWrite: canReply,
              canComment: canWrite || keepForms,
              referencePrefix: consultation.referencePrefix,
              keepForms,
              consultationSlug: consultation.slug,
              principleSlug: principle.slug,
              basePath,
              sort: list.sort,
              position: list.position,
              replyTo: list.replyTo,
              editId: list.editId,
              reportId: list.reportId,
              withdrawId: list.withdrawId,
              canReport: !!user && !user.writeBlockedAt,
              ledgerHref: `/${locale}/consultations/${consultation.slug}/ledger`,
              policyHref: `/${locale}/consultations/${consultation.slug}/moderation-policy`,
              principlePosition: principle.position,
              summaryHref: `${basePath}/summary`,
              stamp,
              organisations: speakFor,
            }}
          />
        </div>
        {page.nextCursor || list.start.after || list.start.from ? (
          <nav aria-label={tc("pageNav")} className="mt-6 flex flex-wrap gap-6">
            {list.start.after || list.start.from ? (
              <a
                href={`${basePath}${list.sort !== "newest" ? `?sort=${list.sort}` : ""}#comments`}
                className="inline-flex min-h-11 items-center text-blue-900 underline"
              >
                {tc("firstPage")}
              </a>
            ) : null}
            {page.nextCursor ? (
              <a
                href={`${basePath}?${new URLSearchParams({ ...sortQuery, after: page.nextCursor })}#comments`}
                rel="next"
                className="inline-flex min-h-11 items-center text-blue-900 underline"
                data-testid="next-page"
              >
                {tc("more")}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>

      <LastUpdated date={lastUpdated} locale={locale} />

      <PrinciplePager
        locale={locale}
        consultationSlug={consultation.slug}
        previous={index > 0 ? all[index - 1] : undefined}
        next={index >= 0 ? all[index + 1] : undefined}
      />
    </article>
  );
}
