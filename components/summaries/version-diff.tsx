import { diffLines } from "diff";
import { getTranslations } from "next-intl/server";
import { SUMMARY_SECTIONS, type SummaryContent } from "@/lib/limits";

/** What changed between two versions, part by part, line by line. */
export async function VersionDiff({ from, to }: { from: SummaryContent; to: SummaryContent }) {
  const t = await getTranslations("summary");
  return (
    <div className="space-y-4" data-testid="version-diff">
      {SUMMARY_SECTIONS.map((s) => {
        const parts = diffLines(from[s] ?? "", to[s] ?? "");
        const changed = parts.some((p) => p.added || p.removed);
        return (
          <section key={s} aria-label={t(`sections.${s}`)}>
            <h3 className="font-semibold">{t(`sections.${s}`)}</h3>
            {changed ? (
              <div className="mt-1 space-y-1 font-mono text-sm">
                {parts
                  .filter((p) => p.added || p.removed)
                  .map((p, i) =>
                    p.added ? (
                      <ins key={i} className="block whitespace-pre-wrap bg-green-50 text-green-900 no-underline" data-testid="diff-added">
                        <span className="font-sans font-semibold">{t("added")}: </span>
                        {p.value}
                      </ins>
                    ) : (
                      <del key={i} className="block whitespace-pre-wrap bg-red-50 text-red-900" data-testid="diff-removed">
                        <span className="font-sans font-semibold">{t("removed")}: </span>
                        {p.value}
                      </del>
                    ),
                  )}
              </div>
            ) : (
              <p className="text-sm text-slate-700">{t("unchanged")}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
