import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import type { Tag } from "../schema/tag.js";
import { loadExisting, type LoaderKit } from "./batch.js";

/** Per-request loaders of tags (see DESIGN.md's loader catalogue: one `GET /tags` per request). */
export interface TagLoaders {
  /** The workspace's tags, from one `GET /tags` per request. */
  allTags(): Promise<Tag[]>;
  /** Tags by id, answered from `allTags`. */
  tag: DataLoader<string, Tag>;
  /** The tags applied to a contact (with applied_at/applied_by): `GET /contacts/{id}/tags`, de-duplicated. */
  contactTags: DataLoader<string, Tag[]>;
  /**
   * A contact's tags: from the workspace list when the contact's embedded references are
   * complete, else `GET /contacts/{id}/tags` (Intercom embeds at most 10 references).
   */
  tagsOfContact(contact: { id: string; tagIds: string[] }): Promise<Tag[]>;
  /** After a write that changes the workspace's tags: the next read fetches the list again. */
  clearTags(): void;
}

/** Intercom embeds at most 10 tag references in a contact; a full list may hold more. */
const EMBEDDED_REFERENCES = 10;

export function createTagLoaders(kit: LoaderKit, dataSources: DataSources): TagLoaders {
  let list: Promise<Tag[]> | undefined;
  const allTags = () => (list ??= dataSources.tags.list());
  const tag = kit.fromList("tag", allTags, "Tag");
  const contactTags = kit.byGet("contactTags", (id) => dataSources.tags.listForContact(id));
  return {
    allTags,
    tag,
    contactTags,
    // The embedded references stop at 10: a contact that shows 10 may have more.
    tagsOfContact: (contact) => (contact.tagIds.length >= EMBEDDED_REFERENCES ? contactTags.load(contact.id) : loadExisting(tag, contact.tagIds)),
    clearTags() {
      list = undefined;
      tag.clearAll();
    },
  };
}
