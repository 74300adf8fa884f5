import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { StakeholderGroup } from "@/lib/limits";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import type { Db } from "./client";
import { insertComment } from "./queries/comments";
import { addCosigner, decideCosign } from "./queries/cosigners";
import { consultations, memberships, organisations, principles, users } from "./schema";
import { DEMO_PASSWORD } from "./seed-accounts";

const HOUR = 60 * 60 * 1000;

/** Demo participants who sent the campaign text; fictional, at the campaign.example domain. */
const CAMPAIGNERS: { name: string; group: StakeholderGroup; groupOnly?: boolean }[] = [
  { name: "Ananya Bose", group: "civil_society" },
  { name: "Karthik Subramanian", group: "technical_community" },
  { name: "Priya Deshpande", group: "civil_society" },
  { name: "Imran Qureshi", group: "academia" },
  { name: "Lakshmi Narayanan", group: "civil_society", groupOnly: true },
  { name: "Devika Pillai", group: "technical_community" },
  { name: "Harpreet Kaur", group: "civil_society" },
  { name: "Siddharth Jain", group: "private_sector" },
  { name: "Nandini Rao", group: "academia" },
  { name: "Abdul Rahman", group: "civil_society" },
  { name: "Sneha Kulkarni", group: "civil_society" },
  { name: "Rahul Banerjee", group: "technical_community", groupOnly: true },
  { name: "Tenzin Dolma", group: "civil_society" },
  { name: "Gaurav Malhotra", group: "private_sector" },
  { name: "Shalini Menon", group: "academia" },
  { name: "Joseph Fernandes", group: "civil_society" },
  { name: "Pooja Agarwal", group: "technical_community" },
  { name: "Manish Tiwari", group: "government" },
  { name: "Zoya Siddiqui", group: "civil_society", groupOnly: true },
  { name: "Arvind Reddy", group: "technical_community" },
  { name: "Bhavna Chauhan", group: "civil_society" },
  { name: "Ravi Shankar", group: "academia" },
  { name: "Deepa Thomas", group: "civil_society" },
  { name: "Naveen Hegde", group: "technical_community" },
  { name: "Farah Khan", group: "civil_society" },
];

/** Accounts this seed adds besides the demo accounts: the campaigners and the co-signing organisation's representative. */
export const CAMPAIGN_DEMO_ACCOUNT_COUNT = CAMPAIGNERS.length + 1;

const CAMPAIGN =
  "Protect the public core of the Internet. No government or company should attack or degrade the DNS, routing and the " +
  "other shared infrastructure that everyone depends on. Please make this commitment binding and verifiable.";

/** The copies people actually send: their own punctuation and case, a word changed here and there. */
function copy(i: number): string {
  switch (i % 6) {
    case 1:
      return CAMPAIGN.replace("Protect", "PROTECT").replace("verifiable.", "verifiable!");
    case 2:
      return CAMPAIGN.replace("Please make", "Make").replaceAll(",", "");
    case 3:
      return CAMPAIGN.replace("everyone depends on", "all of us depend on");
    case 4:
      return `${CAMPAIGN.replace(".", " -")} Thank you.`;
    case 5:
      return CAMPAIGN.toLowerCase().replace("no government", "no government,");
    default:
      return CAMPAIGN;
  }
}

const JOINT =
  "Civil society, academia and industry agree on this point: critical infrastructure must include hospitals, water " +
  "and power grids by name, and the principle should say that states will not target them in peacetime.";

/** Fixed form tokens (uuid-shaped): a second seed run finds the comments it made and adds nothing. */
const token = (n: number) => `00000000-0000-4000-8000-${(0xca000000 + n).toString(16).padStart(12, "0")}`;

/**
 * The demo's campaign and joint submission, in the open round: about 25 near-identical comments on "Protect the
 * Internet" from distinct participants of every group (shown once, "submitted by 25 participants"), and a comment
 * of the Digital Adhikar Collective co-signed by the Institute for Cyber Policy Studies (confirmed by its
 * representative) and waiting for Kavach Cloud Services (whose representative, Vikram Rao, sees it on /cosign).
 * Written through the app's queries; idempotent.
 */
export async function seedCampaigns(db: Db): Promise<void> {
  const [round] = await db
    .select({ id: consultations.id, opensAt: consultations.opensAt })
    .from(consultations)
    .where(eq(consultations.slug, "paris-call"));
  if (!round) return;
  const list = await db
    .select({ id: principles.id, position: principles.position })
    .from(principles)
    .where(eq(principles.consultationId, round.id));
  const byPosition = new Map(list.map((p) => [p.position, p.id]));
  const campaignPrinciple = byPosition.get(2);
  const jointPrinciple = byPosition.get(1);
  if (!campaignPrinciple || !jointPrinciple) return;
  const when = (hours: number) => new Date(round.opensAt.getTime() + hours * HOUR);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ensureUser = async (email: string, name: string, group: StakeholderGroup, designation = "") => {
    await db
      .insert(users)
      .values({
        email,
        name,
        stakeholderGroup: group,
        designation,
        passwordHash,
        emailConfirmedAt: when(0),
        // Participants since the round opened, not accounts made for the campaign: the bulk-intake hold on
        // copies from new accounts (lib/rules/intake-limits.ts) is not what this demo shows.
        createdAt: when(0),
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        privacyConsentedAt: when(0),
      })
      .onConflictDoNothing();
    const [row] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (!row) throw new Error(`seed: no user ${email}`);
    return row.id;
  };

  for (const [i, c] of CAMPAIGNERS.entries()) {
    const email = `${c.name.toLowerCase().replace(/[^a-z]+/g, ".")}@campaign.example`;
    const authorId = await ensureUser(email, c.name, c.group);
    await insertComment(
      db,
      {
        consultationId: round.id,
        principleId: campaignPrinciple,
        authorId,
        organisationId: null,
        stakeholderGroup: c.group,
        // One campaign text, one stance: groups never mix stances, so a different one would start a second group.
        stance: "supports",
        body: copy(i),
        language: "en",
        nameShown: !c.groupOnly,
        formToken: token(i + 1),
      },
      when(30 + i * 3),
    );
  }

  const orgId = async (name: string) => {
    const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
    return row?.id;
  };
  const collective = await orgId("Digital Adhikar Collective (demo)");
  const institute = await orgId("Institute for Cyber Policy Studies (demo)");
  const kavach = await orgId("Kavach Cloud Services (demo)");
  const [fatima] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = 'fatima.sheikh@digitaladhikar.example'`);
  if (!collective || !institute || !kavach || !fatima) return;
  // The institute's authorised representative, who confirmed the co-signature.
  const kavita = await ensureUser("kavita.menon@icps.edu.example", "Kavita Menon", "academia", "Director");
  await db
    .insert(memberships)
    .values({ userId: kavita, organisationId: institute, verifiedAt: when(1), maySign: true })
    .onConflictDoNothing();

  const joint = await insertComment(
    db,
    {
      consultationId: round.id,
      principleId: jointPrinciple,
      authorId: fatima.id,
      organisationId: collective,
      stakeholderGroup: "civil_society",
      stance: "supports_with_changes",
      body: JOINT,
      language: "en",
      nameShown: true,
      formToken: token(100),
    },
    when(50),
  );
  if (!joint.ok) return;
  for (const organisationId of [institute, kavach]) {
    await addCosigner(db, { commentId: joint.id, organisationId, max: 10, now: when(51) });
  }
  await decideCosign(db, { commentId: joint.id, organisationId: institute, userId: kavita, decision: "confirmed", now: when(60) });
}
