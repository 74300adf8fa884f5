import { excerpt, languageOf, mentions, plainMarkdown } from "./excerpt";
import type { LangText, SearchResultView } from "./view-types";

/**
 * Search rows → what the results page shows, in the reader's language. Plain functions of their input (the
 * page hands over rows and the catalogue's words), so a component never reaches for the database.
 */

type Locale = "en" | "hi";
type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface ViewContext {
  locale: Locale;
  terms: string[];
  t: Translate;
  groupLabel: (group: string) => string;
  formatDate: (d: Date) => string;
}

/** The Hindi text when the page is Hindi and there is one, else English (marked as such on a Hindi page). */
function pick(locale: Locale, en: string, hi: string | null): LangText {
  if (locale === "hi" && hi) return { text: hi };
  return locale === "hi" ? { text: en, lang: "en" } : { text: en };
}

/** A text in a known language, marked when it differs from the page's. */
function inLanguage(locale: Locale, text: string, lang: string): LangText {
  return lang === locale ? { text } : { text, lang };
}

/** The first of the texts that holds a query word (the reader's language first), cut around it. */
function bestExcerpt(ctx: ViewContext, texts: { text: string | null; lang: Locale }[]): LangText | undefined {
  const present = texts.filter((x): x is { text: string; lang: Locale } => !!x.text?.trim());
  const ordered = [...present.filter((x) => x.lang === ctx.locale), ...present.filter((x) => x.lang !== ctx.locale)];
  const hit = ordered.find((x) => mentions(x.text, ctx.terms)) ?? ordered[0];
  return hit ? inLanguage(ctx.locale, excerpt(hit.text, ctx.terms), hit.lang) : undefined;
}

interface ConsultationNamed {
  consultationSlug: string;
  consultationTitle: string;
  consultationTitleHi: string | null;
}

export interface PrincipleRow extends ConsultationNamed {
  slug: string;
  title: string;
  titleHi: string | null;
  body: string;
  bodyHi: string | null;
  explainer: string | null;
  explainerHi: string | null;
}

export function principleView(ctx: ViewContext, r: PrincipleRow): SearchResultView {
  return {
    key: `${r.consultationSlug}/${r.slug}`,
    href: `/consultations/${r.consultationSlug}/principles/${r.slug}`,
    title: pick(ctx.locale, r.title, r.titleHi),
    context: [pick(ctx.locale, r.consultationTitle, r.consultationTitleHi)],
    excerpt: bestExcerpt(ctx, [
      { text: r.titleHi, lang: "hi" },
      { text: r.bodyHi, lang: "hi" },
      { text: r.explainerHi, lang: "hi" },
      { text: r.title, lang: "en" },
      { text: r.body, lang: "en" },
      { text: r.explainer, lang: "en" },
    ]),
  };
}

export interface CommentRow extends ConsultationNamed {
  /** The comment's reference number, worked out by the page (lib/rules/reference-number). */
  reference: string;
  principleSlug: string;
  principleTitle: string;
  principleTitleHi: string | null;
  id: number;
  body: string;
  language: Locale;
  stakeholderGroup: string;
  organisationName: string | null;
  offPlatform: boolean;
  publishedAt: Date | null;
  createdAt: Date;
}

export function commentView(ctx: ViewContext, r: CommentRow): SearchResultView {
  const meta = [
    r.organisationName ? ctx.t("onBehalfOf", { organisation: r.organisationName }) : ctx.groupLabel(r.stakeholderGroup),
    r.organisationName ? ctx.groupLabel(r.stakeholderGroup) : null,
    r.offPlatform ? ctx.t("offPlatform") : null,
    ctx.formatDate(r.publishedAt ?? r.createdAt),
  ].filter((x): x is string => !!x);
  return {
    key: `comment-${r.id}`,
    href: `/comments/${r.id}`,
    title: { text: ctx.t("commentTitle", { reference: r.reference }) },
    context: [pick(ctx.locale, r.consultationTitle, r.consultationTitleHi), pick(ctx.locale, r.principleTitle, r.principleTitleHi)],
    meta: meta.join(" · "),
    excerpt: inLanguage(ctx.locale, excerpt(r.body, ctx.terms), r.language),
  };
}

export interface SummaryRow extends ConsultationNamed {
  principleSlug: string;
  principleTitle: string;
  principleTitleHi: string | null;
  version: number;
  sections: Partial<Record<string, string>>;
  publishedAt: Date;
}

export function summaryView(ctx: ViewContext, r: SummaryRow, sectionOrder: readonly string[]): SearchResultView {
  const texts = sectionOrder.map((s) => plainMarkdown(r.sections[s] ?? "")).filter(Boolean);
  const hit = texts.find((x) => mentions(x, ctx.terms)) ?? texts[0];
  const principle = pick(ctx.locale, r.principleTitle, r.principleTitleHi);
  return {
    key: `summary-${r.consultationSlug}/${r.principleSlug}`,
    href: `/consultations/${r.consultationSlug}/principles/${r.principleSlug}/summary`,
    title: { text: ctx.t("summaryTitle", { principle: principle.text, version: r.version }) },
    context: [pick(ctx.locale, r.consultationTitle, r.consultationTitleHi)],
    meta: ctx.t("publishedOn", { date: ctx.formatDate(r.publishedAt) }),
    excerpt: hit ? inLanguage(ctx.locale, excerpt(hit, ctx.terms), languageOf(hit)) : undefined,
  };
}

export interface OrganisationRow {
  id: string;
  name: string;
  stakeholderGroup: string;
  verified: boolean;
}

export function organisationView(ctx: ViewContext, r: OrganisationRow): SearchResultView {
  return {
    key: `organisation-${r.id}`,
    title: { text: r.name, lang: ctx.locale === "hi" && languageOf(r.name) === "en" ? "en" : undefined },
    meta: [ctx.groupLabel(r.stakeholderGroup), ctx.t(r.verified ? "verified" : "notVerified")].join(" · "),
  };
}
