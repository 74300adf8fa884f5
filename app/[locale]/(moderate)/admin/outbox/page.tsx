import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listOutbox } from "@/db/queries/outbox";
import { isDemoMode } from "@/lib/auth/config";
import { requireRole } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { positiveInt } from "@/lib/i18n/search-params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ before?: string }> };

const PAGE = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("outbox"))("title") };
}

/**
 * Admins only: the queued mail, newest first. Without a mail server (a demo) this is where messages are read,
 * links included; with one, it shows what was sent, what waits for a retry and what was given up.
 */
export default async function OutboxPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  await requireRole("admin");
  const before = positiveInt((await searchParams).before) ?? undefined;
  const rows = await listOutbox(await getDb(), { before, limit: PAGE });
  const t = await getTranslations("outbox");
  const last = rows.at(-1);
  // Message texts carry single-use sign-in links: readable here only where no mail leaves the server (a demo).
  const showBodies = isDemoMode() && !env().SMTP_URL;
  return (
    <div>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-2 max-w-prose">
        {t("intro")} {env().SMTP_URL ? t("live") : t("demo")}
      </p>
      {showBodies ? null : <p className="mt-2 max-w-prose">{t("bodyHidden")}</p>}
      {rows.length === 0 ? <p className="mt-6">{t("none")}</p> : null}
      <ol className="mt-6 space-y-4" data-testid="outbox">
        {rows.map((m) => (
          <li key={m.id} className="rounded border border-slate-300 p-4" data-testid="outbox-item">
            <h2 className="font-semibold break-words">{m.subject}</h2>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              <dt className="font-medium">{t("to")}</dt>
              <dd className="break-all" lang="en" data-testid="outbox-to">
                {m.toAddress}
              </dd>
              <dt className="font-medium">{t("queued")}</dt>
              <dd>{formatDateTime(m.createdAt, locale)}</dd>
              <dt className="font-medium">{t("state")}</dt>
              <dd>
                {m.sentAt
                  ? t("sent", { time: formatDateTime(m.sentAt, locale) })
                  : m.failedAt
                    ? t("failed", { time: formatDateTime(m.failedAt, locale), attempts: m.attempts })
                    : t("waiting", { attempts: m.attempts })}
              </dd>
              {m.lastError ? (
                <>
                  <dt className="font-medium">{t("lastError")}</dt>
                  <dd className="break-words">{m.lastError}</dd>
                </>
              ) : null}
              {m.unsubscribeUrl ? (
                <>
                  <dt className="font-medium">{t("unsubscribe")}</dt>
                  <dd className="break-all" lang="en">
                    {m.unsubscribeUrl}
                  </dd>
                </>
              ) : null}
            </dl>
            {showBodies ? (
              <pre className="mt-2 font-sans break-words whitespace-pre-wrap" data-testid="outbox-body">
                {m.body}
              </pre>
            ) : null}
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
