import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { insertGrievance, resolveGrievance } from "./queries/grievances";
import { users } from "./schema";
import { demoAccounts } from "./seed-accounts";

/** Fixed, so that a second run of the seed finds the grievance it made (the form token is its unique key). */
const DEMO_GRIEVANCE_TOKEN = "6f1d2c3b-4a5e-4f60-9b7a-8c9d0e1f2a3b";
const DAY = 24 * 60 * 60 * 1000;

/**
 * A grievance the admin has already resolved, so that /admin/grievances shows what a resolution looks like.
 * The sender is fictional, at the .example domain. Idempotent: nothing changes on a second run.
 */
export async function seedPrivacy(db: Db, now = new Date()): Promise<void> {
  const adminEmail = demoAccounts.find((a) => a.key === "admin")?.email;
  if (!adminEmail) return;
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, adminEmail));
  if (!admin) return;
  const received = new Date(now.getTime() - 6 * DAY);
  const sent = await insertGrievance(
    db,
    {
      name: "Farida Sheikh",
      email: "farida.sheikh@demo-participant.example",
      userId: null,
      message:
        "My comment on principle 3 was hidden and the notice did not say which rule it broke. Please tell me the rule, so that I can appeal.",
      language: "en",
      formToken: DEMO_GRIEVANCE_TOKEN,
    },
    // The seed is not a sender: a bucket of its own that never runs out.
    { key: "seed:privacy", policy: { capacity: 1_000, refillMs: 1 } },
    received,
  );
  if (!sent.ok || sent.duplicate) return;
  await resolveGrievance(
    db,
    {
      grievanceId: sent.id,
      resolvedBy: admin.id,
      resolution:
        "Answered by email on the next day: the comment was hidden under rule 2 (personal attack). The sender was told how to appeal.",
    },
    new Date(received.getTime() + DAY),
  );
}
