import type { CommentState, CommentSort, Language, OffPlatformChannel, Stance, StakeholderGroup } from "@/lib/limits";

export type { CommentSort };

/**
 * A comment as the thread shows it: only the fields the components read. Pages hand query rows in directly
 * (structural typing checks they fit); nothing here depends on the database layer.
 *
 * The author's identity (name, designation, organisation) is null for a comment that is hidden or withdrawn:
 * its placeholder must not tie a named person to a removal. See `toCommentView`.
 */
export interface CommentView {
  id: number;
  parentId: number | null;
  depth: number;
  /** Compared with the viewer's id (own comment?); never shown. Null off-platform, and for a group-only comment not the viewer's. */
  authorId: string | null;
  authorName: string | null;
  authorDesignation: string | null;
  /** The author erased their account: shown as "a former participant (⟨group⟩)". */
  authorErased?: boolean;
  /** False: the author chose to show only their stakeholder group. */
  nameShown: boolean;
  /** Set for a submission received by post, email or at a meeting and entered by a moderator. */
  offPlatformChannel: OffPlatformChannel | null;
  receivedAt: Date | null;
  stakeholderGroup: StakeholderGroup;
  organisationName: string | null;
  organisationVerified: boolean;
  stance: Stance;
  /** Only a published comment's text, or the viewer's own. */
  body: string | null;
  language: Language;
  state: CommentState;
  createdAt: Date;
  editedAt: Date | null;
  withdrawnAt: Date | null;
  citedInVersion: number | null;
  /** The rule of the latest hide (null: hidden automatically, pending review). */
  hiddenRule: number | null;
  /** A campaign group's published members, on the entry that shows the group (json list; components/campaigns). */
  campaignSigners?: unknown;
  /** The organisations that confirmed co-signing a joint submission (json list of names). */
  cosignedBy?: unknown;
}

/** States whose comment shows as a placeholder: the group, why it is gone and when, but nobody's name. */
export function isPlaceholder(state: CommentState): boolean {
  return state === "hidden" || state === "withdrawn";
}

/**
 * A query row as the thread may show it: only the view's fields, and no identity for a placeholder. Pages apply
 * this before handing rows to any component, so a hidden or withdrawn comment's author is neither rendered nor
 * carried in the page's payload, whatever a component later does with its props.
 */
export function toCommentView(row: CommentView): CommentView {
  const placeholder = isPlaceholder(row.state);
  return {
    id: row.id,
    parentId: row.parentId,
    depth: row.depth,
    authorId: row.authorId,
    authorName: placeholder || !row.nameShown ? null : row.authorName,
    authorDesignation: placeholder || !row.nameShown ? null : row.authorDesignation,
    authorErased: !!row.authorErased,
    nameShown: row.nameShown,
    offPlatformChannel: row.offPlatformChannel,
    receivedAt: row.receivedAt,
    stakeholderGroup: row.stakeholderGroup,
    organisationName: placeholder ? null : row.organisationName,
    organisationVerified: placeholder ? false : row.organisationVerified,
    stance: row.stance,
    body: placeholder ? null : row.body,
    language: row.language,
    state: row.state,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    withdrawnAt: row.withdrawnAt,
    citedInVersion: placeholder ? null : row.citedInVersion,
    hiddenRule: row.hiddenRule,
    campaignSigners: placeholder ? null : row.campaignSigners,
    cosignedBy: placeholder ? null : row.cosignedBy,
  };
}
