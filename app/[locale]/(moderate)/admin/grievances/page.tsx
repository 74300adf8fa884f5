import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { ResolveGrievanceForm } from "@/components/privacy/resolve-grievance-form";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listGrievances } from "@/db/queries/grievances";
import { requireRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { grievanceReference } from "@/lib/rules/privacy";

type Props = { params: Promise<{ locale: string }> };

const PAGE = 100;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("grievance"))("adminTitle") };
}

type Row = Awaited<ReturnType<typeof listGrievances>>[number];

/** Admins only: grievances to the grievance officer, to answer by email and mark resolved. Shown as plain text. */
export default async function AdminGrievancesPage({ params }: Props) {
  const locale = (await pageLocale(params)) as Locale;
  await requireRole("admin");
  const db = await getDb();
  const [open, resolved] = await Promise.all([
    listGrievances(db, { state: "open", limit: PAGE }),
    listGrievances(db, { state: "resolved", limit: PAGE }),
  ]);
  const t = await getTranslations("grievance");
  const tl = await getTranslations("languages");
  const item = (r: Row) => (
    <li key={r.id} className="rounded border border-slate-300 p-4" data-testid="grievance-item">
      <h3 className="font-semibold">
        <span data-testid="grievance-item-reference">{grievanceReference(r.id, r.createdAt)}</span> · {formatDateTime(r.createdAt, locale)}
      </h3>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="font-medium">{t("from")}</dt>
        <dd className="break-words">
          {r.email ? (
            <>
              {r.name} ·{" "}
              <a href={`mailto:${r.email}`} className="text-blue-900 underline">
                {r.email}
              </a>
              {r.hasAccount ? ` · ${t("withAccount")}` : ""}
            </>
          ) : (
            t("erasedSender")
          )}
        </dd>
        <dt className="font-medium">{t("languageLabel")}</dt>
        <dd>{tl(r.language)}</dd>
      </dl>
      <p className="mt-2 whitespace-pre-line break-words">{r.message}</p>
      {r.resolvedAt ? (
        <div className="mt-2 border-l-4 border-green-700 pl-3">
          <p className="font-medium">{t("resolvedOn", { date: formatDateTime(r.resolvedAt, locale) })}</p>
          <p className="whitespace-pre-line break-words">{r.resolution}</p>
        </div>
      ) : (
        <ResolveGrievanceForm grievanceId={r.id} />
      )}
    </li>
  );
  return (
    <div>
      <PageHeading>{t("adminTitle")}</PageHeading>
      <p className="mt-2 max-w-prose">{t("adminIntro")}</p>
      <ClientMessages namespaces={["grievance"]}>
        <section aria-labelledby="open-heading" className="mt-6">
          <h2 id="open-heading" className="text-2xl font-bold">
            {t("openHeading")}
          </h2>
          {open.length === 0 ? <p className="mt-2">{t("noneOpen")}</p> : null}
          <ol className="mt-2 space-y-4" data-testid="grievances-open">
            {open.map(item)}
          </ol>
        </section>
        <section aria-labelledby="resolved-heading" className="mt-8">
          <h2 id="resolved-heading" className="text-2xl font-bold">
            {t("resolvedHeading")}
          </h2>
          {resolved.length === 0 ? <p className="mt-2">{t("noneResolved")}</p> : null}
          <ol className="mt-2 space-y-4" data-testid="grievances-resolved">
            {resolved.map(item)}
          </ol>
        </section>
      </ClientMessages>
    </div>
  );
}
