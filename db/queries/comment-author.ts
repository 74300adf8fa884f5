import { sql } from "drizzle-orm";
import { comments, offPlatformSubmissions, users } from "../schema";

/**
 * Whether the author erased their account, for queries that left-join `users` on comments.author_id (false for an
 * off-platform submission, whose submitter has no account). Pages show such an author as "a former participant
 * (⟨group⟩)": the contribution keeps its stakeholder group and nothing of the person.
 */
export const authorErased = sql<boolean>`coalesce(${users.erasedAt} is not null, false)`.mapWith(Boolean);

/**
 * Who wrote a comment, for queries that left-join `users` (on comments.author_id) and `off_platform_submissions`
 * (on comment_id): the participant's name, or the name an off-platform submission was received under; empty for an
 * erased account (its name is gone: pages say "a former participant", see `authorErased`).
 */
export const authorNameForStaff = sql<string>`case when ${users.erasedAt} is null then coalesce(${users.name}, ${offPlatformSubmissions.submitterName}) else '' end`;

/**
 * The same, as the public sees it: nobody's name on a comment whose author chose to show only their group, nor on
 * one that is hidden or withdrawn (tying a named person to a removal is itself a harm).
 */
export const authorNameForPublic = sql<
  string | null
>`case when ${comments.nameShown} and ${comments.state} not in ('hidden', 'withdrawn') then ${authorNameForStaff} end`;

/** An endorser's name for the registry, for queries that join `users` on the endorser: null once erased. */
export const endorserNameForPublic = sql<string | null>`case when ${users.erasedAt} is null then ${users.name} end`;
export const endorserDesignationForPublic = sql<string | null>`case when ${users.erasedAt} is null then ${users.designation} end`;
