import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { localised } from "@/lib/i18n/page-locale";
import type { Locale } from "@/lib/i18n/routing";

interface Props {
  /** The staff page the links lead to, e.g. "/moderate/summaries". */
  path: string;
  current: string;
  consultations: { slug: string; title: string; titleHi: string | null; status: "draft" | "open" | "closed" }[];
  locale: Locale;
}

/** Staff work on one consultation at a time; the open one is the default, earlier rounds are a link away. */
export async function ConsultationPicker({ path, current, consultations, locale }: Props) {
  if (consultations.length < 2) return null;
  const t = await getTranslations("moderation");
  const ts = await getTranslations("status");
  return (
    <nav aria-label={t("pickConsultation")} className="mt-4" data-testid="consultation-picker">
      <ul className="flex flex-wrap gap-2">
        {consultations.map((c) => {
          const title = localised(locale, c.title, c.titleHi);
          return (
            <li key={c.slug}>
              <Link
                href={`${path}?consultation=${c.slug}`}
                aria-current={c.slug === current ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded border-2 border-blue-800 px-3 text-blue-900 underline aria-[current=page]:bg-blue-900 aria-[current=page]:text-white aria-[current=page]:no-underline"
              >
                <span lang={title.lang}>{title.text}</span>&nbsp;({ts(c.status)})
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
