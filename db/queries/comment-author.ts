import { sql } from "drizzle-orm";
import { comments, offPlatformSubmissions, users } from "../schema";

/**
 * Who wrote a comment, for queries that left-join `users` (on comments.author_id) and `off_platform_submissions`
 * (on comment_id): the participant's name, or the name an off-platform submission was received under.
 */
export const authorNameForStaff = sql<string>`coalesce(${users.name}, ${offPlatformSubmissions.submitterName})`;

/**
 * The same, as the public sees it: nobody's name on a comment whose author chose to show only their group, nor on
 * one that is hidden or withdrawn (tying a named person to a removal is itself a harm).
 */
export const authorNameForPublic = sql<
  string | null
>`case when ${comments.nameShown} and ${comments.state} not in ('hidden', 'withdrawn') then ${authorNameForStaff} end`;
