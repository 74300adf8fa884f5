import { desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client";
import { siteFeedback, users } from "../schema";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import { submitOnce, type SubmitOnceResult } from "./form-submissions";
import type { Tx } from "./tx";

export type InsertFeedbackResult = SubmitOnceResult;

export interface NewFeedback {
  name: string | null;
  email: string | null;
  userId: string | null;
  message: string;
  pagePath: string | null;
  language: "en" | "hi";
  formToken: string;
}

async function findByFormToken(db: Tx, formToken: string) {
  const [row] = await db
    .select({ id: siteFeedback.id, createdAt: siteFeedback.createdAt })
    .from(siteFeedback)
    .where(eq(siteFeedback.formToken, formToken));
  return row;
}

/** Stores a message about the website once per form, within the sender's rate limit (see submitOnce). */
export async function insertFeedback(
  db: Db,
  input: NewFeedback,
  rate: { key: string; policy: BucketPolicy },
  now = new Date(),
): Promise<InsertFeedbackResult> {
  return submitOnce(db, {
    formToken: input.formToken,
    tokenConstraint: "site_feedback_form_token_key",
    find: findByFormToken,
    insert: async (tx) => {
      const [row] = await tx
        .insert(siteFeedback)
        .values({ ...input, createdAt: now })
        .returning({ id: siteFeedback.id, createdAt: siteFeedback.createdAt });
      return row;
    },
    rate,
    now,
  });
}

/** The newest messages first, `limit` at a time before a given id; for admins only. */
export async function listFeedback(db: Db, p: { before?: number; limit: number }) {
  return db
    .select({
      id: siteFeedback.id,
      name: siteFeedback.name,
      email: siteFeedback.email,
      accountName: users.name,
      message: siteFeedback.message,
      pagePath: siteFeedback.pagePath,
      language: siteFeedback.language,
      createdAt: siteFeedback.createdAt,
    })
    .from(siteFeedback)
    .leftJoin(users, eq(users.id, siteFeedback.userId))
    .where(p.before ? lt(siteFeedback.id, p.before) : undefined)
    .orderBy(desc(siteFeedback.id))
    .limit(p.limit);
}
