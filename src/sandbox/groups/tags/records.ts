// Tags, and when and by whom they were applied.
import type { RestTag, RestTagBasic } from "../../../generated/rest/tags.js";

/** `tag_basic`, as the workspace keeps every tag: always with its type, id and name. */
export type Tag = Required<RestTagBasic>;

/** A tag as applied to a conversation or ticket (`tag`, with applied_at/applied_by). */
export type AppliedTag = RestTag;

/** When and by whom a tag was applied to a contact (contacts' reference lists carry only ids). */
export type TagApplication = Pick<RestTag, "applied_at" | "applied_by">;

/** The workspace collections this group owns. */
export interface TagsState {
  tags: Tag[];
  /** Key `${contactId}/${tagId}`. */
  contactTagApplications: Map<string, TagApplication>;
  /** Names of the segments whose filters use a tag (by tag id): such a tag cannot be deleted. */
  tagSegments: Map<string, string[]>;
}
