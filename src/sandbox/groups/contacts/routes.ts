// Contacts: listed, searched, created, read, updated, merged, archived and unarchived, deleted;
// and the lists of what a contact has (companies, segments, subscriptions, tags).
import type { RestContact, RestContactArchived, RestContactDeleted, RestContactList, RestContactUnarchived } from "../../../generated/rest/contacts.js";
import { badRequest, notFound } from "../../errors.js";
import { findContact } from "../../lookups.js";
import { paginate, parsePerPage } from "../../paging.js";
import type { ApiGroup, RouteContext } from "../../router.js";
import { runSearch, sortSpec } from "../../search.js";
import { nowSeconds, requireBody } from "../../validate.js";
import { contactSegments } from "../segments/membership.js";
import { applyAttributes, checkUnique, readAttributes } from "./attributes.js";
import { mergeContacts } from "./merge.js";
import { listCompaniesForAContact, listSegmentsForAContact, listSubscriptionsForAContact, listTagsForAContact } from "./related.js";
import { contactSearchModel, withSegmentIds } from "./search-model.js";
import { blankContact, detachFromCompanies, newId, written } from "./writes.js";

/** GET /contacts: "The default is `50` results per page." */
const DEFAULT_PER_PAGE = 50;

function searchContacts(ctx: RouteContext, body: unknown): RestContactList {
  const model = withSegmentIds(contactSearchModel, (c) => contactSegments(ctx.ws, c).map((s) => s.id));
  const page = runSearch(ctx, model, ctx.ws.contacts, ctx.ws.lastWriteAt.contacts, body);
  return { type: "list", data: page.items, total_count: page.total_count, pages: page.pages };
}

function createContact(ctx: RouteContext, rawBody: unknown): RestContact {
  const body = requireBody(rawBody);
  const attrs = readAttributes(ctx.ws, body);
  if (attrs.email === undefined && attrs.external_id === undefined && attrs.role === undefined) {
    throw badRequest("parameter_not_found", "One of email, external_id or role is required", "email");
  }
  const role = attrs.role ?? "user";
  checkUnique(ctx.ws, { id: null, role }, attrs);
  const contact = blankContact(ctx.ws, newId(), role, nowSeconds(ctx));
  applyAttributes(contact, attrs);
  ctx.ws.contacts.push(contact);
  return written(ctx, contact);
}

function updateContact(ctx: RouteContext, id: string | undefined, rawBody: unknown): RestContact {
  const body = requireBody(rawBody);
  const attrs = readAttributes(ctx.ws, body);
  const contact = findContact(ctx.ws, id);
  if (contact.role === "user" && attrs.role === "lead") throw badRequest("parameter_invalid", "A user cannot be converted to a lead", "role");
  checkUnique(ctx.ws, { id: contact.id, role: attrs.role ?? contact.role }, attrs);
  applyAttributes(contact, attrs);
  return written(ctx, contact);
}

function deleteContact(ctx: RouteContext, id: string | undefined): RestContactDeleted {
  const { ws } = ctx;
  const live = ws.contacts.findIndex((c) => c.id === id);
  const archived = ws.archivedContacts.findIndex((c) => c.id === id);
  if (live === -1 && archived === -1) throw notFound("not_found", "User Not Found");
  // An archived contact can still be deleted by id (the only way to remove it for good).
  const [contact] = live !== -1 ? ws.contacts.splice(live, 1) : ws.archivedContacts.splice(archived, 1);
  detachFromCompanies(ws, contact!);
  for (let i = ws.notes.length - 1; i >= 0; i--) if (ws.notes[i]!.contact?.id === contact!.id) ws.notes.splice(i, 1);
  ws.lastWriteAt.contacts.delete(contact!.id);
  return { id: contact!.id, external_id: contact!.external_id, type: "contact", deleted: true };
}

function archiveContact(ctx: RouteContext, id: string | undefined): RestContactArchived {
  const { ws } = ctx;
  const index = ws.contacts.findIndex((c) => c.id === id);
  let contact = ws.archivedContacts.find((c) => c.id === id);
  if (index !== -1) {
    [contact] = ws.contacts.splice(index, 1);
    ws.archivedContacts.push(contact!);
    ws.lastWriteAt.contacts.set(contact!.id, ctx.now());
  }
  if (!contact) throw notFound("not_found", "User Not Found");
  return { id: contact.id, external_id: contact.external_id, type: "contact", archived: true };
}

function unarchiveContact(ctx: RouteContext, id: string | undefined): RestContactUnarchived {
  const { ws } = ctx;
  const index = ws.archivedContacts.findIndex((c) => c.id === id);
  let contact = ws.contacts.find((c) => c.id === id);
  if (index !== -1) {
    [contact] = ws.archivedContacts.splice(index, 1);
    ws.contacts.push(contact!);
    written(ctx, contact!);
  }
  if (!contact) throw notFound("not_found", "User Not Found");
  return { id: contact.id, external_id: contact.external_id, type: "contact", archived: false };
}

function listContacts(ctx: RouteContext, query: Record<string, string>): RestContactList {
  const perPage = parsePerPage(query.per_page, DEFAULT_PER_PAGE);
  const page = paginate(ctx.ws.contacts, sortSpec(contactSearchModel, undefined), perPage, query.starting_after);
  return { type: "list", data: page.items, total_count: page.total_count, pages: page.pages };
}

export const contactsGroup: ApiGroup = {
  tag: "Contacts",
  routes: [
    { operationId: "ListContacts", method: "GET", path: "/contacts", handler: (ctx, { query }) => listContacts(ctx, query) },
    { operationId: "CreateContact", method: "POST", path: "/contacts", handler: (ctx, { body }) => createContact(ctx, body) },
    { operationId: "SearchContacts", method: "POST", path: "/contacts/search", handler: (ctx, { body }) => searchContacts(ctx, body) },
    { operationId: "MergeContact", method: "POST", path: "/contacts/merge", handler: (ctx, { body }) => mergeContacts(ctx, body) },
    { operationId: "ShowContact", method: "GET", path: "/contacts/:contact_id", handler: ({ ws }, { params }): RestContact => findContact(ws, params.contact_id) },
    { operationId: "UpdateContact", method: "PUT", path: "/contacts/:contact_id", handler: (ctx, { params, body }) => updateContact(ctx, params.contact_id, body) },
    { operationId: "DeleteContact", method: "DELETE", path: "/contacts/:contact_id", handler: (ctx, { params }) => deleteContact(ctx, params.contact_id) },
    { operationId: "ArchiveContact", method: "POST", path: "/contacts/:contact_id/archive", handler: (ctx, { params }) => archiveContact(ctx, params.contact_id) },
    { operationId: "UnarchiveContact", method: "POST", path: "/contacts/:contact_id/unarchive", handler: (ctx, { params }) => unarchiveContact(ctx, params.contact_id) },
    { operationId: "listCompaniesForAContact", method: "GET", path: "/contacts/:contact_id/companies", handler: listCompaniesForAContact },
    { operationId: "listSegmentsForAContact", method: "GET", path: "/contacts/:contact_id/segments", handler: listSegmentsForAContact },
    { operationId: "listSubscriptionsForAContact", method: "GET", path: "/contacts/:contact_id/subscriptions", handler: listSubscriptionsForAContact },
    { operationId: "listTagsForAContact", method: "GET", path: "/contacts/:contact_id/tags", handler: listTagsForAContact },
  ],
};
