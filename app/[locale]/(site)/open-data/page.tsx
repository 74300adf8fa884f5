import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { Paragraphs } from "@/components/ui/prose";
import { getDb } from "@/db/client";
import { listOpenConsultations } from "@/db/queries/open-data";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { OPEN_DATA_ENDPOINTS, openConsultation, type EndpointName } from "@/lib/http/open-data";
import { OPENAPI_PATH } from "@/lib/http/openapi";
import { API_MAX_AGE_SECONDS, API_PAGE_DEFAULT, API_PAGE_MAX, API_RATE_BURST, API_RATE_PER_MINUTE } from "@/lib/limits";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("openData"))("title") };
}

/** Example values for an endpoint's address and a query that shows its parameters at work. */
const EXAMPLE_QUERY: Partial<Record<EndpointName, string>> = {
  comments: "?limit=20",
  endorsements: "?group=academia",
  endorsementEvents: "?limit=20",
};

const PARAMS = ["slug", "id", "after", "limit", "principle", "group", "target"] as const;
type ParamName = (typeof PARAMS)[number];
const isParam = (name: string): name is ParamName => (PARAMS as readonly string[]).includes(name);

/** The open data page: what the API serves and how to use it, generated from the endpoint list itself. */
export default async function OpenDataPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations("openData");
  const consultations = (await listOpenConsultations(await getDb())).map((c) => ({ api: openConsultation(c), row: c }));
  const example = consultations[0]?.api.slug ?? "paris-call";
  const paramText = (name: ParamName) => t(`param.${name}`, { max: API_PAGE_MAX, default: API_PAGE_DEFAULT });
  const code = "rounded bg-slate-100 px-1 font-mono text-sm break-all";
  return (
    <article className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>

      <section aria-labelledby="usage-heading" className="mt-8">
        <h2 id="usage-heading" className="text-xl font-bold text-blue-950">
          {t("usage.heading")}
        </h2>
        <Paragraphs text={t("usage.body")} className="mt-2" />
      </section>

      <section aria-labelledby="rules-heading" className="mt-8">
        <h2 id="rules-heading" className="text-xl font-bold text-blue-950">
          {t("rules.heading")}
        </h2>
        <Paragraphs
          text={t("rules.body", { maxAge: API_MAX_AGE_SECONDS, burst: API_RATE_BURST, perMinute: API_RATE_PER_MINUTE })}
          className="mt-2"
        />
        <p className="max-w-prose">
          {t("spec")}{" "}
          <a href={OPENAPI_PATH} className="text-blue-900 underline" data-testid="openapi-link">
            <code lang="en">{OPENAPI_PATH}</code>
          </a>
        </p>
      </section>

      <section aria-labelledby="endpoints-heading" className="mt-8">
        <h2 id="endpoints-heading" className="text-xl font-bold text-blue-950">
          {t("endpointsHeading")}
        </h2>
        {(Object.entries(OPEN_DATA_ENDPOINTS) as [EndpointName, (typeof OPEN_DATA_ENDPOINTS)[EndpointName]][]).map(([name, e]) => {
          const params = [...Object.keys(e.pathParams), ...Object.keys(e.query)].filter(isParam);
          const href = e.path.replace("{slug}", example).replace("{id}", "1") + (EXAMPLE_QUERY[name] ?? "");
          return (
            <section key={name} aria-labelledby={`endpoint-${name}`} className="mt-6 border-t border-slate-300 pt-4" data-testid="endpoint">
              <h3 id={`endpoint-${name}`} className="font-semibold">
                <code lang="en" className={code}>
                  GET {e.path}
                </code>
              </h3>
              <p className="mt-2">{t(`endpoint.${name}`)}</p>
              {params.length ? (
                <>
                  <h4 className="mt-2 font-semibold">{t("parameters")}</h4>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                    {params.map((p) => (
                      <div key={p} className="contents">
                        <dt>
                          <code lang="en" className={code}>
                            {p}
                          </code>
                        </dt>
                        <dd>{paramText(p)}</dd>
                      </div>
                    ))}
                  </dl>
                </>
              ) : (
                <p className="mt-2">{t("noParameters")}</p>
              )}
              <p className="mt-2">
                {t("example")}:{" "}
                <a href={href} className="text-blue-900 underline">
                  <code lang="en" className="font-mono text-sm break-all">
                    {href}
                  </code>
                </a>
              </p>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="csv-heading" className="mt-8">
        <h2 id="csv-heading" className="text-xl font-bold text-blue-950">
          {t("csvHeading")}
        </h2>
        <p className="mt-2 max-w-prose">{t("csvIntro")}</p>
        {consultations.length === 0 ? (
          <p className="mt-2">{t("noConsultations")}</p>
        ) : (
          consultations.map(({ api, row }) => {
            const title = localised(locale, row.title, row.titleHi);
            return (
              <section key={api.id} aria-labelledby={`csv-${api.slug}`} className="mt-4" data-testid="csv-consultation">
                <h3 id={`csv-${api.slug}`} className="font-semibold" lang={title.lang}>
                  {title.text}
                </h3>
                <ul className="mt-1 list-disc pl-6">
                  {(
                    [
                      ["comments", api.links.commentsCsv],
                      ["registry", api.links.endorsementsCsv],
                      ["ledger", api.links.ledgerCsv],
                    ] as const
                  ).map(([k, href]) => (
                    <li key={k}>
                      <a href={href} download className="inline-flex min-h-11 items-center text-blue-900 underline">
                        {t(`csv.${k}`)}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        )}
      </section>
    </article>
  );
}
