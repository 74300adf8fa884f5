import { COMMENT_MAX_DEPTH, type CommentState } from "@/lib/limits";

/**
 * Whether a new reply may hang under this comment: only a published one, and only while the reply stays within
 * the deepest level (a top-level comment is depth 0; a reply to a comment at COMMENT_MAX_DEPTH would be too deep).
 */
export function mayReplyTo(parent: { depth: number; state: CommentState }): boolean {
  return parent.state === "published" && parent.depth < COMMENT_MAX_DEPTH;
}
