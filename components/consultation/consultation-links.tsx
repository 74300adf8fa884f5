import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export type ConsultationPage = "overview" | "registry" | "ledger" | "policy" | "report";
type Entry = { key: ConsultationPage | "statistics"; href: string; label: string };

// The page being shown reads as plain bold text, still a link, so the list stays the same on every page.
const LINK =
  "inline-flex min-h-11 items-center text-blue-900 underline underline-offset-4 aria-[current=page]:font-bold aria-[current=page]:no-underline";

/**
 * The links every page of a consultation carries, for visitors too: its moderation policy and its public ledger
 * (the rules and how they were applied), plus the registry and, once intake has ended, the consultation report.
 * The page being shown is marked aria-current rather than left out, so the list reads the same everywhere.
 */
export async function ConsultationLinks({ slug, current, showReport }: { slug: string; current: ConsultationPage; showReport: boolean }) {
  const t = await getTranslations("consultation");
  const th = await getTranslations("home");
  const tm = await getTranslations("moderation");
  const tr = await getTranslations("report");
  const links: Entry[] = [
    current === "overview"
      ? { key: "statistics", href: "#statistics", label: th("statsLink") }
      : { key: "overview", href: `/consultations/${slug}`, label: t("overviewLink") },
    { key: "registry", href: `/consultations/${slug}/registry`, label: th("registryLink") },
    { key: "policy", href: `/consultations/${slug}/moderation-policy`, label: tm("policyLink") },
    { key: "ledger", href: `/consultations/${slug}/ledger`, label: tm("ledgerLink") },
    ...(showReport ? [{ key: "report" as const, href: `/consultations/${slug}/report`, label: tr("link") }] : []),
  ];
  return (
    <nav aria-label={t("pageLinks")} className="no-print mt-3" data-testid="consultation-links">
      <ul className="flex flex-wrap gap-x-6">
        {links.map((l) => (
          <li key={l.key}>
            {l.key === "statistics" ? (
              <a href={l.href} className={LINK}>
                {l.label}
              </a>
            ) : (
              <Link
                href={l.href}
                className={LINK}
                aria-current={l.key === current ? "page" : undefined}
                data-testid={l.key === "report" ? "report-link" : `${l.key}-link`}
              >
                {l.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
