import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { localised } from "@/lib/i18n/page-locale";
import type { PrincipleLinkView } from "./view-types";

type Neighbour = PrincipleLinkView | undefined;

export async function PrinciplePager(props: { locale: Locale; consultationSlug: string; previous: Neighbour; next: Neighbour }) {
  const t = await getTranslations("principle");
  const link = (p: NonNullable<Neighbour>, key: "previous" | "next") => {
    const title = localised(props.locale, p.title, p.titleHi).text;
    return (
      <Link
        href={`/consultations/${props.consultationSlug}/principles/${p.slug}`}
        rel={key === "previous" ? "prev" : "next"}
        className="inline-flex min-h-11 items-center text-blue-900 underline underline-offset-4"
      >
        {t(key, { title })}
      </Link>
    );
  };
  return (
    <nav aria-label={t("pager")} className="mt-10 border-t border-slate-300 pt-4">
      <ul className="flex flex-wrap justify-between gap-4">
        <li>{props.previous ? link(props.previous, "previous") : null}</li>
        <li>
          <Link
            href={`/consultations/${props.consultationSlug}`}
            className="inline-flex min-h-11 items-center text-blue-900 underline underline-offset-4"
          >
            {t("allPrinciples")}
          </Link>
        </li>
        <li>{props.next ? link(props.next, "next") : null}</li>
      </ul>
    </nav>
  );
}
