import { getTranslations } from "next-intl/server";
import type { ConsultationStatus } from "@/lib/limits";

/** On every page of a draft consultation (which only staff can open): a reminder that the public cannot see it. */
export async function DraftBanner({ status }: { status: ConsultationStatus }) {
  if (status !== "draft") return null;
  const t = await getTranslations("consultation");
  return (
    <p
      className="mb-4 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-2 font-semibold text-amber-950"
      role="note"
      data-testid="draft-banner"
    >
      {t("draftBanner")}
    </p>
  );
}
