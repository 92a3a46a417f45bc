// Help centers (listed, read) and their collections and sections (listed, read, created,
// updated with their translations, deleted with their sections).
import type { RestCollection, RestCollectionList, RestDeletedCollectionObject, RestHelpCenter, RestHelpCenterList } from "../../../generated/rest/help-center.js";
import { badRequest, notFound } from "../../errors.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { bodyOrEmpty, nowSeconds, optionalId, optionalString } from "../../validate.js";
import { DEFAULT_LOCALE, helpCenterOf, helpCenterPage, translationsFrom, urlSlug } from "./content.js";
import type { CollectionRecord, GroupContent, GroupTranslatedContent } from "./records.js";

function findCollection(ctx: RouteContext, id: string): CollectionRecord {
  const c = ctx.ws.collections.find((x) => x.id === id);
  if (!c) throw notFound("not_found", "Resource Not Found");
  return c;
}

function applyGroupTranslations(c: CollectionRecord, entries: Record<string, Record<string, unknown>>): void {
  const content: GroupTranslatedContent = c.translated_content ?? {
    type: "group_translated_content",
    [c.default_locale]: { type: "group_content", name: c.name, description: c.description ?? "" },
  };
  for (const [locale, entry] of Object.entries(entries)) {
    const previous = content[locale] as GroupContent | undefined;
    const name = optionalString(entry, "name") ?? previous?.name;
    if (!name) throw badRequest("parameter_not_found", `name must be given for locale ${locale}`, "translated_content");
    content[locale] = { type: "group_content", name, description: optionalString(entry, "description") ?? previous?.description ?? "" };
    if (locale === c.default_locale) {
      c.name = name;
      c.description = (content[locale] as GroupContent).description;
    }
  }
  c.translated_content = content;
}

function syncGroupDefault(c: CollectionRecord): void {
  if (c.translated_content) c.translated_content[c.default_locale] = { type: "group_content", name: c.name, description: c.description ?? "" };
}

/** The ids of a collection and every collection nested under it. */
function subtree(ctx: RouteContext, id: string): Set<string> {
  const ids = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of ctx.ws.collections) {
      if (c.parent_id && ids.has(c.parent_id) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return ids;
}

function parentCollection(ctx: RouteContext, id: string): CollectionRecord {
  const parent = ctx.ws.collections.find((c) => c.id === id);
  if (!parent) throw badRequest("parameter_invalid", `parent_id ${id} is not a collection of this workspace`, "parent_id");
  return parent;
}

function createCollection(ctx: RouteContext, { body: raw }: RouteInput): RestCollection {
  const body = bodyOrEmpty(raw);
  const translations = translationsFrom(body.translated_content);
  const name = optionalString(body, "name") ?? optionalString(translations?.[DEFAULT_LOCALE] ?? {}, "name");
  if (!name) throw badRequest("parameter_not_found", "Name is a required parameter.", "name");
  const parentId = optionalId(body, "parent_id") ?? null;
  const parent = parentId === null ? null : parentCollection(ctx, parentId);
  const helpCenterId = optionalId(body, "help_center_id");
  let helpCenter = ctx.ws.helpCenters[0]!;
  if (helpCenterId !== undefined && helpCenterId !== null) {
    const found = ctx.ws.helpCenters.find((h) => h.id === helpCenterId);
    if (!found) throw badRequest("parameter_invalid", `help_center_id ${helpCenterId} is not a help center of this workspace`, "help_center_id");
    helpCenter = found;
  }
  if (parent) helpCenter = helpCenterOf(ctx, parent.help_center_id);
  const at = nowSeconds(ctx);
  const id = String(ctx.ws.helpCenterNextIds.collection++);
  const collection: CollectionRecord = {
    id,
    workspace_id: ctx.ws.app.id_code,
    name,
    description: optionalString(body, "description") ?? "",
    created_at: at,
    updated_at: at,
    url: `${helpCenter.url}/${DEFAULT_LOCALE}/collections/${id}-${urlSlug(name)}`,
    icon: "book-bookmark",
    order: ctx.ws.collections.filter((c) => c.help_center_id === Number(helpCenter.id) && c.parent_id === (parent?.id ?? null)).length + 1,
    default_locale: DEFAULT_LOCALE,
    translated_content: null,
    parent_id: parent?.id ?? null,
    help_center_id: Number(helpCenter.id),
  };
  if (translations) applyGroupTranslations(collection, translations);
  ctx.ws.collections.push(collection);
  return collection;
}

function updateCollection(ctx: RouteContext, { params, body: raw }: RouteInput): RestCollection {
  const collection = findCollection(ctx, params.collection_id!);
  const body = bodyOrEmpty(raw);
  const translations = translationsFrom(body.translated_content);
  const name = optionalString(body, "name");
  if (name === "") throw badRequest("parameter_invalid", "Name cannot be blank", "name");
  const parentId = optionalId(body, "parent_id");
  if (parentId) {
    parentCollection(ctx, parentId);
    if (subtree(ctx, collection.id).has(parentId)) {
      throw badRequest("parameter_invalid", "A collection cannot be nested under itself or one of its sections", "parent_id");
    }
  }
  if (name !== undefined) collection.name = name;
  const description = optionalString(body, "description");
  if (description !== undefined) collection.description = description;
  if (parentId !== undefined) collection.parent_id = parentId;
  syncGroupDefault(collection);
  if (translations) applyGroupTranslations(collection, translations);
  collection.updated_at = Math.max(collection.updated_at, nowSeconds(ctx));
  return collection;
}

/** Deleting a collection deletes its sections; their articles stay, without that parent. */
function deleteCollection(ctx: RouteContext, { params }: RouteInput): RestDeletedCollectionObject {
  const collection = findCollection(ctx, params.collection_id!);
  const gone = subtree(ctx, collection.id);
  ctx.ws.collections = ctx.ws.collections.filter((c) => !gone.has(c.id));
  for (const a of ctx.ws.articles) {
    if (!a.parent_ids.some((id) => gone.has(String(id)))) continue;
    a.parent_ids = a.parent_ids.filter((id) => !gone.has(String(id)));
    const next = a.parent_ids[0];
    const parent = next === undefined ? undefined : ctx.ws.collections.find((c) => Number(c.id) === next);
    a.parent_id = parent ? Number(parent.id) : null;
    a.parent_type = parent ? (parent.parent_id ? "section" : "collection") : null;
  }
  return { id: collection.id, object: "collection", deleted: true };
}

export const helpCenterGroup: ApiGroup = {
  tag: "Help Center",
  routes: [
    { operationId: "listAllCollections", method: "GET", path: "/help_center/collections", handler: (ctx, { query }): RestCollectionList => ({ type: "list", ...helpCenterPage(ctx.ws.collections, query) }) },
    { operationId: "createCollection", method: "POST", path: "/help_center/collections", handler: createCollection },
    { operationId: "retrieveCollection", method: "GET", path: "/help_center/collections/:collection_id", handler: (ctx, { params }): RestCollection => findCollection(ctx, params.collection_id!) },
    { operationId: "updateCollection", method: "PUT", path: "/help_center/collections/:collection_id", handler: updateCollection },
    { operationId: "deleteCollection", method: "DELETE", path: "/help_center/collections/:collection_id", handler: deleteCollection },
    {
      operationId: "listHelpCenters",
      method: "GET",
      path: "/help_center/help_centers",
      // help_center_list has no total_count or pages: a page shorter than per_page is the last.
      handler: (ctx, { query }): RestHelpCenterList => ({ type: "list", data: helpCenterPage(ctx.ws.helpCenters, query).data }),
    },
    {
      operationId: "retrieveHelpCenter",
      method: "GET",
      path: "/help_center/help_centers/:help_center_id",
      handler: (ctx, { params }): RestHelpCenter => {
        const hc = ctx.ws.helpCenters.find((h) => h.id === params.help_center_id);
        if (!hc) throw notFound("not_found", "Resource Not Found");
        return hc;
      },
    },
  ],
};
