"use client";

import { useTranslations } from "next-intl";
import type { CitationProblem } from "@/lib/rules/citations";

/**
 * The citations that stop a summary from being published, each linking to its part. An alert of its own after a
 * save; after a refused publish the error summary above already alerts and links here.
 */
export function CitationProblems({ problems, alert }: { problems: CitationProblem[]; alert: boolean }) {
  const t = useTranslations("summary");
  if (problems.length === 0) return null;
  return (
    <section
      aria-labelledby="problems-heading"
      role={alert ? "alert" : undefined}
      className="mb-6 rounded border-2 border-red-700 bg-red-50 p-4"
      data-testid="citation-problems"
    >
      <h2 id="problems-heading" tabIndex={-1} className="font-bold text-red-900">
        {t("problemsHeading")}
      </h2>
      <ul className="mt-2 list-disc pl-6">
        {problems.map((p, i) => (
          <li key={i}>
            <a href={`#summary-${p.section}`} className="text-red-900 underline">
              {p.kind === "uncitedBlock"
                ? t("problem.uncitedBlock", { section: t(`sections.${p.section}`), block: p.block, excerpt: p.excerpt })
                : t(`problem.${p.kind}`, { section: t(`sections.${p.section}`), id: p.commentId })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
