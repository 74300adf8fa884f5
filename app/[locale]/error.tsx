"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

// Shown for any unexpected server error: the message is ours; the stack and error text stay in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div className="max-w-prose">
      <h1 className="text-3xl font-bold text-blue-950">{t("title")}</h1>
      <p className="mt-4">{t("body")}</p>
      <p className="mt-4 flex gap-6">
        <button type="button" onClick={reset} className="min-h-11 cursor-pointer text-blue-900 underline">
          {t("retry")}
        </button>
        <Link href="/" className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
