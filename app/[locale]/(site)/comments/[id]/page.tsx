import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCommentLocation } from "@/db/queries/comments";
import { getCurrentUser } from "@/lib/auth/session";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string; id: string }> };

/** A comment's permanent address: opens the page of its thread with the comment in view. */
export default async function CommentPermalink({ params }: Props) {
  const locale = await pageLocale(params);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const [where, user] = await Promise.all([getCommentLocation(await getDb(), id), getCurrentUser()]);
  // A comment never published (held, or withdrawn while held) exists only for its author and moderators.
  const mayKnow = where && (where.publishedAt || where.authorId === user?.id || user?.role === "moderator" || user?.role === "admin");
  if (!where || !mayKnow) notFound();
  redirect(`/${locale}/consultations/${where.consultationSlug}/principles/${where.principleSlug}?from=${where.rootId ?? where.id}#comment-${id}`);
}
