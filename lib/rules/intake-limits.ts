import { CAMPAIGN_NEW_ACCOUNT_COPIES, NEW_ACCOUNT_HOURS } from "@/lib/limits";

/**
 * Bulk intake, the limits that answer a flood of sign-ups or of one text from many accounts by holding rather
 * than refusing: a held comment is stored at once and waits for a moderator, so a real participant behind a
 * shared address loses nothing and waits for no timer. An account made beyond its address's sign-up limit
 * (SIGNUP_CLIENT_RATE) is held until a moderator approves one of its comments.
 */

export function isNewAccount(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < NEW_ACCOUNT_HOURS * 3_600_000;
}

/**
 * After grouping: a copy from a new account is held once its campaign group already has this many copies from new
 * accounts (`newAccountCopies` counts the others in the group, not this one).
 */
export function holdCampaignCopy(p: { authorIsNew: boolean; newAccountCopies: number }): boolean {
  return p.authorIsNew && p.newAccountCopies >= CAMPAIGN_NEW_ACCOUNT_COPIES;
}
