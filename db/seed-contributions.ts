import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { insertComment } from "./queries/comments";
import { recordEndorsement } from "./queries/endorsements";
import { consultations, endorsementEvents, memberships, principles, users } from "./schema";
import type { Stance } from "./schema/enums";

/** Demo comments, written for Samvad: fixed form tokens make re-seeding add nothing. */
const demoComments: { key: string; author: string; principle: number; stance: Stance; body: string; onBehalf?: boolean; replyTo?: string }[] = [
  { key: "00000000-0000-4000-8000-000000000001", author: "asha.verma@digitaltrust.gov.example", principle: 1, stance: "supports", onBehalf: true,
    body: "Hospitals and power distribution companies should be named explicitly as critical infrastructure. Many smaller state utilities still run systems that cannot be patched without shutting down supply." },
  { key: "00000000-0000-4000-8000-000000000002", author: "fatima.sheikh@digitaladhikar.example", principle: 1, stance: "supports_with_changes", replyTo: "00000000-0000-4000-8000-000000000001",
    body: "Agreed on hospitals. The principle should also protect people, not only systems: the data of patients leaked in an attack harms them long after the systems are restored." },
  { key: "00000000-0000-4000-8000-000000000003", author: "arjun.nair@nofi.example", principle: 2, stance: "supports", onBehalf: true,
    body: "Routing security (RPKI route origin validation) and resilient DNS are the public core in practice. Operators can commit to them; a norm that states only intent will change little." },
  { key: "00000000-0000-4000-8000-000000000004", author: "meera.iyer@icps.edu.example", principle: 9, stance: "has_concerns",
    body: "The UN process and the Paris Call pull in different directions. India can support the norms while keeping its position that states decide on international security; the dialogue should say where that line lies." },
  { key: "00000000-0000-4000-8000-000000000005", author: "rohan.mehta@setu-pay.example", principle: 8, stance: "supports",
    body: "Payment companies are attacked every day and none of us should be striking back. What we need instead is a fast, trusted channel to CERT-In that works on weekends." },
  { key: "00000000-0000-4000-8000-000000000006", author: "vikram.rao@kavach-cloud.example", principle: 6, stance: "supports_with_changes", onBehalf: true,
    body: "Lifecycle security needs a clear minimum support period for devices sold in India. Five years of security updates for anything connected to the Internet would be a reasonable start." },
  { key: "00000000-0000-4000-8000-000000000007", author: "fatima.sheikh@digitaladhikar.example", principle: 3, stance: "opposes",
    body: "Defending elections must not become a reason to take down lawful political speech. As written, the principle gives no safeguard for that, so we cannot support it yet." },
];

export async function seedDemoContributions(db: Db): Promise<void> {
  const userIds = new Map(
    (await db.select({ id: users.id, email: users.email, group: users.stakeholderGroup }).from(users)).map((u) => [u.email, u]),
  );
  const paris = await db
    .select({ id: principles.id, position: principles.position, consultationId: principles.consultationId })
    .from(principles)
    .innerJoin(consultations, eq(consultations.id, principles.consultationId))
    .where(eq(consultations.slug, "paris-call"));
  const byPosition = new Map(paris.map((p) => [p.position, p]));
  const ids = new Map<string, number>();
  const verified = await db
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(sql`${memberships.verifiedAt} is not null`);
  for (const c of demoComments) {
    const author = userIds.get(c.author);
    const principle = byPosition.get(c.principle);
    if (!author || !principle) continue;
    const org = c.onBehalf ? verified.find((m) => m.userId === author.id)?.organisationId ?? null : null;
    const parentId = c.replyTo ? ids.get(c.replyTo) : undefined;
    const r = await insertComment(db, {
      consultationId: principle.consultationId,
      principleId: principle.id,
      authorId: author.id,
      parentId: parentId ?? null,
      organisationId: org,
      stakeholderGroup: author.group,
      stance: c.stance,
      body: c.body,
      language: "en",
      formToken: c.key,
    });
    if (r.ok) ids.set(c.key, r.id);
  }
  // Endorsements only on a consultation that has none yet, so that a withdrawal is never undone by a restart.
  const first = byPosition.get(1);
  if (!first) return;
  const [any] = await db.select({ id: endorsementEvents.id }).from(endorsementEvents).where(eq(endorsementEvents.consultationId, first.consultationId)).limit(1);
  if (any) return;
  const vikram = userIds.get("vikram.rao@kavach-cloud.example");
  const kavach = verified.find((m) => m.userId === vikram?.id);
  if (vikram && kavach) {
    await recordEndorsement(db, { consultationId: first.consultationId, principleId: null, actorId: vikram.id, organisationId: kavach.organisationId, stakeholderGroup: "private_sector", statement: "We commit to the nine principles in how we build and run our cloud services." });
  }
  const meera = userIds.get("meera.iyer@icps.edu.example");
  const hygiene = byPosition.get(7);
  if (meera && hygiene) {
    await recordEndorsement(db, { consultationId: first.consultationId, principleId: hygiene.id, actorId: meera.id, organisationId: null, stakeholderGroup: "academia", statement: null });
  }
}
