import type { Db } from "../client";
import type { CommentSort } from "@/lib/limits";
import { countComments, listCommentThreads, type PageStart } from "./comments";
import { getConsultationBySlug, getPrinciple, listPrinciples } from "./consultations";
import { listActiveEndorsementsOf } from "./endorsements";
import { countCommentsByGroupAndStance, countEndorsementsByGroup } from "./statistics";
import { listMembershipsOfUser } from "./users";
import { signableOrganisationIds } from "@/lib/rules/capacity";

/**
 * Everything the principle page reads, in one place, so that its statement count can be measured: it does not
 * grow with the number of comments (two statements load a page of threads with all their replies).
 */
export async function getPrinciplePageData(
  db: Db,
  p: { consultationSlug: string; principleSlug: string; viewerId: string | null; sort: CommentSort; start: PageStart },
) {
  const consultation = await getConsultationBySlug(db, p.consultationSlug);
  if (!consultation || consultation.status === "draft") return null;
  const principle = await getPrinciple(db, consultation.id, p.principleSlug);
  if (!principle) return null;
  const memberships = p.viewerId ? await listMembershipsOfUser(db, p.viewerId) : [];
  const [principles, page, total, commentStats, endorsementStats, active] = await Promise.all([
    listPrinciples(db, consultation.id),
    listCommentThreads(db, { principleId: principle.id, viewerId: p.viewerId, sort: p.sort, start: p.start }),
    countComments(db, principle.id),
    countCommentsByGroupAndStance(db, { consultationId: consultation.id, principleId: principle.id }),
    countEndorsementsByGroup(db, { consultationId: consultation.id, targetKey: principle.id }),
    p.viewerId
      ? listActiveEndorsementsOf(db, {
          consultationId: consultation.id,
          userId: p.viewerId,
          organisationIds: signableOrganisationIds(memberships),
        })
      : Promise.resolve([]),
  ]);
  return { consultation, principle, memberships, principles, page, total, commentStats, endorsementStats, active };
}
