import { sql } from "drizzle-orm";
import { comments, offPlatformSubmissions, users } from "../schema";

/**
 * Who wrote a comment, for queries that left-join `users` (on comments.author_id) and `off_platform_submissions`
 * (on comment_id): the participant's name, or the name an off-platform submission was received under.
 */
export const authorNameForStaff = sql<string>`coalesce(${users.name}, ${offPlatformSubmissions.submitterName})`;

/** The same, as the public sees it: nobody's name on a comment whose author chose to show only their group. */
export const authorNameForPublic = sql<string | null>`case when ${comments.nameShown} then ${authorNameForStaff} end`;
