import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import type { Tag } from "../schema/tag.js";
import type { LoaderKit } from "./batch.js";

/** Per-request loaders of tags (see DESIGN.md's loader catalogue: one `GET /tags` per request). */
export interface TagLoaders {
  /** The workspace's tags, from one `GET /tags` per request. */
  allTags(): Promise<Tag[]>;
  /** Tags by id, answered from `allTags`. */
  tag: DataLoader<string, Tag>;
  /** The tags applied to a contact (with applied_at/applied_by): `GET /contacts/{id}/tags`, de-duplicated. */
  contactTags: DataLoader<string, Tag[]>;
  /** After a write that changes the workspace's tags: the next read fetches the list again. */
  clearTags(): void;
}

export function createTagLoaders(kit: LoaderKit, dataSources: DataSources): TagLoaders {
  let list: Promise<Tag[]> | undefined;
  const allTags = () => (list ??= dataSources.tags.list());
  const tag = kit.fromList("tag", allTags, "Tag");
  return {
    allTags,
    tag,
    contactTags: kit.byGet("contactTags", (id) => dataSources.tags.listForContact(id)),
    clearTags() {
      list = undefined;
      tag.clearAll();
    },
  };
}
