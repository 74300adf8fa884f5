import type { ReactNode } from "react";
import { PageHeading } from "@/components/ui/page-heading";
import { Link } from "@/lib/i18n/navigation";

/** A consultation's sub-page (ledger, policy, registry): the way back to the consultation, then the page's title. */
export function ConsultationPageHeading({
  slug,
  title,
  children,
}: {
  slug: string;
  title: { text: string; lang?: string };
  children: ReactNode;
}) {
  return (
    <>
      <p>
        <Link href={`/consultations/${slug}`} className="text-blue-900 underline" lang={title.lang}>
          {title.text}
        </Link>
      </p>
      <div className="mt-3">
        <PageHeading>{children}</PageHeading>
      </div>
    </>
  );
}
