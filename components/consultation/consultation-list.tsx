import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { localised } from "@/lib/i18n/page-locale";
import { PhaseNotice } from "./phase-notice";
import type { ConsultationListItemView } from "./view-types";

/** Consultations as the home page lists them: title (the link), owner, current phase with its dates, number of sections. */
export async function ConsultationList({ items, locale, testId }: { items: ConsultationListItemView[]; locale: Locale; testId: string }) {
  const t = await getTranslations("consultation");
  return (
    <ul className="mt-4 space-y-4" data-testid={testId}>
      {items.map((c) => {
        const title = localised(locale, c.title, c.titleHi);
        return (
          <li key={c.slug} className="rounded border-2 border-slate-300 p-4" data-testid="consultation-item" data-slug={c.slug}>
            <h3 className="text-xl font-semibold">
              <Link href={`/consultations/${c.slug}`} className="text-blue-900 underline underline-offset-4" lang={title.lang}>
                {title.text}
              </Link>
            </h3>
            {c.ownerName ? <p className="mt-1">{t("owner", { name: c.ownerName })}</p> : null}
            <p className="mt-1 text-slate-700">{t("sections", { count: c.sectionCount })}</p>
            <PhaseNotice
              status={c.status}
              opensAt={c.opensAt}
              closesAt={c.closesAt}
              counterClosesAt={c.counterClosesAt}
              closedAt={c.closedAt}
              locale={locale}
            />
          </li>
        );
      })}
    </ul>
  );
}
