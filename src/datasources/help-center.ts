import { Collection, CollectionContent, DeletedCollection, HelpCenter } from "../schema/help-center.js";
import { build, fromUnix } from "../schema/scalars.js";
import { integerId, localeEntries, type NumberedList, type RestNumberedPages } from "./articles.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";
import { idOrNull, requiredId } from "./reducers.js";

interface RestGroupContent {
  type?: string;
  name?: string;
  description?: string | null;
}

export interface RestCollection {
  id: string | number;
  workspace_id: string;
  name: string;
  description?: string | null;
  created_at: number;
  updated_at?: number | null;
  url?: string | null;
  icon?: string | null;
  order: number;
  default_locale: string;
  translated_content?: ({ type?: string } & Record<string, RestGroupContent | string | undefined>) | null;
  parent_id?: string | number | null;
  help_center_id?: number | string | null;
}

export interface RestHelpCenter {
  id: string | number;
  workspace_id: string;
  created_at: number;
  updated_at?: number | null;
  identifier: string;
  website_turned_on: boolean;
  display_name: string;
  url?: string | null;
  custom_domain?: string | null;
}


export function collectionReducer(rest: RestCollection): Collection {
  return build(Collection, {
    id: requiredId(rest.id),
    workspaceId: rest.workspace_id,
    name: rest.name,
    description: rest.description ?? null,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at),
    url: rest.url ?? null,
    icon: rest.icon ?? null,
    order: rest.order,
    defaultLocale: rest.default_locale,
    translatedContent: rest.translated_content
      ? localeEntries(rest.translated_content).map(([locale, c]) =>
          build(CollectionContent, { locale, name: c.name ?? "", description: c.description ?? null }),
        )
      : null,
    parentId: idOrNull(rest.parent_id),
    helpCenterId: idOrNull(rest.help_center_id),
  });
}

export function helpCenterReducer(rest: RestHelpCenter): HelpCenter {
  return build(HelpCenter, {
    id: requiredId(rest.id),
    workspaceId: rest.workspace_id,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at),
    identifier: rest.identifier,
    websiteTurnedOn: rest.website_turned_on,
    displayName: rest.display_name,
    url: rest.url ?? null,
    customDomain: rest.custom_domain ?? null,
  });
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
    const body = await this.get<{ data: RestCollection[]; total_count?: number; pages?: RestNumberedPages }>(path`help_center/collections`, {
      params: { page: String(page), per_page: String(perPage) },
    });
    return { items: (body.data ?? []).map(collectionReducer), totalPages: body.pages?.total_pages ?? null, totalCount: body.total_count ?? null };
  }

  async getCollection(id: string): Promise<Collection> {
    return collectionReducer(await this.get<RestCollection>(path`help_center/collections/${id}`));
  }

  async createCollection(input: CollectionChanges & { name: string }): Promise<Collection> {
    // A new collection without a parent is simply first level: send no parent_id at all.
    const body = collectionBody({ ...input, parentId: input.parentId ?? undefined });
    return this.write(WRITE_EFFECTS.createCollection, input, async () => collectionReducer(await this.post<RestCollection>(path`help_center/collections`, { body })));
  }

  async updateCollection(id: string, changes: CollectionChanges): Promise<Collection> {
    return this.write(WRITE_EFFECTS.updateCollection, { id }, async () => collectionReducer(await this.put<RestCollection>(path`help_center/collections/${id}`, { body: collectionBody(changes) })));
  }

  async removeCollection(id: string): Promise<DeletedCollection> {
    return this.write(WRITE_EFFECTS.deleteCollection, { id }, async () => {
      const body = await this.delete<{ id: string | number; object?: string; deleted: boolean }>(path`help_center/collections/${id}`);
      return build(DeletedCollection, { id: requiredId(body.id), object: body.object ?? "collection", deleted: body.deleted });
    });
  }

  /** help_center_list has no total_count or pages: a page shorter than per_page is the last. */
  async listHelpCenters(page: number, perPage: number): Promise<NumberedList<HelpCenter>> {
    const body = await this.get<{ data: RestHelpCenter[] }>(path`help_center/help_centers`, {
      cache: "help_center/help_centers",
      params: { page: String(page), per_page: String(perPage) },
    });
    return { items: (body.data ?? []).map(helpCenterReducer), totalPages: null, totalCount: null };
  }

  async getHelpCenter(id: string): Promise<HelpCenter> {
    return helpCenterReducer(await this.get<RestHelpCenter>(path`help_center/help_centers/${id}`, { cache: "help_center/help_centers" }));
  }
}
