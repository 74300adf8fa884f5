import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listFeedback } from "@/db/queries/feedback";
import { requireRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { positiveInt } from "@/lib/i18n/search-params";
import { feedbackReference } from "@/lib/rules/reference-number";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ before?: string }> };

const PAGE = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("feedback"))("adminTitle") };
}

/** Admins only: what visitors wrote through the feedback form, newest first. Messages are shown as plain text. */
export default async function AdminFeedbackPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  await requireRole("admin");
  const before = positiveInt((await searchParams).before) ?? undefined;
  const rows = await listFeedback(await getDb(), { before, limit: PAGE });
  const t = await getTranslations("feedback");
  const tl = await getTranslations("languages");
  const last = rows.at(-1);
  return (
    <div>
      <PageHeading>{t("adminTitle")}</PageHeading>
      <p className="mt-2 max-w-prose">{t("adminIntro")}</p>
      {rows.length === 0 ? <p className="mt-6">{t("adminNone")}</p> : null}
      <ol className="mt-6 space-y-4" data-testid="feedback-list">
        {rows.map((r) => (
          <li key={r.id} className="rounded border border-slate-300 p-4" data-testid="feedback-item">
            <h2 className="font-semibold">
              {feedbackReference(r.id, r.createdAt)} · {formatDateTime(r.createdAt, locale)}
            </h2>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              <dt className="font-medium">{t("from")}</dt>
              <dd>
                {[r.name, r.email, r.accountName ? t("account", { name: r.accountName }) : null].filter(Boolean).join(" · ") ||
                  t("anonymous")}
              </dd>
              <dt className="font-medium">{t("pageLabel")}</dt>
              <dd className="break-all" lang="en">
                {r.pagePath ?? "—"}
              </dd>
              <dt className="font-medium">{t("languageLabel")}</dt>
              <dd>{tl(r.language)}</dd>
            </dl>
            <p className="mt-2 whitespace-pre-line break-words">{r.message}</p>
          </li>
        ))}
      </ol>
      {rows.length === PAGE && last ? (
        <p className="mt-4">
          <a href={`?before=${last.id}`} className="inline-flex min-h-11 items-center text-blue-900 underline">
            {t("older")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
