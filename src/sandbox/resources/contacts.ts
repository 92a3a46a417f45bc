// Sandbox resource module: Contacts. The core serves GET /contacts/{id} and
// POST /contacts/search over `ws.contacts`; this module serves the rest of the
// group: create, update, delete, list, merge, archive and unarchive.
//
// Archived contacts move from `ws.contacts` to `ws.archivedContacts`: like Intercom,
// they then answer 404 to GET, and are left out of lists and search, until unarchived.
// Merged leads are removed outright (404 afterwards), their data moved to the user.
import { randomBytes } from "node:crypto";
import { ApiError, badRequest, notFound } from "../errors.js";
import type { ResourceModule } from "../resource.js";
import type { Rng } from "../rng.js";
import type { Route, RouteContext } from "../routes.js";
import { contactSearchModel, paginate, parsePerPage, sortSpec } from "../search.js";
import { SEED_BASE_TIME } from "../seed.js";
import type { Contact, CustomAttributes, Workspace } from "../types.js";
import { isObject, nowSeconds, requireBody } from "../validate.js";

/** The workspace collections this module owns. */
export interface ContactsState {
  /** Archived contacts: invisible to GET, list and search until unarchived. */
  archivedContacts: Contact[];
}

/** GET /contacts: "The default is `50` results per page." */
const DEFAULT_PER_PAGE = 50;
const DAY = 86_400;

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;


/** A contact with every attribute Intercom knows nothing about yet; other modules spread their own values over it. */
export function blankContact(ws: Workspace, id: string, role: "user" | "lead", at: number): Contact {
  const list = (what: string) => ({ data: [], url: `/contacts/${id}/${what}`, total_count: 0, has_more: false });
  return {
    type: "contact",
    id,
    workspace_id: ws.app.id_code,
    external_id: null,
    role,
    email: "",
    email_domain: "",
    phone: null,
    formatted_phone: null,
    name: null,
    owner_id: null,
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: false,
    created_at: at,
    updated_at: at,
    signed_up_at: null,
    last_seen_at: null,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: null,
    browser_version: null,
    browser_language: null,
    os: null,
    android_app_name: null,
    android_app_version: null,
    android_device: null,
    android_os_version: null,
    android_sdk_version: null,
    android_last_seen_at: null,
    ios_app_name: null,
    ios_app_version: null,
    ios_device: null,
    ios_os_version: null,
    ios_sdk_version: null,
    ios_last_seen_at: null,
    custom_attributes: {},
    avatar: null,
    tags: list("tags"),
    notes: list("notes"),
    companies: { type: "list", ...list("companies") },
    location: { type: "location", country: null, region: null, city: null },
    social_profiles: { data: [] },
  };
}

// ---------------------------------------------------------------- validation

/** The attributes of create_contact_request / update_contact_request, checked. */
interface ContactAttributes {
  role?: "user" | "lead";
  external_id?: string;
  email?: string;
  phone?: string | null;
  name?: string | null;
  avatar?: string | null;
  signed_up_at?: number | null;
  last_seen_at?: number | null;
  owner_id?: number | null;
  unsubscribed_from_emails?: boolean;
  custom_attributes?: CustomAttributes;
}

function readAttributes(ws: Workspace, body: Record<string, unknown>): ContactAttributes {
  const out: ContactAttributes = {};
  const invalid = (field: string, message: string) => badRequest("parameter_invalid", message, field);
  const str = (field: string, nullable: boolean): string | null | undefined => {
    const v = body[field];
    if (v === undefined || (v === null && nullable)) return v as null | undefined;
    if (typeof v !== "string") throw invalid(field, `${field} must be a string`);
    return v;
  };
  const timestamp = (field: string): number | null | undefined => {
    const v = body[field];
    if (v === undefined || v === null) return v as null | undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw invalid(field, `${field} must be a Unix timestamp (integer seconds)`);
    return v;
  };

  const role = str("role", false);
  if (role !== undefined) {
    if (role !== "user" && role !== "lead") throw invalid("role", "role must be one of user, lead");
    out.role = role;
  }
  const externalId = str("external_id", false);
  if (externalId !== undefined) {
    if (externalId!.trim() === "") throw invalid("external_id", "external_id must not be blank");
    out.external_id = externalId!;
  }
  const email = str("email", false);
  if (email !== undefined) {
    if (!EMAIL.test(email!)) throw invalid("email", "email is not a valid email address");
    out.email = email!;
  }
  for (const field of ["phone", "name", "avatar"] as const) {
    const v = str(field, true);
    if (v !== undefined) out[field] = v;
  }
  for (const field of ["signed_up_at", "last_seen_at"] as const) {
    const v = timestamp(field);
    if (v !== undefined) out[field] = v;
  }
  const owner = body.owner_id;
  if (owner === null) out.owner_id = null;
  else if (owner !== undefined) {
    // The document says integer; numeric strings are accepted as Intercom does.
    const n = typeof owner === "number" ? owner : typeof owner === "string" && /^\d+$/.test(owner) ? Number(owner) : NaN;
    if (!Number.isInteger(n)) throw invalid("owner_id", "owner_id must be an integer");
    if (!ws.admins.some((a) => a.id === String(n))) throw invalid("owner_id", "owner_id must be the id of an admin of the workspace");
    out.owner_id = n;
  }
  const unsubscribed = body.unsubscribed_from_emails;
  if (unsubscribed !== undefined && unsubscribed !== null) {
    if (typeof unsubscribed !== "boolean") throw invalid("unsubscribed_from_emails", "unsubscribed_from_emails must be a boolean");
    out.unsubscribed_from_emails = unsubscribed;
  }
  const attrs = body.custom_attributes;
  if (attrs !== undefined && attrs !== null) {
    if (!isObject(attrs)) throw invalid("custom_attributes", "custom_attributes must be an object");
    for (const [k, v] of Object.entries(attrs)) {
      if (v !== null && !["string", "number", "boolean"].includes(typeof v)) {
        throw invalid("custom_attributes", `custom_attributes.${k} must be a string, number, boolean or null`);
      }
    }
    out.custom_attributes = attrs as CustomAttributes;
  }
  return out;
}

/**
 * Intercom's uniqueness rules: an external_id names one contact; an email names
 * one user (leads may share emails). A clash answers 409, naming the contact.
 */
function checkUnique(ws: Workspace, self: { id: string | null; role: "user" | "lead" }, attrs: ContactAttributes): void {
  const clashes = (c: Contact) =>
    c.id !== self.id &&
    ((attrs.external_id !== undefined && c.external_id === attrs.external_id) ||
      (attrs.email !== undefined && self.role === "user" && c.role === "user" && c.email.toLowerCase() === attrs.email.toLowerCase()));
  const live = ws.contacts.find(clashes);
  if (live) throw new ApiError(409, "conflict", `A contact matching those details already exists with id=${live.id}`);
  const archived = ws.archivedContacts.find(clashes);
  if (archived) throw new ApiError(409, "conflict", `An archived contact matching those details already exists with id=${archived.id}`);
}

function apply(contact: Contact, attrs: ContactAttributes): void {
  if (attrs.role !== undefined) contact.role = attrs.role;
  if (attrs.external_id !== undefined) contact.external_id = attrs.external_id;
  if (attrs.email !== undefined) {
    contact.email = attrs.email;
    contact.email_domain = attrs.email.split("@")[1]!.toLowerCase();
  }
  if (attrs.phone !== undefined) {
    contact.phone = attrs.phone;
    contact.formatted_phone = attrs.phone === null ? null : attrs.phone.replace(/[^\d+]/g, "");
  }
  if (attrs.name !== undefined) contact.name = attrs.name;
  if (attrs.avatar !== undefined) contact.avatar = attrs.avatar === null ? null : { type: "avatar", image_url: attrs.avatar };
  if (attrs.signed_up_at !== undefined) contact.signed_up_at = attrs.signed_up_at;
  if (attrs.last_seen_at !== undefined) contact.last_seen_at = attrs.last_seen_at;
  if (attrs.owner_id !== undefined) contact.owner_id = attrs.owner_id;
  if (attrs.unsubscribed_from_emails !== undefined) contact.unsubscribed_from_emails = attrs.unsubscribed_from_emails;
  if (attrs.custom_attributes !== undefined) Object.assign(contact.custom_attributes, attrs.custom_attributes);
}

/** The contact with this id, or Intercom's 404. */
export function findContact(ws: Workspace, id: string | undefined): Contact {
  const contact = ws.contacts.find((c) => c.id === id);
  if (!contact) throw notFound("not_found", "User Not Found");
  return contact;
}

function written(ctx: RouteContext, contact: Contact): Contact {
  contact.updated_at = Math.max(contact.updated_at, nowSeconds(ctx));
  // Search does not see the write for searchIndexLagMs.
  ctx.ws.lastWriteAt.contacts.set(contact.id, ctx.now());
  return contact;
}

const newId = () => randomBytes(12).toString("hex");

/**
 * A new lead for an email nobody in the workspace has: what adding a participant by email
 * ("we will create a new contact with role lead") and creating a ticket for an email do.
 */
export function createLead(ctx: RouteContext, email: string): Contact {
  const lead: Contact = { ...blankContact(ctx.ws, newId(), "lead", nowSeconds(ctx)), email, email_domain: email.split("@")[1] ?? "" };
  ctx.ws.contacts.push(lead);
  ctx.ws.lastWriteAt.contacts.set(lead.id, ctx.now());
  return lead;
}

// ---------------------------------------------------------------- handlers

function createContact(ctx: RouteContext, rawBody: unknown): Contact {
  const body = requireBody(rawBody);
  const attrs = readAttributes(ctx.ws, body);
  if (attrs.email === undefined && attrs.external_id === undefined && attrs.role === undefined) {
    throw badRequest("parameter_not_found", "One of email, external_id or role is required", "email");
  }
  const role = attrs.role ?? "user";
  checkUnique(ctx.ws, { id: null, role }, attrs);
  const contact = blankContact(ctx.ws, newId(), role, nowSeconds(ctx));
  apply(contact, attrs);
  ctx.ws.contacts.push(contact);
  return written(ctx, contact);
}

function updateContact(ctx: RouteContext, id: string | undefined, rawBody: unknown): Contact {
  const body = requireBody(rawBody);
  const attrs = readAttributes(ctx.ws, body);
  const contact = findContact(ctx.ws, id);
  if (contact.role === "user" && attrs.role === "lead") throw badRequest("parameter_invalid", "A user cannot be converted to a lead", "role");
  checkUnique(ctx.ws, { id: contact.id, role: attrs.role ?? contact.role }, attrs);
  apply(contact, attrs);
  return written(ctx, contact);
}

/** Removes the contact from its company counts and from the workspace lists. */
function detach(ws: Workspace, contact: Contact): void {
  for (const ref of contact.companies.data) {
    const company = ws.companies.find((c) => c.id === ref.id);
    if (company && company.user_count > 0) company.user_count--;
  }
}

function deleteContact(ctx: RouteContext, id: string | undefined) {
  const { ws } = ctx;
  const live = ws.contacts.findIndex((c) => c.id === id);
  const archived = ws.archivedContacts.findIndex((c) => c.id === id);
  if (live === -1 && archived === -1) throw notFound("not_found", "User Not Found");
  // An archived contact can still be deleted by id (the only way to remove it for good).
  const [contact] = live !== -1 ? ws.contacts.splice(live, 1) : ws.archivedContacts.splice(archived, 1);
  detach(ws, contact!);
  for (let i = ws.notes.length - 1; i >= 0; i--) if (ws.notes[i]!.contact?.id === contact!.id) ws.notes.splice(i, 1);
  ws.lastWriteAt.contacts.delete(contact!.id);
  return { id: contact!.id, external_id: contact!.external_id, type: "contact", deleted: true };
}

/** Adds the references `extra` holds that `into` lacks. */
function mergeRefs(into: Contact["tags"], extra: Contact["tags"]): void {
  for (const ref of extra.data) if (!into.data.some((r) => r.id === ref.id)) into.data.push(ref);
  into.total_count = into.data.length;
}

function mergeContacts(ctx: RouteContext, rawBody: unknown): Contact {
  const body = requireBody(rawBody);
  for (const field of ["from", "into"] as const) {
    if (body[field] === undefined || body[field] === null || body[field] === "") {
      throw badRequest("parameter_not_found", `${field} is a required parameter`, field);
    }
    if (typeof body[field] !== "string") throw badRequest("parameter_invalid", `${field} must be a string`, field);
  }
  const { ws } = ctx;
  const from = findContact(ws, body.from as string);
  const into = findContact(ws, body.into as string);
  if (from.id === into.id) throw badRequest("parameter_invalid", "Cannot merge a contact into itself", "into");
  if (from.role !== "lead") throw badRequest("parameter_invalid", "The contact to merge from must be a lead", "from");
  if (into.role !== "user") throw badRequest("parameter_invalid", "The contact to merge into must be a user", "into");

  // The user keeps what it has; the lead fills the gaps.
  for (const key of ["phone", "formatted_phone", "name", "language_override", "browser", "browser_version", "browser_language", "os"] as const) {
    if (into[key] === null) into[key] = from[key];
  }
  if (into.email === "" && from.email !== "") {
    into.email = from.email;
    into.email_domain = from.email_domain;
  }
  into.avatar ??= from.avatar;
  if (into.location.country === null) into.location = from.location;
  into.last_seen_at = Math.max(into.last_seen_at ?? 0, from.last_seen_at ?? 0) || null;
  into.custom_attributes = { ...from.custom_attributes, ...into.custom_attributes };
  mergeRefs(into.tags, from.tags);
  mergeRefs(into.companies, from.companies);
  for (const note of ws.notes) if (note.contact?.id === from.id) note.contact = { type: "contact", id: into.id };
  mergeRefs(into.notes, from.notes);
  for (const social of from.social_profiles.data) {
    if (!into.social_profiles.data.some((s) => s.url === social.url)) into.social_profiles.data.push(social);
  }
  // The lead's conversations now belong to the user.
  const moveAuthor = (author: { type: string; id: string; name: string | null; email: string }) => {
    if (author.id !== from.id) return;
    author.type = "user";
    author.id = into.id;
    author.name = into.name;
    author.email = into.email;
  };
  for (const c of ws.conversations) {
    const refs = c.contacts.contacts;
    if (!refs.some((r) => r.id === from.id)) continue;
    c.contacts.contacts = refs.some((r) => r.id === into.id)
      ? refs.filter((r) => r.id !== from.id)
      : refs.map((r) => (r.id === from.id ? { type: "contact", id: into.id, external_id: into.external_id } : r));
    moveAuthor(c.source.author);
    for (const part of c.conversation_parts.conversation_parts) moveAuthor(part.author);
    if (c.conversation_rating?.contact.id === from.id) c.conversation_rating.contact = { type: "contact", id: into.id, external_id: into.external_id };
    ws.lastWriteAt.conversations.set(c.id, ctx.now());
  }
  ws.contacts.splice(ws.contacts.indexOf(from), 1);
  detach(ws, from);
  ws.lastWriteAt.contacts.delete(from.id);
  return written(ctx, into);
}

function archiveContact(ctx: RouteContext, id: string | undefined) {
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

function unarchiveContact(ctx: RouteContext, id: string | undefined) {
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

function listContacts(ctx: RouteContext, query: Record<string, string>) {
  const perPage = parsePerPage(query.per_page, DEFAULT_PER_PAGE);
  const page = paginate(ctx.ws.contacts, sortSpec(contactSearchModel, undefined), perPage, query.starting_after);
  return { type: "list", data: page.items, total_count: page.total_count, pages: page.pages };
}

// ---------------------------------------------------------------- seed

const ARCHIVED_PEOPLE = [
  ["Harriet", "Voss"],
  ["Bruno", "Alves"],
  ["Keiko", "Mori"],
  ["Samuel", "Osei"],
  ["Petra", "Lund"],
] as const;

/** A few archived contacts (former customers), referenced by no conversation. */
function seed(ws: Workspace, rng: Rng): void {
  ws.archivedContacts = ARCHIVED_PEOPLE.map(([first, last], i) => {
    const created = SEED_BASE_TIME - rng.int(300, 900) * DAY - rng.int(0, DAY);
    const role = i === 4 ? "lead" : "user";
    const contact = blankContact(ws, rng.hex(24), role, created);
    contact.name = `${first} ${last}`;
    contact.email = `${first.toLowerCase()}.${last.toLowerCase()}@${rng.pick(["gmail.com", "outlook.com", "proton.me"])}`;
    contact.email_domain = contact.email.split("@")[1]!;
    contact.external_id = role === "user" ? `usr_archived_${101 + i}` : null;
    contact.signed_up_at = role === "user" ? created : null;
    contact.updated_at = created + rng.int(10, 200) * DAY;
    contact.last_seen_at = contact.updated_at - rng.int(0, 30) * DAY;
    contact.custom_attributes = { churn_reason: rng.pick(["price", "moved to competitor", "company closed"]) };
    return contact;
  });
}

export const contactsResource: ResourceModule = {
  name: "contacts",
  seed,
  routes: [
    { operationId: "ListContacts", method: "GET", path: "/contacts", handler: (ctx, { query }) => listContacts(ctx, query) },
    { operationId: "CreateContact", method: "POST", path: "/contacts", handler: (ctx, { body }) => createContact(ctx, body) },
    { operationId: "MergeContact", method: "POST", path: "/contacts/merge", handler: (ctx, { body }) => mergeContacts(ctx, body) },
    { operationId: "UpdateContact", method: "PUT", path: "/contacts/:contact_id", handler: (ctx, { params, body }) => updateContact(ctx, params.contact_id, body) },
    { operationId: "DeleteContact", method: "DELETE", path: "/contacts/:contact_id", handler: (ctx, { params }) => deleteContact(ctx, params.contact_id) },
    { operationId: "ArchiveContact", method: "POST", path: "/contacts/:contact_id/archive", handler: (ctx, { params }) => archiveContact(ctx, params.contact_id) },
    { operationId: "UnarchiveContact", method: "POST", path: "/contacts/:contact_id/unarchive", handler: (ctx, { params }) => unarchiveContact(ctx, params.contact_id) },
  ] satisfies Route[],
};
