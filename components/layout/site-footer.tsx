import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function SiteFooter({ demo }: { demo: boolean }) {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-16 border-t border-slate-300 bg-slate-50">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">
        <nav aria-label={t("label")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <Link href="/privacy" className="text-blue-900 underline underline-offset-4">
                {t("privacy")}
              </Link>
            </li>
            <li>
              <Link href="/accessibility" className="text-blue-900 underline underline-offset-4">
                {t("accessibility")}
              </Link>
            </li>
          </ul>
        </nav>
        <p className="mt-3">{t("about")}</p>
        {demo ? <p className="mt-1 font-medium">{t("demo")}</p> : null}
      </div>
    </footer>
  );
}
