// Sandbox resource module: Tags. The workspace's tag list is the core `ws.tags`; this
// module serves the tag endpoints and keeps every place a tag appears consistent on each
// write: contacts' `tags` reference lists, conversations' and companies' (and tickets')
// tag lists.
import { ApiError, badRequest, notFound } from "../errors.js";
import { RawResponse, type ResourceModule } from "../resource.js";
import type { RouteContext, RouteInput } from "../routes.js";
import { SEED_BASE_TIME } from "../seed.js";
import type { Admin, AppliedTag, Company, Contact, Conversation, Reference, Tag, UnixSeconds, Workspace } from "../types.js";
import { isObject, nowSeconds, requireId } from "../validate.js";
import { findContact } from "./contacts.js";

/** When and by whom a tag was applied to a contact (contacts' reference lists carry only ids). */
export interface TagApplication {
  applied_at: UnixSeconds | null;
  applied_by: Reference | null;
}

/** The workspace collections this module owns. */
export interface TagsState {
  /** Key `${contactId}/${tagId}`. */
  contactTagApplications: Map<string, TagApplication>;
  /** Names of the segments whose filters use a tag (by tag id): such a tag cannot be deleted. */
  tagSegments: Map<string, string[]>;
}

const DAY = 86_400;
const applicationKey = (contactId: string, tagId: string) => `${contactId}/${tagId}`;

// ---------------------------------------------------------------- views

/** `tag_basic`. */
const basicView = (t: Tag): Tag => ({ type: "tag", id: t.id, name: t.name });

/** `tag`: applied_at/applied_by are required (null outside a tagging). */
const tagView = (t: Tag, applied: TagApplication | null = null) => ({
  ...basicView(t),
  applied_at: applied?.applied_at ?? null,
  applied_by: applied?.applied_by ?? null,
});

// ---------------------------------------------------------------- lookups

export function findTag(ws: Workspace, id: unknown): Tag | undefined {
  return ws.tags.find((t) => t.id === String(id));
}

function requireConversation(ws: Workspace, id: string): Conversation {
  const conversation = ws.conversations.find((c) => c.id === id);
  if (!conversation) throw notFound("not_found", "Conversation not found");
  return conversation;
}


function requireAdmin(ws: Workspace, body: Record<string, unknown>): Admin {
  const id = requireId(body, "admin_id");
  const admin = ws.admins.find((a) => a.id === id);
  if (!admin) throw new ApiError(404, "admin_not_found", "Admin for admin_id not found");
  return admin;
}

/** The admin whose token is used (GET /me answers the first admin). */
const tokenAdmin = (ws: Workspace): Admin => ws.admins[0]!;

// ---------------------------------------------------------------- consistency helpers

/** Tickets belong to another module; their tag lists follow the same `tags.tags` shape. */
function ticketTagLists(ws: Workspace): { tags: Array<Tag & Partial<AppliedTag>> }[] {
  const tickets = (ws as unknown as { tickets?: unknown }).tickets;
  if (!Array.isArray(tickets)) return [];
  return tickets.flatMap((t) => (isObject(t) && isObject(t.tags) && Array.isArray(t.tags.tags) ? [t.tags as { tags: Tag[] }] : []));
}

function allTagLists(ws: Workspace): { tags: Array<Tag & Partial<AppliedTag>> }[] {
  return [...ws.conversations.map((c) => c.tags), ...ws.companies.map((c) => c.tags), ...ticketTagLists(ws)];
}

function addContactTag(ws: Workspace, contact: Contact, tag: Tag, applied: TagApplication): void {
  if (!contact.tags.data.some((r) => r.id === tag.id)) {
    contact.tags.data.push({ type: "tag", id: tag.id, url: `/tags/${tag.id}` });
    contact.tags.total_count = contact.tags.data.length;
    ws.contactTagApplications.set(applicationKey(contact.id, tag.id), applied);
  }
}

function removeContactTag(ws: Workspace, contact: Contact, tagId: string): void {
  contact.tags.data = contact.tags.data.filter((r) => r.id !== tagId);
  contact.tags.total_count = contact.tags.data.length;
  ws.contactTagApplications.delete(applicationKey(contact.id, tagId));
}

function addCompanyTag(company: Company, tag: Tag): void {
  if (!company.tags.tags.some((t) => t.id === tag.id)) company.tags.tags.push(basicView(tag));
}

function removeCompanyTag(company: Company, tagId: string): void {
  company.tags.tags = company.tags.tags.filter((t) => t.id !== tagId);
}

/** Finds a tag by name (names are case insensitive), creating it when `create`. */
function tagNamed(ws: Workspace, name: string, create: boolean): Tag | undefined {
  const existing = ws.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (existing || !create) return existing;
  const nextId = Math.max(9100000, ...ws.tags.map((t) => Number(t.id)).filter(Number.isFinite)) + 1;
  const tag: Tag = { type: "tag", id: String(nextId), name };
  ws.tags.push(tag);
  return tag;
}

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
function createTag(ctx: RouteContext, { body: rawBody }: RouteInput): Tag {
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

// ---------------------------------------------------------------- other handlers

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

function contactTags(ctx: RouteContext, { params }: RouteInput) {
  const { ws } = ctx;
  const contact = findContact(ws, params.contact_id!);
  const data = contact.tags.data.flatMap((ref) => {
    const tag = findTag(ws, ref.id);
    return tag ? [tagView(tag, ws.contactTagApplications.get(applicationKey(contact.id, tag.id)) ?? null)] : [];
  });
  return { type: "list", data };
}

function attachTagToContact(ctx: RouteContext, { params, body }: RouteInput) {
  const { ws } = ctx;
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const contact = findContact(ws, params.contact_id!);
  const tag = findTag(ws, requireId(body, "id"));
  if (!tag) throw notFound("not_found", "Resource Not Found");
  addContactTag(ws, contact, tag, { applied_at: nowSeconds(ctx), applied_by: { type: "admin", id: tokenAdmin(ws).id } });
  return tagView(tag, ws.contactTagApplications.get(applicationKey(contact.id, tag.id))!);
}

function detachTagFromContact(ctx: RouteContext, { params }: RouteInput) {
  const { ws } = ctx;
  const contact = findContact(ws, params.contact_id!);
  const tag = findTag(ws, params.tag_id);
  if (!tag) throw notFound("not_found", "Resource Not Found");
  const applied = ws.contactTagApplications.get(applicationKey(contact.id, tag.id)) ?? null;
  removeContactTag(ws, contact, tag.id);
  return tagView(tag, applied);
}

function touchConversation(ctx: RouteContext, c: Conversation, at: number): void {
  c.updated_at = Math.max(c.updated_at, at);
  ctx.ws.lastWriteAt.conversations.set(c.id, ctx.now());
}

function attachTagToConversation(ctx: RouteContext, { params, body }: RouteInput): AppliedTag {
  const { ws } = ctx;
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const tagId = requireId(body, "id");
  const admin = requireAdmin(ws, body);
  const conversation = requireConversation(ws, params.conversation_id!);
  const tag = findTag(ws, tagId);
  if (!tag) throw new ApiError(404, "tag_not_found", "Tag not found");
  const at = nowSeconds(ctx);
  let applied = conversation.tags.tags.find((t) => t.id === tag.id);
  if (!applied) {
    applied = { ...basicView(tag), applied_at: at, applied_by: { type: "admin", id: admin.id } };
    conversation.tags.tags.push(applied);
    touchConversation(ctx, conversation, at);
  }
  return { ...applied };
}

function detachTagFromConversation(ctx: RouteContext, { params, body }: RouteInput): AppliedTag {
  const { ws } = ctx;
  if (!isObject(body)) throw badRequest("parameter_not_found", "admin_id is a required parameter", "admin_id");
  requireAdmin(ws, body);
  const conversation = requireConversation(ws, params.conversation_id!);
  const applied = conversation.tags.tags.find((t) => t.id === params.tag_id);
  if (!applied || !findTag(ws, applied.id)) throw new ApiError(404, "tag_not_found", "Tag not found");
  conversation.tags.tags = conversation.tags.tags.filter((t) => t !== applied);
  touchConversation(ctx, conversation, nowSeconds(ctx));
  return { ...applied };
}

// ---------------------------------------------------------------- module

const SEGMENT_RULES: Record<string, string> = { VIP: "VIP customers", Enterprise: "Enterprise accounts", "Churn risk": "At-risk accounts" };

export const tagsResource: ResourceModule = {
  name: "tags",
  seed(ws, rng) {
    // Contacts' reference lists carry no application time: record when and by whom each was applied.
    ws.contactTagApplications = new Map();
    for (const contact of ws.contacts) {
      for (const ref of contact.tags.data) {
        const at = Math.min(SEED_BASE_TIME - 1, contact.created_at + rng.int(0, 60) * DAY + rng.int(0, DAY));
        ws.contactTagApplications.set(applicationKey(contact.id, ref.id), {
          applied_at: at,
          applied_by: { type: "admin", id: rng.pick(ws.admins).id },
        });
      }
    }
    // A few tags drive segments, so deleting them is refused like Intercom does.
    ws.tagSegments = new Map();
    for (const tag of ws.tags) {
      const segment = SEGMENT_RULES[tag.name];
      if (segment) ws.tagSegments.set(tag.id, [segment]);
    }
    // Companies get tags unless another module already tagged them.
    if (ws.companies.every((c) => c.tags.tags.length === 0)) {
      const companyTags = ws.tags.filter((t) => ["VIP", "Enterprise", "Churn risk", "Onboarding", "Billing"].includes(t.name));
      for (const company of ws.companies) {
        for (const tag of rng.sample(companyTags, rng.weighted([[0, 3], [1, 4], [2, 2]] as const))) addCompanyTag(company, tag);
      }
    }
  },
  routes: [
    { operationId: "listTags", method: "GET", path: "/tags", handler: ({ ws }) => ({ type: "list", data: ws.tags.map((t) => tagView(t)) }) },
    { operationId: "createTag", method: "POST", path: "/tags", handler: createTag },
    {
      operationId: "findTag",
      method: "GET",
      path: "/tags/:tag_id",
      handler: ({ ws }, { params }) => {
        const tag = findTag(ws, params.tag_id);
        if (!tag) throw notFound("not_found", "Resource Not Found");
        return basicView(tag);
      },
    },
    { operationId: "deleteTag", method: "DELETE", path: "/tags/:tag_id", handler: deleteTag },
    { operationId: "listTagsForAContact", method: "GET", path: "/contacts/:contact_id/tags", handler: contactTags },
    { operationId: "attachTagToContact", method: "POST", path: "/contacts/:contact_id/tags", handler: attachTagToContact },
    { operationId: "detachTagFromContact", method: "DELETE", path: "/contacts/:contact_id/tags/:tag_id", handler: detachTagFromContact },
    { operationId: "attachTagToConversation", method: "POST", path: "/conversations/:conversation_id/tags", handler: attachTagToConversation },
    { operationId: "detachTagFromConversation", method: "DELETE", path: "/conversations/:conversation_id/tags/:tag_id", handler: detachTagFromConversation },
  ],
};
