import { getTranslations } from "next-intl/server";
import { referenceNumber } from "@/lib/rules/reference-number";

/**
 * The acknowledgement of a comment just posted: its reference number at once, with where to find it again. The
 * page shows it only to the comment's author (it checks the comment is theirs), after the post landed here.
 */
export async function PostedConfirmation(p: { id: number; createdAt: Date; prefix: string; locale: string; awaiting: boolean }) {
  const t = await getTranslations("comments");
  const ref = referenceNumber(p.prefix, p.id, p.createdAt);
  return (
    <section
      aria-labelledby="posted-heading"
      className="mt-4 rounded border-2 border-green-700 bg-green-50 p-4 text-green-950"
      data-testid="posted-confirmation"
    >
      <h2 id="posted-heading" className="text-xl font-bold">
        {t("postedHeading")}
      </h2>
      <p className="mt-1">
        {t("postedReference")}{" "}
        <strong className="text-lg" data-testid="posted-reference">
          {ref}
        </strong>
      </p>
      {p.awaiting ? <p className="mt-1">{t("postedAwaiting")}</p> : null}
      <p className="mt-1">
        {t("postedKeep")}{" "}
        <a href={`/${p.locale}/my-contributions`} className="font-semibold text-blue-900 underline">
          {t("postedMyContributions")}
        </a>
      </p>
    </section>
  );
}
