import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

const linkClass = "inline-flex min-h-11 items-center text-blue-900 underline underline-offset-4";

/**
 * The links every page carries (GIGW 3.0): the site's own pages, and the moderation policy and public ledger of
 * the current consultation (the open one, else the latest), for visitors as much as for participants.
 */
export async function SiteFooter({ demo, currentConsultation }: { demo: boolean; currentConsultation: string | null }) {
  const t = await getTranslations("footer");
  const links: [string, string][] = [
    ["/about", t("aboutLink")],
    ["/contact", t("contact")],
    ["/feedback", t("feedback")],
    ["/help", t("help")],
    ["/policies", t("policies")],
    ["/privacy", t("privacy")],
    ["/grievance", t("grievance")],
    ["/open-data", t("openData")],
    ["/accessibility", t("accessibility")],
    ["/sitemap", t("sitemap")],
    ...(currentConsultation
      ? ([
          [`/consultations/${currentConsultation}/moderation-policy`, t("moderationPolicy")],
          [`/consultations/${currentConsultation}/ledger`, t("moderationLedger")],
        ] as [string, string][])
      : []),
  ];
  return (
    <footer className="mt-16 border-t border-slate-300 bg-slate-50">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">
        <nav aria-label={t("label")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-1">
            {links.map(([href, label]) => (
              <li key={href}>
                <Link href={href} className={linkClass}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="mt-3">{t("about")}</p>
        {demo ? <p className="mt-1 font-medium">{t("demo")}</p> : null}
      </div>
    </footer>
  );
}
