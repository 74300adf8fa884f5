import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCommentLocation } from "@/db/queries/comments";
import { getCurrentUser } from "@/lib/auth/session";
import { pageLocale } from "@/lib/i18n/page-locale";
import { positiveInt } from "@/lib/i18n/search-params";
import { isStaffRole } from "@/lib/rules/roles";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ done?: string; failed?: string }> };

/** Confirmations after which the thread's page also gives the new comment's reference number. */
const POSTED = new Set(["commentPosted", "commentAlreadyPosted"]);

/** A comment's permanent address: opens the page of its thread with the comment (and its reference number) in view. */
export default async function CommentPermalink({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const id = positiveInt((await params).id);
  if (!id) notFound();
  const [where, user] = await Promise.all([getCommentLocation(await getDb(), id), getCurrentUser()]);
  // A comment never published (held, or withdrawn while held) exists only for its author and moderators.
  const mayKnow = where && (where.publishedAt || where.authorId === user?.id || isStaffRole(user?.role));
  if (!where || !mayKnow) notFound();
  // An action that landed here says what it did on the page the comment is shown on; a new comment's author
  // is also given its reference number there (the page checks that the comment is theirs).
  const { done, failed } = await searchParams;
  // Someone else's member of a campaign group is listed among its group's signers, under the group's entry; an
  // author's own member is also shown on its own (so they can edit or withdraw it), where it is found as usual.
  const entry = where.campaignEntryId;
  const asSigner = entry !== null && entry !== where.id && where.authorId !== user?.id;
  const outcome = new URLSearchParams({
    from: String(asSigner ? entry : (where.rootId ?? where.id)),
    ...(done ? { done } : {}),
    ...(failed ? { failed } : {}),
    ...(done && POSTED.has(done) ? { posted: String(id) } : {}),
  });
  const anchor = asSigner ? `signer-${id}` : `comment-${id}`;
  redirect(`/${locale}/consultations/${where.consultationSlug}/principles/${where.principleSlug}?${outcome}#${anchor}`);
}
