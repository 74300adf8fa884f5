import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

const PAGES = [
  { key: "texts", path: "" },
  { key: "schedule", path: "/schedule" },
  { key: "publish", path: "/publish" },
  { key: "close", path: "/close" },
] as const;
export type ConsultationAdminPage = (typeof PAGES)[number]["key"];

const link = "inline-flex min-h-11 items-center rounded px-3 text-blue-900 underline underline-offset-2";

/** The admin pages of one consultation, and its public page (a draft's preview, seen only by staff). */
export async function ConsultationTabs({ id, slug, current }: { id: string; slug: string; current: ConsultationAdminPage }) {
  const t = await getTranslations("consultationAdmin");
  return (
    <nav aria-label={t("tabsLabel")} className="mt-4 border-b-2 border-slate-300 pb-2">
      <ul className="flex flex-wrap gap-x-2">
        <li>
          <Link href="/admin/consultations" className={link}>
            {t("allConsultations")}
          </Link>
        </li>
        {PAGES.map((p) => (
          <li key={p.key}>
            <Link
              href={`/admin/consultations/${id}${p.path}`}
              aria-current={p.key === current ? "page" : undefined}
              className={`${link} aria-[current=page]:bg-blue-900 aria-[current=page]:text-white aria-[current=page]:no-underline`}
            >
              {t(`tabs.${p.key}`)}
            </Link>
          </li>
        ))}
        <li>
          <Link href={`/consultations/${slug}`} className={link} data-testid="preview-link">
            {t("tabs.preview")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
