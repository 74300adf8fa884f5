import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LinkedText } from "@/components/comments/linked-text";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { getCommentForAuthor, listCommentVersions } from "@/db/queries/comments";
import { getCurrentUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { positiveInt } from "@/lib/i18n/search-params";

type Props = { params: Promise<{ locale: string; id: string }> };

async function commentId(params: Props["params"]) {
  const id = positiveInt((await params).id);
  if (!id) notFound();
  return id;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("comments"))("historyTitle", { id: await commentId(params) }) };
}

/** Every version of a published comment, oldest first. Only the author sees the versions of a withdrawn one. */
export default async function CommentHistoryPage({ params }: Props) {
  const locale = await pageLocale(params);
  const id = await commentId(params);
  const db = await getDb();
  const [comment, user] = await Promise.all([getCommentForAuthor(db, id), getCurrentUser()]);
  if (!comment || (comment.state !== "published" && comment.authorId !== user?.id)) notFound();
  const versions = await listCommentVersions(db, id);
  const t = await getTranslations("comments");
  const ts = await getTranslations("stances");
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("historyTitle", { id })}</PageHeading>
      <ol className="mt-6 space-y-6" data-testid="versions">
        {versions.map((v, i) => (
          <li key={v.version} className="rounded border border-slate-300 p-4">
            <h2 className="font-semibold">
              {t("versionLabel", { n: v.version, date: formatDateTime(v.createdAt, locale) })}
              {i === versions.length - 1 ? <span className="font-normal"> · {t("currentVersion")}</span> : null}
            </h2>
            <p className="mt-1 text-sm">{t("stanceLabel", { stance: ts(v.stance) })}</p>
            <div className="mt-2">
              <LinkedText text={v.body} />
            </div>
          </li>
        ))}
      </ol>
      <p className="mt-6">
        <Link href={`/comments/${id}`} className="text-blue-900 underline">
          {t("backToComment")}
        </Link>
      </p>
    </div>
  );
}
