// Tags as the API serves them.
import type { RestTag } from "../../../generated/rest/tags.js";
import type { Tag, TagApplication } from "./records.js";

/** `tag_basic`. */
export const basicView = (t: Tag): Tag => ({ type: "tag", id: t.id, name: t.name });

/** `tag`: applied_at/applied_by are required (null outside a tagging). */
export const tagView = (t: Tag, applied: TagApplication | null = null): RestTag => ({
  ...basicView(t),
  applied_at: applied?.applied_at ?? null,
  applied_by: applied?.applied_by ?? null,
});
