import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="max-w-prose">
      <title>{t("title")}</title>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4">{t("body")}</p>
      <p className="mt-4">
        <Link href="/" className="text-blue-900 underline underline-offset-4">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
