import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { insertComment } from "./queries/comments";
import { recordEndorsement } from "./queries/endorsements";
import { ENDORSEMENT_RATE } from "@/lib/rules/token-bucket";
import { consultations, endorsementEvents, memberships, principles, users } from "./schema";
import type { Stance, StakeholderGroup } from "@/lib/limits";

/** Demo comments on the open consultation, written for Samvad. */
const demoComments: {
  key: string;
  author: string;
  principle: number;
  stance: Stance;
  body: string;
  onBehalf?: boolean;
  replyTo?: string;
}[] = [
  {
    key: "00000000-0000-4000-8000-000000000001",
    author: "asha.verma@digitaltrust.gov.example",
    principle: 1,
    stance: "supports",
    onBehalf: true,
    body: "Hospitals and power distribution companies should be named explicitly as critical infrastructure. Many smaller state utilities still run systems that cannot be patched without shutting down supply.",
  },
  {
    key: "00000000-0000-4000-8000-000000000002",
    author: "fatima.sheikh@digitaladhikar.example",
    principle: 1,
    stance: "supports_with_changes",
    replyTo: "00000000-0000-4000-8000-000000000001",
    body: "Agreed on hospitals. The principle should also protect people, not only systems: the data of patients leaked in an attack harms them long after the systems are restored.",
  },
  {
    key: "00000000-0000-4000-8000-000000000003",
    author: "arjun.nair@nofi.example",
    principle: 2,
    stance: "supports",
    onBehalf: true,
    body: "Routing security (RPKI route origin validation) and resilient DNS are the public core in practice. Operators can commit to them; a norm that states only intent will change little.",
  },
  {
    key: "00000000-0000-4000-8000-000000000004",
    author: "meera.iyer@icps.edu.example",
    principle: 9,
    stance: "has_concerns",
    body: "The UN process and the Paris Call pull in different directions. India can support the norms while keeping its position that states decide on international security; the dialogue should say where that line lies.",
  },
  {
    key: "00000000-0000-4000-8000-000000000005",
    author: "rohan.mehta@setu-pay.example",
    principle: 8,
    stance: "supports",
    body: "Payment companies are attacked every day and none of us should be striking back. What we need instead is a fast, trusted channel to CERT-In that works on weekends.",
  },
  {
    key: "00000000-0000-4000-8000-000000000006",
    author: "vikram.rao@kavach-cloud.example",
    principle: 6,
    stance: "supports_with_changes",
    onBehalf: true,
    body: "Lifecycle security needs a clear minimum support period for devices sold in India. Five years of security updates for anything connected to the Internet would be a reasonable start.",
  },
  {
    key: "00000000-0000-4000-8000-000000000007",
    author: "fatima.sheikh@digitaladhikar.example",
    principle: 3,
    stance: "opposes",
    body: "Defending elections must not become a reason to take down lawful political speech. As written, the principle gives no safeguard for that, so we cannot support it yet.",
  },
];

/** The closed pilot round's comments, dated inside its window; one is in Hindi, as participants may write. */
const pilotComments: typeof demoComments = [
  {
    key: "00000000-0000-4000-8000-000000000101",
    author: "asha.verma@digitaltrust.gov.example",
    principle: 1,
    stance: "supports",
    onBehalf: true,
    body: "लोगों और महत्वपूर्ण अवसंरचना की सुरक्षा वह सिद्धांत है जिसका मंत्रालय बिना किसी शर्त के समर्थन कर सकता है। घरेलू सवाल यह है कि कौन-सी प्रणालियाँ इसमें गिनी जाएँ; इसकी शुरुआत उन प्रणालियों से होनी चाहिए जिन्हें क़ानून के तहत पहले से महत्वपूर्ण घोषित किया गया है।",
  },
  {
    key: "00000000-0000-4000-8000-000000000102",
    author: "fatima.sheikh@digitaladhikar.example",
    principle: 1,
    stance: "supports_with_changes",
    body: "We support this if the protection covers the people whose data these systems hold, and if the list of critical systems is published instead of kept confidential.",
  },
  {
    key: "00000000-0000-4000-8000-000000000103",
    author: "arjun.nair@nofi.example",
    principle: 7,
    stance: "supports",
    onBehalf: true,
    body: "Cyber hygiene is where the technical community can help most. Timely patching, strong sign-in and tested backups prevent most of the incidents we see at small organisations.",
  },
  {
    key: "00000000-0000-4000-8000-000000000104",
    author: "rohan.mehta@setu-pay.example",
    principle: 4,
    stance: "has_concerns",
    body: "We back the principle against cyber-enabled theft of trade secrets, but small firms do not know where to report such theft. Without a clear channel the principle stays on paper.",
  },
  {
    key: "00000000-0000-4000-8000-000000000105",
    author: "meera.iyer@icps.edu.example",
    principle: 5,
    stance: "supports_with_changes",
    body: "Non-proliferation must not catch security research. Rules on intrusion software have hurt researchers in other countries; India should exempt good-faith vulnerability research in writing.",
  },
];

/** Demo comments and endorsements on the open consultation, and the closed pilot's, dated inside its window. */
export async function seedDemoContributions(db: Db): Promise<void> {
  const userIds = new Map(
    (await db.select({ id: users.id, email: users.email, group: users.stakeholderGroup }).from(users)).map((u) => [u.email, u]),
  );
  const verified = await db
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(sql`${memberships.verifiedAt} is not null`);
  const people = { userIds, verified };
  const paris = await seedComments(db, "paris-call", demoComments, people);
  const pilot = await seedComments(
    db,
    "paris-call-pilot",
    pilotComments,
    people,
    (opensAt, i) => new Date(opensAt.getTime() + (3 + 4 * i) * 86_400_000),
  );

  // Endorsements only on a consultation that has none yet, so that a withdrawal is never undone by a restart.
  const vikram = userIds.get("vikram.rao@kavach-cloud.example");
  const kavach = verified.find((m) => m.userId === vikram?.id);
  const meera = userIds.get("meera.iyer@icps.edu.example");
  for (const c of [paris, pilot]) {
    if (!c || (await hasEndorsements(db, c.consultationId))) continue;
    const first = c.byPosition.get(1);
    const hygiene = c.byPosition.get(7);
    const at = c.slug === "paris-call" ? new Date() : new Date(c.opensAt.getTime() + 10 * 86_400_000);
    if (vikram && kavach && first) {
      await recordEndorsement(
        db,
        {
          consultationId: c.consultationId,
          principleId: null,
          actorId: vikram.id,
          organisationId: kavach.organisationId,
          stakeholderGroup: "private_sector",
          statement: "We commit to the nine principles in how we build and run our cloud services.",
        },
        ENDORSEMENT_RATE,
        at,
      );
    }
    if (meera && hygiene) {
      await recordEndorsement(
        db,
        {
          consultationId: c.consultationId,
          principleId: hygiene.id,
          actorId: meera.id,
          organisationId: null,
          stakeholderGroup: "academia",
          statement: null,
        },
        ENDORSEMENT_RATE,
        at,
      );
    }
  }
}

type People = {
  userIds: Map<string, { id: string; email: string; group: StakeholderGroup }>;
  verified: { userId: string; organisationId: string }[];
};

async function hasEndorsements(db: Db, consultationId: string): Promise<boolean> {
  const [first] = await db
    .select({ id: endorsementEvents.id })
    .from(endorsementEvents)
    .where(eq(endorsementEvents.consultationId, consultationId))
    .limit(1);
  return Boolean(first);
}

/** Fixed form tokens make re-seeding add nothing; `at` dates a comment (default: now). */
async function seedComments(db: Db, slug: string, list: typeof demoComments, people: People, at?: (opensAt: Date, index: number) => Date) {
  const rows = await db
    .select({ id: principles.id, position: principles.position, consultationId: principles.consultationId, opensAt: consultations.opensAt })
    .from(principles)
    .innerJoin(consultations, eq(consultations.id, principles.consultationId))
    .where(eq(consultations.slug, slug));
  const first = rows[0];
  if (!first) return undefined;
  const byPosition = new Map(rows.map((p) => [p.position, p]));
  const ids = new Map<string, number>();
  for (const [i, c] of list.entries()) {
    const author = people.userIds.get(c.author);
    const principle = byPosition.get(c.principle);
    if (!author || !principle) continue;
    const org = c.onBehalf ? (people.verified.find((m) => m.userId === author.id)?.organisationId ?? null) : null;
    const parentId = c.replyTo ? ids.get(c.replyTo) : undefined;
    const r = await insertComment(
      db,
      {
        consultationId: principle.consultationId,
        principleId: principle.id,
        authorId: author.id,
        parentId: parentId ?? null,
        organisationId: org,
        stakeholderGroup: author.group,
        stance: c.stance,
        body: c.body,
        language: /[\u0900-\u097F]/.test(c.body) ? "hi" : "en",
        formToken: c.key,
      },
      at ? at(first.opensAt, i) : new Date(),
    );
    if (r.ok) ids.set(c.key, r.id);
  }
  return { slug, consultationId: first.consultationId, opensAt: first.opensAt, byPosition };
}
