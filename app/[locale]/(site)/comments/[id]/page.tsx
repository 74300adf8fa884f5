import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCommentLocation } from "@/db/queries/comments";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string; id: string }> };

/** A comment's permanent address: opens the page of its thread with the comment in view. */
export default async function CommentPermalink({ params }: Props) {
  const locale = await pageLocale(params);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const where = await getCommentLocation(await getDb(), id);
  if (!where) notFound();
  redirect(`/${locale}/consultations/${where.consultationSlug}/principles/${where.principleSlug}?from=${where.rootId ?? where.id}#comment-${id}`);
}
