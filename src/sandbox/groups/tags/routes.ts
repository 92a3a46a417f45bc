// Tags: listed, read, created or renamed (and companies or users tagged, POST /tags's other
// payloads), deleted, and applied to contacts, conversations and tickets.
import type { RestTagBasic, RestTagList } from "../../../generated/rest/tags.js";
import { ApiError, badRequest, notFound } from "../../errors.js";
import { findTag } from "../../lookups.js";
import { RawResponse, type ApiGroup, type RouteContext, type RouteInput } from "../../router.js";
import { isObject, nowSeconds, requireId } from "../../validate.js";
import type { Workspace } from "../../workspace.js";
import type { Company } from "../companies/records.js";
import type { Contact } from "../contacts/records.js";
import { addCompanyTag, addContactTag, allTagLists, removeCompanyTag, removeContactTag, tagNamed, tokenAdmin } from "./lists.js";
import type { TagApplication } from "./records.js";
import {
  attachTagToContact,
  attachTagToConversation,
  attachTagToTicket,
  detachTagFromContact,
  detachTagFromConversation,
  detachTagFromTicket,
} from "./taggings.js";
import { basicView, tagView } from "./views.js";

function requireName(body: Record<string, unknown>): string {
  const name = body.name;
  if (typeof name !== "string" || name.trim() === "") throw badRequest("parameter_invalid", "invalid tag parameters", "name");
  return name.trim();
}

// ---------------------------------------------------------------- POST /tags

interface CompanyItem {
  company: Company;
  untag: boolean;
}

function companyItems(ws: Workspace, raw: unknown): CompanyItem[] {
  if (!Array.isArray(raw) || raw.length === 0) throw badRequest("parameter_invalid", "companies must be a non-empty array", "companies");
  return raw.map((item) => {
    if (!isObject(item)) throw badRequest("parameter_invalid", "each company must be an object with id or company_id", "companies");
    const id = item.id === undefined || item.id === null ? undefined : String(item.id);
    const companyId = item.company_id === undefined || item.company_id === null ? undefined : String(item.company_id);
    if (id === undefined && companyId === undefined) throw badRequest("parameter_invalid", "each company needs an id or a company_id", "companies");
    const company = ws.companies.find((c) => (id !== undefined ? c.id === id : c.company_id === companyId));
    if (!company) throw new ApiError(404, "company_not_found", "Company Not Found");
    if (item.untag !== undefined && typeof item.untag !== "boolean") throw badRequest("parameter_invalid", "untag must be a boolean", "companies");
    return { company, untag: item.untag === true };
  });
}

function contactItems(ws: Workspace, raw: unknown): Contact[] {
  if (!Array.isArray(raw) || raw.length === 0) throw badRequest("parameter_invalid", "users must be a non-empty array", "users");
  return raw.map((item) => {
    if (!isObject(item) || item.id === undefined || item.id === null) throw badRequest("parameter_invalid", "each user needs an id", "users");
    const contact = ws.contacts.find((c) => c.id === String(item.id));
    if (!contact) throw notFound("not_found", "User Not Found");
    return contact;
  });
}

/** Create or update a tag; tag or untag companies; tag users — one endpoint, four payloads. */
function createTag(ctx: RouteContext, { body: rawBody }: RouteInput): RestTagBasic {
  const { ws } = ctx;
  if (!isObject(rawBody)) throw badRequest("parameter_invalid", "invalid tag parameters");
  const body = rawBody;
  const name = requireName(body);
  const variants = ["id", "companies", "users"].filter((k) => body[k] !== undefined && body[k] !== null);
  if (variants.length > 1) throw badRequest("parameter_invalid", `invalid tag parameters: ${variants.join(" and ")} cannot be combined`);

  if (body.companies !== undefined && body.companies !== null) {
    // Validate everything before changing anything.
    const items = companyItems(ws, body.companies);
    const tagging = items.some((i) => !i.untag);
    const tag = tagNamed(ws, name, tagging);
    if (!tag) throw new ApiError(404, "tag_not_found", "Tag not found");
    for (const item of items) {
      if (item.untag) removeCompanyTag(item.company, tag.id);
      else addCompanyTag(item.company, tag);
      item.company.updated_at = Math.max(item.company.updated_at, nowSeconds(ctx));
    }
    return basicView(tag);
  }

  if (body.users !== undefined && body.users !== null) {
    const contacts = contactItems(ws, body.users);
    const tag = tagNamed(ws, name, true)!;
    const applied: TagApplication = { applied_at: nowSeconds(ctx), applied_by: { type: "admin", id: tokenAdmin(ws).id } };
    for (const contact of contacts) addContactTag(ws, contact, tag, applied);
    return basicView(tag);
  }

  if (body.id !== undefined && body.id !== null) {
    const tag = findTag(ws, requireId(body, "id"));
    if (!tag) throw new ApiError(404, "tag_not_found", "Tag not found");
    const clash = tagNamed(ws, name, false);
    if (clash && clash.id !== tag.id) throw badRequest("parameter_invalid", `A tag named ${clash.name} already exists`, "name");
    tag.name = name;
    // Tag lists hold copies: rename them too.
    for (const list of allTagLists(ws)) for (const t of list.tags) if (t.id === tag.id) t.name = name;
    return basicView(tag);
  }

  return basicView(tagNamed(ws, name, true)!);
}

function deleteTag(ctx: RouteContext, { params }: RouteInput): RawResponse {
  const { ws } = ctx;
  const tag = findTag(ws, params.tag_id);
  if (!tag) throw notFound("not_found", "Resource Not Found");
  const segments = ws.tagSegments.get(tag.id) ?? [];
  if (segments.length) {
    throw new ApiError(400, "tag_has_dependent_objects", `Unable to delete Tag with dependent objects. Segments: ${segments.join(", ")}.`);
  }
  ws.tags.splice(ws.tags.indexOf(tag), 1);
  for (const contact of ws.contacts) if (contact.tags.data.some((r) => r.id === tag.id)) removeContactTag(ws, contact, tag.id);
  for (const list of allTagLists(ws)) list.tags = list.tags.filter((t) => t.id !== tag.id);
  // The document declares no body for the 200.
  return new RawResponse(200, undefined);
}

export const tagsGroup: ApiGroup = {
  tag: "Tags",
  routes: [
    { operationId: "listTags", method: "GET", path: "/tags", handler: ({ ws }): RestTagList => ({ type: "list", data: ws.tags.map((t) => tagView(t)) }) },
    { operationId: "createTag", method: "POST", path: "/tags", handler: createTag },
    {
      operationId: "findTag",
      method: "GET",
      path: "/tags/:tag_id",
      handler: ({ ws }, { params }): RestTagBasic => {
        const tag = findTag(ws, params.tag_id);
        if (!tag) throw notFound("not_found", "Resource Not Found");
        return basicView(tag);
      },
    },
    { operationId: "deleteTag", method: "DELETE", path: "/tags/:tag_id", handler: deleteTag },
    { operationId: "attachTagToContact", method: "POST", path: "/contacts/:contact_id/tags", handler: attachTagToContact },
    { operationId: "detachTagFromContact", method: "DELETE", path: "/contacts/:contact_id/tags/:tag_id", handler: detachTagFromContact },
    { operationId: "attachTagToConversation", method: "POST", path: "/conversations/:conversation_id/tags", handler: attachTagToConversation },
    { operationId: "detachTagFromConversation", method: "DELETE", path: "/conversations/:conversation_id/tags/:tag_id", handler: detachTagFromConversation },
    { operationId: "attachTagToTicket", method: "POST", path: "/tickets/:ticket_id/tags", handler: attachTagToTicket },
    { operationId: "detachTagFromTicket", method: "DELETE", path: "/tickets/:ticket_id/tags/:tag_id", handler: detachTagFromTicket },
  ],
};
