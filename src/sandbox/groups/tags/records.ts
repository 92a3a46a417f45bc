// Tags, and when and by whom they were applied.
import type { Reference, UnixSeconds } from "../../records.js";

/** `tag_basic` (and `tag` without applied_at/applied_by). */
export interface Tag {
  type: "tag";
  id: string;
  name: string;
}

/** A tag as applied to a conversation (`tag` schema with applied_at/applied_by). */
export interface AppliedTag extends Tag {
  applied_at: UnixSeconds | null;
  applied_by: Reference | null;
}

/** When and by whom a tag was applied to a contact (contacts' reference lists carry only ids). */
export interface TagApplication {
  applied_at: UnixSeconds | null;
  applied_by: Reference | null;
}

/** The workspace collections this group owns. */
export interface TagsState {
  tags: Tag[];
  /** Key `${contactId}/${tagId}`. */
  contactTagApplications: Map<string, TagApplication>;
  /** Names of the segments whose filters use a tag (by tag id): such a tag cannot be deleted. */
  tagSegments: Map<string, string[]>;
}
