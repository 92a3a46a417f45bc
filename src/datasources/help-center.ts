import { reduceCollection, reduceCollectionContent, reduceDeletedCollection, reduceHelpCenter } from "../generated/reducers/help-center.js";
import type { RestCollection, RestCollectionList, RestDeletedCollectionObject, RestGroupContent, RestHelpCenter, RestHelpCenterList } from "../generated/rest/help-center.js";
import type { Collection, DeletedCollection, HelpCenter } from "../schema/help-center.js";
import { integerId, localeEntries, type NumberedList } from "./articles.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

/** The generated reducer ends here: translated content is a map keyed by locale, listed here, each entry with its locale. */
export function finishCollection(collection: Collection, rest: RestCollection): Collection {
  collection.translatedContent = rest.translated_content
    ? localeEntries<RestGroupContent>(rest.translated_content).map(([locale, content]) => Object.assign(reduceCollectionContent(content), { locale }))
    : null;
  return collection;
}

/** Plain inputs of the collection writes. */
export interface CollectionTranslation {
  locale: string;
  name: string;
  description?: string | null;
}

export interface CollectionChanges {
  name?: string | null;
  description?: string | null;
  translatedContent?: CollectionTranslation[] | null;
  /** `null` moves the collection to the first level; undefined leaves it where it is. */
  parentId?: string | null;
  helpCenterId?: string | null;
}

function collectionBody(input: CollectionChanges): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.name !== undefined && input.name !== null) body.name = input.name;
  if (input.description !== undefined && input.description !== null) body.description = input.description;
  if (input.parentId !== undefined) body.parent_id = input.parentId;
  if (input.helpCenterId) body.help_center_id = integerId(input.helpCenterId, "input.helpCenterId");
  if (input.translatedContent) {
    const content: Record<string, unknown> = { type: "group_translated_content" };
    for (const t of input.translatedContent) {
      if (t.locale in content) throw badInput(`input.translatedContent lists locale ${t.locale} twice`, "input.translatedContent");
      content[t.locale] = { type: "group_content", name: t.name, description: t.description ?? "" };
    }
    body.translated_content = content;
  }
  return body;
}

/** Help Center: help centers and their collections (sections are nested collections). */
export class HelpCenterAPI extends IntercomDataSource {
  async listCollections(page: number, perPage: number): Promise<NumberedList<Collection>> {
    const body = await this.get<RestCollectionList>(path`help_center/collections`, {
      params: { page: String(page), per_page: String(perPage) },
    });
    return { items: (body.data ?? []).map(reduceCollection), totalPages: body.pages?.total_pages ?? null, totalCount: body.total_count ?? null };
  }

  async getCollection(id: string): Promise<Collection> {
    return reduceCollection(await this.get<RestCollection>(path`help_center/collections/${id}`));
  }

  async createCollection(input: CollectionChanges & { name: string }): Promise<Collection> {
    // A new collection without a parent is simply first level: send no parent_id at all.
    const body = collectionBody({ ...input, parentId: input.parentId ?? undefined });
    return this.write(WRITE_EFFECTS.createCollection, input, async () => reduceCollection(await this.post<RestCollection>(path`help_center/collections`, { body })));
  }

  async updateCollection(id: string, changes: CollectionChanges): Promise<Collection> {
    return this.write(WRITE_EFFECTS.updateCollection, { id }, async () => reduceCollection(await this.put<RestCollection>(path`help_center/collections/${id}`, { body: collectionBody(changes) })));
  }

  async removeCollection(id: string): Promise<DeletedCollection> {
    return this.write(WRITE_EFFECTS.deleteCollection, { id }, async () =>
      reduceDeletedCollection(await this.delete<RestDeletedCollectionObject>(path`help_center/collections/${id}`)),
    );
  }

  /** help_center_list has no total_count or pages: a page shorter than per_page is the last. */
  async listHelpCenters(page: number, perPage: number): Promise<NumberedList<HelpCenter>> {
    const body = await this.get<RestHelpCenterList>(path`help_center/help_centers`, {
      cache: "help_center/help_centers",
      params: { page: String(page), per_page: String(perPage) },
    });
    return { items: (body.data ?? []).map(reduceHelpCenter), totalPages: null, totalCount: null };
  }

  async getHelpCenter(id: string): Promise<HelpCenter> {
    return reduceHelpCenter(await this.get<RestHelpCenter>(path`help_center/help_centers/${id}`, { cache: "help_center/help_centers" }));
  }
}
