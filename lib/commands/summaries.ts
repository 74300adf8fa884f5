import type { Db } from "@/db/client";
import { countAwaitingModeration } from "@/db/queries/consultation-admin";
import { getPrincipleById } from "@/db/queries/consultations";
import { getCitedComments, getSummaryDraft, insertSummaryVersion, saveSummaryDraft } from "@/db/queries/summaries";
import { SUMMARY_SECTIONS, type SummaryContent } from "@/lib/limits";
import { allCitedIds, citationProblems, citedIds, type CitationProblem } from "@/lib/rules/citations";
import { authorise, type Actor, type Denied } from "./actor";

async function check(db: Db, principleId: string, sections: SummaryContent): Promise<CitationProblem[]> {
  return citationProblems(sections, principleId, await getCitedComments(db, allCitedIds(sections)));
}

/** Saving always keeps the draft, and reports its citation problems beside the editor. */
export async function saveSummary(
  db: Db,
  actor: Actor,
  p: { principleId: string; sections: SummaryContent },
  now = new Date(),
): Promise<{ ok: true; problems: CitationProblem[] } | Denied> {
  const allowed = authorise(actor, "staff");
  if (!allowed.ok) return allowed;
  if (!(await getPrincipleById(db, p.principleId))) return { ok: false, error: "notFound" };
  await saveSummaryDraft(db, { principleId: p.principleId, sections: p.sections, userId: allowed.actor.id }, now);
  return { ok: true, problems: await check(db, p.principleId, p.sections) };
}

/**
 * Publishing is refused while any citation is invalid or any statement of the overview or a group's part has none,
 * and while any comment on the principle still awaits moderation (a summary must account for every submission).
 */
export async function publishSummary(
  db: Db,
  actor: Actor,
  p: { principleId: string },
  now = new Date(),
): Promise<
  | { ok: true; version: number }
  | Denied
  | { ok: false; error: "emptySummary" | "summaryAwaitingModeration" }
  | { ok: false; error: "citationProblems"; problems: CitationProblem[] }
> {
  const allowed = authorise(actor, "staff");
  if (!allowed.ok) return allowed;
  const draft = await getSummaryDraft(db, p.principleId);
  if (!draft || SUMMARY_SECTIONS.every((s) => !(draft.sections[s] ?? "").trim())) return { ok: false, error: "emptySummary" };
  const problems = await check(db, p.principleId, draft.sections);
  if (problems.length) return { ok: false, error: "citationProblems", problems };
  if ((await countAwaitingModeration(db, { principleId: p.principleId })) > 0) return { ok: false, error: "summaryAwaitingModeration" };
  const citations = SUMMARY_SECTIONS.flatMap((section) =>
    [...new Set(citedIds(draft.sections[section] ?? ""))].map((commentId) => ({ commentId, section })),
  );
  let late: CitationProblem[] = [];
  const version = await insertSummaryVersion(
    db,
    { principleId: p.principleId, sections: draft.sections, publishedByRole: allowed.actor.role, citations },
    now,
    async (tx) => {
      late = citationProblems(draft.sections, p.principleId, await getCitedComments(tx, allCitedIds(draft.sections), true));
      return late.length === 0;
    },
  );
  if (version === null) return { ok: false, error: "citationProblems", problems: late };
  return { ok: true, version };
}
