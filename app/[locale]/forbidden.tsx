import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";

/** A signed-in person on a page their role does not open (HTTP 403); visitors are sent to sign in instead. */
export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <div className="max-w-prose">
      <title>{t("title")}</title>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4" data-testid="forbidden">{t("body")}</p>
      <p className="mt-4">
        <Link href="/" className="text-blue-900 underline underline-offset-4">{t("home")}</Link>
      </p>
    </div>
  );
}
