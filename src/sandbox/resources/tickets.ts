// Sandbox resource module: tickets and ticket types (with their attributes), ticket tags,
// ticket search and the conversion of a conversation to a ticket. Shapes follow the
// `ticket`, `ticket_part`, `ticket_type`, `ticket_type_attribute` and list schemas of the
// 2.11 document; where its examples disagree with a schema, the schema wins
// (e.g. GET /ticket_types answers `{type: "ticket_type_attributes.list", ticket_types}`).
import { ApiError, badRequest, notFound } from "../errors.js";
import type { ResourceModule } from "../resource.js";
import type { Rng } from "../rng.js";
import { runSearch, type Route, type RouteContext, type RouteInput } from "../routes.js";
import type { SearchModel } from "../search.js";
import { SEED_BASE_TIME, makePart } from "../seed.js";
import { createLead, EMAIL } from "./contacts.js";
import type { Admin, AppliedTag, Contact, Conversation, PartAttachment, Reference, UnixSeconds, Workspace } from "../types.js";
import { isObject, nowSeconds, optionalBoolean, optionalString, optionalTimestamp, replyFields, requireBody } from "../validate.js";

export type TicketCategory = "Customer" | "Back-office" | "Tracker";
export type TicketState = "submitted" | "in_progress" | "waiting_on_customer" | "resolved";
export type AttributeDataType = "string" | "list" | "integer" | "decimal" | "boolean" | "datetime" | "files";

/** `ticket_type_attribute`. */
export interface TicketTypeAttributeRecord {
  type: "ticket_type_attribute";
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  data_type: AttributeDataType;
  input_options: Record<string, unknown>;
  order: number;
  required_to_create: boolean;
  required_to_create_for_contacts: boolean;
  visible_on_create: boolean;
  visible_to_contacts: boolean;
  default: boolean;
  ticket_type_id: number;
  archived: boolean;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
}

/**
 * A stored ticket type. `is_internal` is internal: create and update requests take it, but the
 * `ticket_type` schema has no such property, so answers leave it out (see ticketTypeView).
 */
export interface TicketTypeRecord {
  type: "ticket_type";
  id: string;
  category: TicketCategory;
  name: string;
  description: string;
  icon: string;
  workspace_id: string;
  ticket_type_attributes: { type: "ticket_type_attributes.list"; ticket_type_attributes: TicketTypeAttributeRecord[] };
  archived: boolean;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  is_internal: boolean;
}

export interface TicketPartAuthor {
  type: "admin" | "bot" | "team" | "user";
  id: string;
  name: string | null;
  email: string;
}

/** `ticket_part`. */
export interface TicketPartRecord {
  type: "ticket_part";
  id: string;
  part_type: string;
  body: string | null;
  previous_ticket_state?: TicketState;
  ticket_state: TicketState;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  assigned_to: Reference | null;
  author: TicketPartAuthor;
  attachments: PartAttachment[];
  external_id: string | null;
  redacted: boolean;
}

export interface LinkedObjectRecord {
  type: "ticket" | "conversation";
  id: string;
  category: TicketCategory | null;
}

/**
 * A stored ticket. `ticket_type_id` and `tags` are internal: responses embed the whole ticket
 * type, and the 2.11 `ticket` schema has no `tags` (the document gives tickets no way to read
 * their tags back), so answers leave them out; the tag operations keep them.
 */
export interface TicketRecord {
  type: "ticket";
  id: string;
  ticket_id: string;
  category: TicketCategory;
  ticket_attributes: Record<string, unknown>;
  ticket_state: TicketState;
  ticket_type_id: string;
  contacts: { type: "contact.list"; contacts: { type: "contact"; id: string; external_id: string | null }[] };
  admin_assignee_id: string; // "0": nobody
  team_assignee_id: string; // "0": nobody
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  open: boolean;
  snoozed_until?: UnixSeconds; // absent when not snoozed (the schema does not allow null)
  linked_objects: { type: "list"; total_count: number; has_more: boolean; data: LinkedObjectRecord[] };
  ticket_parts: { type: "ticket_part.list"; ticket_parts: TicketPartRecord[]; total_count: number };
  is_shared: boolean;
  ticket_state_internal_label: string;
  ticket_state_external_label: string;
  tags: { type: "tag.list"; tags: AppliedTag[] };
}

/** The workspace collections this module owns. */
export interface TicketsState {
  ticketTypes: TicketTypeRecord[];
  tickets: TicketRecord[];
  /** Per ticket id, the wall-clock ms of its last write (search hides recent writes). */
  ticketWrites: Map<string, number>;
  ticketCounters: { ticket: number; inboxNumber: number; ticketType: number; attribute: number };
}

const DAY = 86_400;
const HOUR = 3_600;
const STATES: readonly TicketState[] = ["submitted", "in_progress", "waiting_on_customer", "resolved"];
const CATEGORIES: readonly TicketCategory[] = ["Customer", "Back-office", "Tracker"];
const DATA_TYPES: readonly AttributeDataType[] = ["string", "list", "integer", "decimal", "boolean", "datetime", "files"];
const LABELS: Record<TicketState, string> = {
  submitted: "Submitted",
  in_progress: "In progress",
  waiting_on_customer: "Waiting on customer",
  resolved: "Resolved",
};
const TITLE = "_default_title_";
const DESCRIPTION = "_default_description_";

// ---------------------------------------------------------------- seed data

interface AttributeDef {
  name: string;
  description: string;
  data_type: AttributeDataType;
  list?: string[];
  required?: boolean;
  multiline?: boolean;
}

const TYPE_DEFS: { name: string; description: string; icon: string; category: TicketCategory; archived?: boolean; attributes: AttributeDef[]; titles: string[] }[] = [
  {
    name: "Question",
    description: "A question a customer asked that needs follow-up",
    icon: "🙋",
    category: "Customer",
    attributes: [
      { name: "Product area", description: "Where in the product the question is about", data_type: "list", list: ["Billing", "Reports", "Integrations", "Mobile app"] },
      { name: "Order number", description: "The customer's order or invoice number", data_type: "string" },
    ],
    titles: ["How do I export invoices?", "Question about SSO setup", "Where is the DPA?", "Seat pricing question", "Slack integration setup"],
  },
  {
    name: "Refund request",
    description: "A customer asks for money back",
    icon: "💸",
    category: "Customer",
    attributes: [
      { name: "Amount", description: "Amount to refund, in USD", data_type: "decimal", required: true },
      { name: "Order date", description: "When the order was placed", data_type: "datetime" },
      { name: "Receipt", description: "The receipt the customer sent", data_type: "files" },
    ],
    titles: ["Refund for unused seats", "Charged twice this month", "Refund after downgrade", "Annual plan refund"],
  },
  {
    name: "Bug Report",
    description: "A defect reported to the engineering team",
    icon: "🐞",
    category: "Back-office",
    attributes: [
      { name: "Severity", description: "How bad the bug is", data_type: "list", list: ["S1", "S2", "S3", "S4"], required: true },
      { name: "Reproducible", description: "Whether engineering could reproduce it", data_type: "boolean" },
      { name: "Affected users", description: "How many users are affected", data_type: "integer" },
      { name: "Steps to reproduce", description: "What to do to see the bug", data_type: "string", multiline: true },
    ],
    titles: ["Dashboard spinner never stops", "Reports tab crashes the iOS app", "Webhook deliveries fail with 502", "Password reset email not sent", "CSV export cuts rows"],
  },
  {
    name: "Product Incident",
    description: "An outage or degradation affecting many customers",
    icon: "🚨",
    category: "Tracker",
    attributes: [
      { name: "Status page URL", description: "The public incident page", data_type: "string" },
      { name: "Started at", description: "When the incident started", data_type: "datetime" },
      { name: "Customers affected", description: "Number of customers affected", data_type: "integer" },
    ],
    titles: ["EU login outage", "Delayed email notifications", "API latency spike", "Webhook backlog"],
  },
  {
    name: "Feature Request",
    description: "Requests for new functionality, tracked across customers",
    icon: "💡",
    category: "Tracker",
    attributes: [
      { name: "Votes", description: "Customers asking for it", data_type: "integer" },
      { name: "Planned", description: "Whether it is on the roadmap", data_type: "boolean" },
    ],
    titles: ["Dark mode", "Bulk user import API", "Okta SCIM provisioning", "Custom report builder"],
  },
  {
    name: "Legacy Escalation",
    description: "Old escalation flow, replaced by Bug Report",
    icon: "📟",
    category: "Back-office",
    archived: true,
    attributes: [{ name: "Escalated to", description: "The team it was escalated to", data_type: "string" }],
    titles: ["Escalation: billing sync", "Escalation: data import"],
  },
];

const ADMIN_NOTES = [
  "Checked the logs, this looks related to the deploy on Tuesday.",
  "Engineering is aware, linking the incident.",
  "Waiting for the customer to confirm the order number.",
  "Refund approved by finance.",
  "Reproduced on staging, adding details.",
];
const ADMIN_COMMENTS = [
  "Thanks for the report! We're looking into it.",
  "We've shipped a fix, could you try again?",
  "Could you share the exact time you saw this?",
  "Your refund has been processed.",
];

// ---------------------------------------------------------------- helpers






/** An id in a body: string or integer (the document's examples send integers). */
function idParam(body: Record<string, unknown>, field: string): string {
  const v = body[field];
  if (v === undefined || v === null || v === "") throw badRequest("parameter_not_found", `${field} is a required parameter`, field);
  if (typeof v !== "string" && typeof v !== "number") throw badRequest("parameter_invalid", `${field} must be a string`, field);
  return String(v);
}

function findAdmin(ctx: RouteContext, body: Record<string, unknown>, field = "admin_id"): Admin {
  const id = idParam(body, field);
  const admin = ctx.ws.admins.find((a) => a.id === id);
  if (!admin) throw new ApiError(404, "admin_not_found", "Admin not found");
  return admin;
}

function findTicket(ctx: RouteContext, id: string | undefined, code = "not_found", message = "Resource Not Found"): TicketRecord {
  const ticket = ctx.ws.tickets.find((t) => t.id === id);
  if (!ticket) throw notFound(code, message);
  return ticket;
}

function findTicketType(ctx: RouteContext, id: string | undefined): TicketTypeRecord {
  const type = ctx.ws.ticketTypes.find((t) => t.id === id);
  if (!type) throw notFound("not_found", "Ticket type not found");
  return type;
}

const adminAuthor = (a: Admin): TicketPartAuthor => ({ type: "admin", id: a.id, name: a.name, email: a.email });
// The ticket_part_author enum has no `lead`: every contact writes as a `user`.
const contactAuthor = (c: Contact): TicketPartAuthor => ({ type: "user", id: c.id, name: c.name, email: c.email });
const botAuthor = (ws: Workspace): TicketPartAuthor => ({ type: "bot", id: ws.bot.id, name: ws.bot.name, email: ws.bot.email });
const contactRef = (c: Contact) => ({ type: "contact" as const, id: c.id, external_id: c.external_id });

function newPart(ws: Workspace, ticket: TicketRecord, partType: string, author: TicketPartAuthor, at: number, body: string | null, extra: Partial<TicketPartRecord> = {}): TicketPartRecord {
  const part: TicketPartRecord = {
    type: "ticket_part",
    id: String(ws.nextPartId++),
    part_type: partType,
    body,
    ticket_state: ticket.ticket_state,
    created_at: at,
    updated_at: at,
    assigned_to: null,
    author,
    attachments: [],
    external_id: null,
    redacted: false,
    ...extra,
  };
  ticket.ticket_parts.ticket_parts.push(part);
  ticket.ticket_parts.total_count = ticket.ticket_parts.ticket_parts.length;
  return part;
}

function setState(ticket: TicketRecord, state: TicketState): void {
  ticket.ticket_state = state;
  ticket.ticket_state_internal_label = LABELS[state];
  ticket.ticket_state_external_label = LABELS[state];
}

function touch(ctx: RouteContext, ticket: TicketRecord, at: number): void {
  ticket.updated_at = Math.max(ticket.updated_at, at);
  ctx.ws.ticketWrites.set(ticket.id, ctx.now());
}

/** The REST view (`ticket`): the ticket type embedded whole, the internal type id and tags dropped. */
function ticketView(ws: Workspace, t: TicketRecord): Record<string, unknown> {
  const { ticket_type_id, tags: _tags, ...rest } = t;
  const type = ws.ticketTypes.find((tt) => tt.id === ticket_type_id);
  return { ...rest, ticket_type: type ? ticketTypeView(type) : null };
}

/** The REST view (`ticket_type`): the record without its internal is_internal flag. */
function ticketTypeView(type: TicketTypeRecord): Omit<TicketTypeRecord, "is_internal"> {
  const { is_internal: _internal, ...view } = type;
  return view;
}

function newAttribute(ws: Workspace, type: TicketTypeRecord, def: AttributeDef & { default?: boolean; order: number }, at: number): TicketTypeAttributeRecord {
  const input_options: Record<string, unknown> =
    def.data_type === "list"
      ? { list_options: (def.list ?? []).map((label, i) => ({ id: listOptionId(type.id, def.name, i), label, archived: false })) }
      : def.data_type === "string"
        ? { multiline: def.multiline ?? false }
        : def.data_type === "files"
          ? { allow_multiple_values: false }
          : {};
  return {
    type: "ticket_type_attribute",
    id: String(ws.ticketCounters.attribute++),
    workspace_id: ws.app.id_code,
    name: def.name,
    description: def.description,
    data_type: def.data_type,
    input_options,
    order: def.order,
    required_to_create: def.required ?? false,
    required_to_create_for_contacts: false,
    visible_on_create: true,
    visible_to_contacts: type.category === "Customer",
    default: def.default ?? false,
    ticket_type_id: Number(type.id),
    archived: false,
    created_at: at,
    updated_at: at,
  };
}

/**
 * Deterministic ids for list items, well-formed version-4 UUIDs as Intercom's are: 128 bits of
 * FNV-1a hashes of the item (four differently seeded 32-bit words), with the version and
 * variant bits set.
 */
export function listOptionId(typeId: string, name: string, index: number): string {
  const word = (seed: number) => {
    let h = (2166136261 ^ seed) >>> 0;
    for (const ch of `${typeId}/${name}/${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    return h.toString(16).padStart(8, "0");
  };
  const hex = [0, 1, 2, 3].map((seed) => word(seed * 0x9e3779b9)).join("");
  const variant = "89ab"[Number.parseInt(hex[16]!, 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function newTicketType(ws: Workspace, fields: { name: string; description: string; icon: string; category: TicketCategory; archived?: boolean; is_internal?: boolean }, at: number): TicketTypeRecord {
  const type: TicketTypeRecord = {
    type: "ticket_type",
    id: String(ws.ticketCounters.ticketType++),
    category: fields.category,
    name: fields.name,
    description: fields.description,
    icon: fields.icon,
    workspace_id: ws.app.id_code,
    ticket_type_attributes: { type: "ticket_type_attributes.list", ticket_type_attributes: [] },
    archived: fields.archived ?? false,
    created_at: at,
    updated_at: at,
    is_internal: fields.is_internal ?? false,
  };
  // "Every ticket type will be created with two default attributes."
  const list = type.ticket_type_attributes.ticket_type_attributes;
  list.push(newAttribute(ws, type, { name: TITLE, description: "", data_type: "string", default: true, order: 0 }, at));
  list.push(newAttribute(ws, type, { name: DESCRIPTION, description: "", data_type: "string", multiline: true, default: true, order: 1 }, at));
  return type;
}

/** Checks ticket attributes against the type's attribute definitions. */
function checkAttributes(type: TicketTypeRecord, raw: unknown, field: string, creating: boolean): Record<string, unknown> {
  if (raw === undefined || raw === null) raw = {};
  if (!isObject(raw)) throw badRequest("parameter_invalid", `${field} must be an object`, field);
  const defs = type.ticket_type_attributes.ticket_type_attributes;
  for (const [name, value] of Object.entries(raw)) {
    const def = defs.find((d) => d.name === name && !d.archived);
    if (!def) throw badRequest("parameter_invalid", `${name} is not an attribute of ticket type ${type.name}`, field);
    if (value === null) {
      if (def.required_to_create) throw badRequest("parameter_invalid", `${name} is required`, field);
      continue;
    }
    const fail = (what: string) => badRequest("parameter_invalid", `${name} must be ${what}`, field);
    switch (def.data_type) {
      case "string":
        if (typeof value !== "string") throw fail("a string");
        break;
      case "integer":
        if (typeof value !== "number" || !Number.isInteger(value)) throw fail("an integer");
        break;
      case "decimal":
        if (typeof value !== "number") throw fail("a number");
        break;
      case "boolean":
        if (typeof value !== "boolean") throw fail("a boolean");
        break;
      case "datetime":
        if (typeof value !== "number" || !Number.isInteger(value)) throw fail("a Unix timestamp");
        break;
      case "list": {
        const options = (def.input_options.list_options as { id: string; archived: boolean }[] | undefined) ?? [];
        if (typeof value !== "string" || !options.some((o) => o.id === value && !o.archived)) throw fail("the id of one of its list items");
        break;
      }
      case "files":
        if (!Array.isArray(value)) throw fail("an array of files");
        break;
    }
  }
  if (creating) {
    for (const def of defs) {
      if (def.required_to_create && !def.archived && (raw[def.name] === undefined || raw[def.name] === null)) {
        throw badRequest("parameter_invalid", `${def.name} is required to create a ${type.name} ticket`, field);
      }
    }
  }
  return raw;
}

function linkObjects(ticket: TicketRecord, conversation: Conversation): void {
  if (!conversation.linked_objects.data.some((o) => o.type === "ticket" && o.id === ticket.id)) {
    conversation.linked_objects.data.push({ type: "ticket", id: ticket.id, category: ticket.category });
    conversation.linked_objects.total_count = conversation.linked_objects.data.length;
  }
  if (!ticket.linked_objects.data.some((o) => o.type === "conversation" && o.id === conversation.id)) {
    ticket.linked_objects.data.push({ type: "conversation", id: conversation.id, category: null });
    ticket.linked_objects.total_count = ticket.linked_objects.data.length;
  }
}

function blankTicket(ws: Workspace, type: TicketTypeRecord, contacts: Contact[], at: number, attributes: Record<string, unknown>): TicketRecord {
  return {
    type: "ticket",
    id: String(ws.ticketCounters.ticket++),
    ticket_id: String(ws.ticketCounters.inboxNumber++),
    category: type.category,
    ticket_attributes: { ...attributes },
    ticket_state: "submitted",
    ticket_type_id: type.id,
    contacts: { type: "contact.list", contacts: contacts.map(contactRef) },
    admin_assignee_id: "0",
    team_assignee_id: "0",
    created_at: at,
    updated_at: at,
    open: true,
    linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
    ticket_parts: { type: "ticket_part.list", ticket_parts: [], total_count: 0 },
    is_shared: type.category === "Customer",
    ticket_state_internal_label: LABELS.submitted,
    ticket_state_external_label: LABELS.submitted,
    tags: { type: "tag.list", tags: [] },
  };
}

// ---------------------------------------------------------------- seed

function seedAttributeValue(rng: Rng, def: TicketTypeAttributeRecord, at: number): unknown {
  switch (def.data_type) {
    case "list": {
      const options = def.input_options.list_options as { id: string }[];
      return rng.pick(options).id;
    }
    case "integer":
      return rng.int(1, 500);
    case "decimal":
      return rng.pick([19.99, 49, 99.5, 120, 299, 1250.75]);
    case "boolean":
      return rng.chance(0.5);
    case "datetime":
      return at - rng.int(1, 20) * DAY;
    case "files":
      return rng.chance(0.5)
        ? [{ type: "upload", name: "receipt.pdf", url: "https://files.northwind.example/receipts/receipt.pdf", content_type: "application/pdf", filesize: rng.int(20_000, 400_000), width: 0, height: 0 }]
        : [];
    case "string":
      return def.name === "Status page URL" ? "https://status.northwind.example/incidents/" + rng.hex(8) : def.name === "Order number" ? `INV-${rng.int(10000, 99999)}` : rng.pick(ADMIN_NOTES);
  }
}

function seed(ws: Workspace, rng: Rng): void {
  ws.ticketTypes = [];
  ws.tickets = [];
  ws.ticketWrites = new Map();
  ws.ticketCounters = { ticket: 20001, inboxNumber: 101, ticketType: 301, attribute: 4001 };

  TYPE_DEFS.forEach((def, i) => {
    const at = SEED_BASE_TIME - (400 - i * 30) * DAY;
    const type = newTicketType(ws, def, at);
    def.attributes.forEach((a, j) => type.ticket_type_attributes.ticket_type_attributes.push(newAttribute(ws, type, { ...a, order: j + 2 }, at)));
    ws.ticketTypes.push(type);
  });

  const contactsWithEmail = ws.contacts.filter((c) => c.role === "user");
  const weights = ws.ticketTypes.map((t) => [t, t.archived ? 1 : t.category === "Tracker" ? 2 : 4] as const);
  for (let i = 0; i < 120; i++) {
    const type = rng.weighted(weights);
    const def = TYPE_DEFS[ws.ticketTypes.indexOf(type)]!;
    const created = SEED_BASE_TIME - rng.int(1, 180) * DAY - rng.int(0, DAY);
    const contacts = type.category === "Tracker" ? rng.sample(contactsWithEmail, rng.int(0, 3)) : [rng.pick(contactsWithEmail)];
    const attributes: Record<string, unknown> = { [TITLE]: rng.pick(def.titles), [DESCRIPTION]: rng.chance(0.85) ? rng.pick(ADMIN_NOTES) : null };
    for (const attr of type.ticket_type_attributes.ticket_type_attributes) {
      if (attr.default) continue;
      if (attr.required_to_create || rng.chance(0.7)) attributes[attr.name] = seedAttributeValue(rng, attr, created);
    }
    const t = blankTicket(ws, type, contacts, created, attributes);
    const bot = botAuthor(ws);
    let at = created;
    const step = () => (at += rng.int(5, 6 * 60) * 60);
    if (contacts[0] && type.category === "Customer") newPart(ws, t, "comment", contactAuthor(contacts[0]), at, `<p>${attributes[DESCRIPTION] ?? def.titles[0]}</p>`);
    newPart(ws, t, "ticket_state_updated_by_admin", bot, at, null, { previous_ticket_state: "submitted" });

    const admin = rng.chance(0.75) ? rng.pick(ws.admins) : null;
    const team = rng.chance(0.55) ? rng.pick(ws.teams) : null;
    if (admin) {
      t.admin_assignee_id = admin.id;
      newPart(ws, t, "assignment", bot, step(), null, { assigned_to: { type: "admin", id: admin.id } });
    }
    if (team) {
      t.team_assignee_id = team.id;
      newPart(ws, t, "assignment", bot, step(), null, { assigned_to: { type: "team", id: team.id } });
    }
    const writer = admin ?? rng.pick(ws.admins);
    for (let n = rng.int(0, 3); n > 0; n--) {
      const note = type.category !== "Customer" || rng.chance(0.5);
      newPart(ws, t, note ? "note" : "comment", adminAuthor(writer), step(), `<p>${rng.pick(note ? ADMIN_NOTES : ADMIN_COMMENTS)}</p>`);
    }
    const state = rng.weighted([["submitted", 2], ["in_progress", 4], ["waiting_on_customer", 2], ["resolved", 3]] as const);
    if (state !== "submitted") {
      const previous = t.ticket_state;
      setState(t, state);
      newPart(ws, t, "ticket_state_updated_by_admin", adminAuthor(writer), step(), null, { previous_ticket_state: previous });
    }
    t.open = state !== "resolved";
    if (t.open && rng.chance(0.1)) {
      t.snoozed_until = SEED_BASE_TIME + rng.int(1, 14) * DAY;
      newPart(ws, t, "snoozed", adminAuthor(writer), step(), null);
    }
    for (const tag of rng.sample(ws.tags, rng.weighted([[0, 4], [1, 3], [2, 2]] as const))) {
      t.tags.tags.push({ ...tag, applied_at: created + HOUR, applied_by: { type: "admin", id: writer.id } });
    }
    if (type.category !== "Customer" && rng.chance(0.2)) t.is_shared = true;
    t.updated_at = Math.min(at, SEED_BASE_TIME - 1);
    ws.tickets.push(t);
  }

  // Link conversations to tickets: customer tickets to one conversation of their contact,
  // back-office and tracker tickets to one to four conversations.
  const conversations = rng.shuffle(ws.conversations);
  let next = 0;
  for (const t of ws.tickets) {
    if (next >= conversations.length || !rng.chance(t.category === "Customer" ? 0.4 : 0.7)) continue;
    const count = t.category === "Customer" ? 1 : rng.int(1, 4);
    for (let n = 0; n < count && next < conversations.length; n++) linkObjects(t, conversations[next++]!);
  }
}

// ---------------------------------------------------------------- search

/** A ticket as search sees it: the record plus `ticket_attribute.{attribute id}` values. */
type SearchDoc = TicketRecord & { ticket_attribute: Record<string, unknown> };

const field = (type: "string" | "integer" | "boolean" | "date", get: (t: SearchDoc) => unknown) => ({ type, get });

/** The "Accepted Fields" table of POST /tickets/search. */
export const ticketSearchModel: SearchModel<SearchDoc> = {
  name: "tickets",
  dayTruncatedDates: false,
  defaultSort: { field: "updated_at", order: "descending" },
  defaultPerPage: 20,
  fields: {
    id: field("string", (t) => t.id),
    created_at: field("date", (t) => t.created_at),
    updated_at: field("date", (t) => t.updated_at),
    title: field("string", (t) => t.ticket_attributes[TITLE] ?? null),
    description: field("string", (t) => t.ticket_attributes[DESCRIPTION] ?? null),
    category: field("string", (t) => t.category),
    ticket_type_id: field("string", (t) => t.ticket_type_id),
    contact_ids: field("string", (t) => t.contacts.contacts.map((c) => c.id)),
    teammate_ids: field("string", (t) => [...new Set(t.ticket_parts.ticket_parts.filter((p) => p.author.type === "admin").map((p) => p.author.id))]),
    admin_assignee_id: field("string", (t) => (t.admin_assignee_id === "0" ? null : t.admin_assignee_id)),
    team_assignee_id: field("string", (t) => (t.team_assignee_id === "0" ? null : t.team_assignee_id)),
    open: field("boolean", (t) => t.open),
    state: field("string", (t) => t.ticket_state),
    snoozed_until: field("date", (t) => t.snoozed_until ?? null),
  },
};

function searchDoc(ws: Workspace, t: TicketRecord): SearchDoc {
  const type = ws.ticketTypes.find((tt) => tt.id === t.ticket_type_id);
  const byId: Record<string, unknown> = {};
  for (const attr of type?.ticket_type_attributes.ticket_type_attributes ?? []) {
    if (attr.name in t.ticket_attributes) byId[attr.id] = t.ticket_attributes[attr.name];
  }
  return { ...t, ticket_attribute: byId };
}

function searchTickets(ctx: RouteContext, { body: rawBody }: RouteInput) {
  const docs = ctx.ws.tickets.map((t) => searchDoc(ctx.ws, t));
  const page = runSearch(ctx, ticketSearchModel, docs, ctx.ws.ticketWrites, rawBody);
  return {
    type: "ticket.list",
    tickets: page.items.map(({ ticket_attribute: _byId, ...t }) => ticketView(ctx.ws, t)),
    total_count: page.total_count,
    pages: page.pages,
  };
}

// ---------------------------------------------------------------- tickets

function contactsFrom(ctx: RouteContext, raw: unknown): Contact[] {
  if (raw === undefined || raw === null) throw badRequest("parameter_not_found", "contacts is a required parameter", "contacts");
  if (!Array.isArray(raw) || raw.length === 0) throw badRequest("parameter_invalid", "contacts must be a non-empty array", "contacts");
  if (raw.length > 1) throw badRequest("parameter_invalid", "Currently only one contact is allowed", "contacts");
  return raw.map((item) => {
    if (!isObject(item)) throw badRequest("parameter_invalid", "Each contact must be an object", "contacts");
    const keys = ["id", "external_id", "email"].filter((k) => item[k] !== undefined && item[k] !== null);
    if (keys.length !== 1) throw badRequest("parameter_invalid", "Identify each contact with exactly one of id, external_id or email", "contacts");
    const key = keys[0]!;
    const value = String(item[key]);
    const found = ctx.ws.contacts.find((c) =>
      key === "id" ? c.id === value : key === "external_id" ? c.external_id === value : c.email.toLowerCase() === value.toLowerCase(),
    );
    if (found) return found;
    // "If a contact with this email does not exist, one will be created."
    if (key === "email") {
      if (!EMAIL.test(value)) throw badRequest("parameter_invalid", "email is not a valid email address", "contacts");
      return createLead(ctx, value);
    }
    throw notFound("not_found", "User Not Found");
  });
}

function createTicket(ctx: RouteContext, { body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  const typeId = idParam(body, "ticket_type_id");
  const contacts = contactsFrom(ctx, body.contacts);
  const type = ctx.ws.ticketTypes.find((t) => t.id === typeId);
  if (!type) throw badRequest("parameter_invalid", "Ticket type not found", "ticket_type_id");
  if (type.archived) throw badRequest("parameter_invalid", "Ticket type is archived", "ticket_type_id");
  const attributes = checkAttributes(type, body.ticket_attributes, "ticket_attributes", true);
  optionalString(body, "company_id");
  const at = optionalTimestamp(body, "created_at") ?? nowSeconds(ctx);
  const t = blankTicket(ctx.ws, type, contacts, at, attributes);
  newPart(ctx.ws, t, "ticket_state_updated_by_admin", botAuthor(ctx.ws), at, null, { previous_ticket_state: "submitted" });
  ctx.ws.tickets.push(t);
  touch(ctx, t, at);
  return ticketView(ctx.ws, t);
}

function updateTicket(ctx: RouteContext, { params, body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  const t = findTicket(ctx, params.ticket_id);
  const type = ctx.ws.ticketTypes.find((tt) => tt.id === t.ticket_type_id)!;
  const attributes = body.ticket_attributes === undefined ? undefined : checkAttributes(type, body.ticket_attributes, "ticket_attributes", false);
  const state = body.state;
  if (state !== undefined && (typeof state !== "string" || !["in_progress", "waiting_on_customer", "resolved"].includes(state))) {
    throw badRequest("parameter_invalid", "state must be one of in_progress, waiting_on_customer, resolved", "state");
  }
  const open = optionalBoolean(body, "open");
  const isShared = optionalBoolean(body, "is_shared");
  const snoozedUntil = optionalTimestamp(body, "snoozed_until");
  let actor: TicketPartAuthor = botAuthor(ctx.ws);
  let assignee: Reference | undefined;
  if (body.assignment !== undefined && body.assignment !== null) {
    if (!isObject(body.assignment)) throw badRequest("parameter_invalid", "assignment must be an object", "assignment");
    const admin = ctx.ws.admins.find((a) => a.id === String(body.assignment && (body.assignment as Record<string, unknown>).admin_id));
    if (!admin) throw new ApiError(404, "assignee_not_found", "Assignee not found");
    actor = adminAuthor(admin);
    const assigneeId = idParam(body.assignment, "assignee_id");
    if (assigneeId === "0") assignee = { type: "nobody_admin", id: null };
    else if (ctx.ws.admins.some((a) => a.id === assigneeId)) assignee = { type: "admin", id: assigneeId };
    else if (ctx.ws.teams.some((tm) => tm.id === assigneeId)) assignee = { type: "team", id: assigneeId };
    else throw new ApiError(404, "assignee_not_found", "Assignee not found");
  }

  const at = nowSeconds(ctx);
  if (attributes) Object.assign(t.ticket_attributes, attributes);
  if (isShared !== undefined) t.is_shared = isShared;
  if (assignee) {
    if (assignee.type === "team") t.team_assignee_id = assignee.id!;
    else t.admin_assignee_id = assignee.id ?? "0";
    newPart(ctx.ws, t, "assignment", actor, at, null, { assigned_to: assignee });
  }
  if (typeof state === "string" && state !== t.ticket_state) {
    const previous = t.ticket_state;
    setState(t, state as TicketState);
    newPart(ctx.ws, t, "ticket_state_updated_by_admin", actor, at, null, { previous_ticket_state: previous });
    if (state === "resolved" && open === undefined) t.open = false;
  }
  if (open === false) {
    // "Closing a ticket will also unsnooze it."
    t.open = false;
    delete t.snoozed_until;
    newPart(ctx.ws, t, "close", actor, at, null);
  } else if (open === true && !t.open) {
    t.open = true;
    newPart(ctx.ws, t, "open", actor, at, null);
  }
  if (snoozedUntil !== undefined && t.open) {
    t.snoozed_until = snoozedUntil;
    newPart(ctx.ws, t, "snoozed", actor, at, null);
  }
  touch(ctx, t, at);
  return ticketView(ctx.ws, t);
}

function replyToTicket(ctx: RouteContext, { params, body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  const { type, messageType, text, createdAt, attachments } = replyFields(body, ["comment", "note", "quick_reply"]);
  const crossPost = optionalBoolean(body, "cross_post");

  let author: TicketPartAuthor;
  if (type === "admin") {
    author = adminAuthor(findAdmin(ctx, body));
    if (messageType === "quick_reply") {
      const options = body.reply_options;
      if (!Array.isArray(options) || options.length === 0) throw badRequest("parameter_invalid", "reply_options are required for quick_reply replies", "reply_options");
      for (const o of options) {
        if (!isObject(o) || typeof o.text !== "string" || typeof o.uuid !== "string") throw badRequest("parameter_invalid", "Each reply option needs text and uuid", "reply_options");
      }
    } else if (text === undefined || text.trim() === "") {
      throw badRequest("parameter_invalid", "Body is required", "body");
    }
  } else {
    if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
    const byId = optionalString(body, "intercom_user_id");
    const byExternal = optionalString(body, "user_id");
    const byEmail = optionalString(body, "email");
    if ([byId, byExternal, byEmail].filter((v) => v !== undefined).length !== 1) {
      throw badRequest("parameter_not_found", "One of intercom_user_id, user_id or email is required", "intercom_user_id");
    }
    const contact = ctx.ws.contacts.find((c) =>
      byId !== undefined ? c.id === byId : byExternal !== undefined ? c.external_id === byExternal : c.email.toLowerCase() === byEmail!.toLowerCase(),
    );
    if (!contact) throw notFound("not_found", "User Not Found");
    author = contactAuthor(contact);
  }
  const t = findTicket(ctx, params.ticket_id);
  if (type === "user" && t.category !== "Customer") throw new ApiError(400, "parameter_mismatch", "User replies are not allowed on Backoffice tickets");
  const at = createdAt ?? nowSeconds(ctx);
  const part = newPart(ctx.ws, t, messageType, author, at, messageType === "quick_reply" ? null : text!, { attachments });
  if (crossPost && messageType === "note" && author.type === "admin") {
    // Cross-post the note to every linked conversation.
    const admin = ctx.ws.admins.find((a) => a.id === author.id)!;
    for (const link of t.linked_objects.data.filter((o) => o.type === "conversation")) {
      const c = ctx.ws.conversations.find((x) => x.id === link.id);
      if (!c) continue;
      c.conversation_parts.conversation_parts.push(makePart(ctx.ws, "note", { type: "admin", id: admin.id, name: admin.name, email: admin.email }, at, text!));
      c.conversation_parts.total_count = c.conversation_parts.conversation_parts.length;
      c.updated_at = Math.max(c.updated_at, at);
      ctx.ws.lastWriteAt.conversations.set(c.id, ctx.now());
    }
  }
  touch(ctx, t, at);
  // `ticket_reply`: the part without the ticket states (nor the quick reply's options: the schema has none).
  const { ticket_state: _s, previous_ticket_state: _p, assigned_to: _a, external_id: _e, ...reply } = part;
  return reply;
}

function attachTag(ctx: RouteContext, { params, body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  const tagId = idParam(body, "id");
  const admin = findAdmin(ctx, body);
  const t = findTicket(ctx, params.ticket_id, "ticket_not_found", "Ticket not found");
  const tag = ctx.ws.tags.find((x) => x.id === tagId);
  if (!tag) throw notFound("tag_not_found", "Tag not found");
  const at = nowSeconds(ctx);
  let applied = t.tags.tags.find((x) => x.id === tagId);
  if (!applied) {
    applied = { type: "tag", id: tag.id, name: tag.name, applied_at: at, applied_by: { type: "admin", id: admin.id } };
    t.tags.tags.push(applied);
    touch(ctx, t, at);
  }
  return applied;
}

function detachTag(ctx: RouteContext, { params, body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  findAdmin(ctx, body);
  const t = findTicket(ctx, params.ticket_id, "ticket_not_found", "Ticket not found");
  const index = t.tags.tags.findIndex((x) => x.id === params.tag_id);
  if (index === -1) throw notFound("tag_not_found", "Tag not found");
  const [removed] = t.tags.tags.splice(index, 1);
  touch(ctx, t, nowSeconds(ctx));
  return removed;
}

function convertConversation(ctx: RouteContext, { params, body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  const typeId = idParam(body, "ticket_type_id");
  const c = ctx.ws.conversations.find((x) => x.id === params.conversation_id);
  if (!c) throw notFound("not_found", "Resource Not Found");
  const type = ctx.ws.ticketTypes.find((t) => t.id === typeId);
  if (!type) throw badRequest("parameter_invalid", "Ticket type not found", "ticket_type_id");
  if (type.category !== "Customer") throw badRequest("parameter_invalid", "Ticket type is not a customer ticket type", "ticket_type_id");
  if (type.archived) throw badRequest("parameter_invalid", "Ticket type is archived", "ticket_type_id");
  const attributes = checkAttributes(type, { [TITLE]: c.title ?? c.source.subject ?? null, ...(isObject(body.attributes) ? body.attributes : {}) }, "attributes", true);
  if (body.attributes !== undefined && body.attributes !== null && !isObject(body.attributes)) throw badRequest("parameter_invalid", "attributes must be an object", "attributes");
  const contacts = c.contacts.contacts.flatMap((ref) => ctx.ws.contacts.filter((x) => x.id === ref.id));
  const at = nowSeconds(ctx);
  const t = blankTicket(ctx.ws, type, contacts, at, attributes);
  t.created_at = c.created_at;
  if (c.admin_assignee_id !== null) t.admin_assignee_id = String(c.admin_assignee_id);
  if (c.team_assignee_id !== null) t.team_assignee_id = String(c.team_assignee_id);
  const source = c.source.author;
  const author: TicketPartAuthor = source.type === "lead" ? { ...source, type: "user" } : (source as TicketPartAuthor);
  newPart(ctx.ws, t, "comment", author, c.created_at, c.source.body);
  newPart(ctx.ws, t, "ticket_state_updated_by_admin", botAuthor(ctx.ws), at, null, { previous_ticket_state: "submitted" });
  linkObjects(t, c);
  c.updated_at = Math.max(c.updated_at, at);
  ctx.ws.lastWriteAt.conversations.set(c.id, ctx.now());
  ctx.ws.tickets.push(t);
  touch(ctx, t, at);
  return ticketView(ctx.ws, t);
}

// ---------------------------------------------------------------- ticket types

function categoryParam(body: Record<string, unknown>): TicketCategory | undefined {
  const v = body.category;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string" || !(CATEGORIES as readonly string[]).includes(v)) {
    throw badRequest("parameter_invalid", `category must be one of ${CATEGORIES.join(", ")}`, "category");
  }
  return v as TicketCategory;
}

function uniqueTypeName(ctx: RouteContext, name: string, except?: string): void {
  if (ctx.ws.ticketTypes.some((t) => t.id !== except && t.name.toLowerCase() === name.toLowerCase())) {
    throw badRequest("parameter_invalid", `A ticket type named ${name} already exists`, "name");
  }
}

function createTicketType(ctx: RouteContext, { body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  const name = optionalString(body, "name");
  if (name === undefined || name.trim() === "") throw badRequest("parameter_not_found", "name is a required parameter", "name");
  uniqueTypeName(ctx, name);
  const type = newTicketType(
    ctx.ws,
    {
      name,
      description: optionalString(body, "description") ?? "",
      icon: optionalString(body, "icon") ?? "🎟️",
      category: categoryParam(body) ?? "Customer",
      is_internal: optionalBoolean(body, "is_internal") ?? false,
    },
    nowSeconds(ctx),
  );
  ctx.ws.ticketTypes.push(type);
  return ticketTypeView(type);
}

function updateTicketType(ctx: RouteContext, { params, body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  const type = findTicketType(ctx, params.ticket_type_id);
  const name = optionalString(body, "name");
  if (name !== undefined) {
    if (name.trim() === "") throw badRequest("parameter_invalid", "name cannot be blank", "name");
    uniqueTypeName(ctx, name, type.id);
  }
  const description = optionalString(body, "description");
  const icon = optionalString(body, "icon");
  const category = categoryParam(body);
  const archived = optionalBoolean(body, "archived");
  const isInternal = optionalBoolean(body, "is_internal");
  if (name !== undefined) type.name = name;
  if (description !== undefined) type.description = description;
  if (icon !== undefined) type.icon = icon;
  if (category !== undefined) type.category = category;
  if (archived !== undefined) type.archived = archived;
  if (isInternal !== undefined) type.is_internal = isInternal;
  type.updated_at = nowSeconds(ctx);
  return ticketTypeView(type);
}

function listItemsParam(body: Record<string, unknown>): string[] | undefined {
  const raw = optionalString(body, "list_items");
  if (raw === undefined) return undefined;
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw badRequest("parameter_invalid", "list_items must hold at least one item", "list_items");
  return items;
}

function createAttribute(ctx: RouteContext, { params, body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  for (const required of ["name", "description", "data_type"]) {
    if (body[required] === undefined || body[required] === null) throw badRequest("parameter_not_found", `${required} is a required parameter`, required);
  }
  const name = optionalString(body, "name")!;
  const description = optionalString(body, "description")!;
  const dataType = optionalString(body, "data_type")!;
  if (!(DATA_TYPES as readonly string[]).includes(dataType)) throw badRequest("parameter_invalid", `data_type must be one of ${DATA_TYPES.join(", ")}`, "data_type");
  const listItems = listItemsParam(body);
  if (dataType === "list" && !listItems) throw badRequest("parameter_not_found", "list_items is required for list attributes", "list_items");
  const type = findTicketType(ctx, params.ticket_type_id);
  const attrs = type.ticket_type_attributes.ticket_type_attributes;
  if (attrs.some((a) => a.name.toLowerCase() === name.toLowerCase())) throw badRequest("parameter_invalid", `An attribute named ${name} already exists`, "name");
  const at = nowSeconds(ctx);
  const attr = newAttribute(ctx.ws, type, { name, description, data_type: dataType as AttributeDataType, list: listItems, multiline: optionalBoolean(body, "multiline"), required: optionalBoolean(body, "required_to_create"), order: Math.max(...attrs.map((a) => a.order)) + 1 }, at);
  attr.required_to_create_for_contacts = optionalBoolean(body, "required_to_create_for_contacts") ?? false;
  attr.visible_on_create = optionalBoolean(body, "visible_on_create") ?? true;
  attr.visible_to_contacts = optionalBoolean(body, "visible_to_contacts") ?? true;
  if (dataType === "files") attr.input_options = { allow_multiple_values: optionalBoolean(body, "allow_multiple_values") ?? false };
  attrs.push(attr);
  type.updated_at = at;
  return attr;
}

function updateAttribute(ctx: RouteContext, { params, body: rawBody }: RouteInput) {
  const body = requireBody(rawBody);
  const type = findTicketType(ctx, params.ticket_type_id);
  const attr = type.ticket_type_attributes.ticket_type_attributes.find((a) => a.id === params.attribute_id);
  if (!attr) throw notFound("not_found", "Ticket type attribute not found");
  const name = optionalString(body, "name");
  if (name !== undefined) {
    if (attr.default) throw badRequest("parameter_invalid", "Default attributes cannot be renamed", "name");
    if (type.ticket_type_attributes.ticket_type_attributes.some((a) => a.id !== attr.id && a.name.toLowerCase() === name.toLowerCase())) {
      throw badRequest("parameter_invalid", `An attribute named ${name} already exists`, "name");
    }
  }
  const listItems = listItemsParam(body);
  if (listItems && attr.data_type !== "list") throw badRequest("parameter_invalid", "list_items only apply to list attributes", "list_items");
  const flags = ["required_to_create", "required_to_create_for_contacts", "visible_on_create", "visible_to_contacts", "archived"] as const;
  const values = Object.fromEntries(flags.map((f) => [f, optionalBoolean(body, f)]));
  const description = optionalString(body, "description");
  const multiline = optionalBoolean(body, "multiline");
  const allowMultiple = optionalBoolean(body, "allow_multiple_values");
  if (values.archived && attr.default) throw badRequest("parameter_invalid", "Default attributes cannot be archived", "archived");

  if (name !== undefined) attr.name = name;
  if (description !== undefined) attr.description = description;
  for (const f of flags) if (values[f] !== undefined) attr[f] = values[f]!;
  if (multiline !== undefined && attr.data_type === "string") attr.input_options = { ...attr.input_options, multiline };
  if (allowMultiple !== undefined && attr.data_type === "files") attr.input_options = { ...attr.input_options, allow_multiple_values: allowMultiple };
  if (listItems) {
    const options = (attr.input_options.list_options as { id: string; label: string; archived: boolean }[]) ?? [];
    for (const label of listItems) {
      if (!options.some((o) => o.label === label)) options.push({ id: listOptionId(type.id, `${attr.name}+`, options.length), label, archived: false });
    }
    attr.input_options = { ...attr.input_options, list_options: options };
  }
  attr.updated_at = nowSeconds(ctx);
  type.updated_at = attr.updated_at;
  return attr;
}

// ---------------------------------------------------------------- routes

const routes: Route[] = [
  { operationId: "searchTickets", method: "POST", path: "/tickets/search", handler: searchTickets },
  { operationId: "createTicket", method: "POST", path: "/tickets", handler: createTicket },
  { operationId: "getTicket", method: "GET", path: "/tickets/:ticket_id", handler: (ctx, { params }) => ticketView(ctx.ws, findTicket(ctx, params.ticket_id)) },
  { operationId: "updateTicket", method: "PUT", path: "/tickets/:ticket_id", handler: updateTicket },
  { operationId: "replyTicket", method: "POST", path: "/tickets/:ticket_id/reply", handler: replyToTicket },
  { operationId: "attachTagToTicket", method: "POST", path: "/tickets/:ticket_id/tags", handler: attachTag },
  { operationId: "detachTagFromTicket", method: "DELETE", path: "/tickets/:ticket_id/tags/:tag_id", handler: detachTag },
  { operationId: "convertConversationToTicket", method: "POST", path: "/conversations/:conversation_id/convert", handler: convertConversation },
  { operationId: "listTicketTypes", method: "GET", path: "/ticket_types", handler: (ctx) => ({ type: "ticket_type_attributes.list", ticket_types: ctx.ws.ticketTypes.map(ticketTypeView) }) },
  { operationId: "createTicketType", method: "POST", path: "/ticket_types", handler: createTicketType },
  { operationId: "getTicketType", method: "GET", path: "/ticket_types/:ticket_type_id", handler: (ctx, { params }) => ticketTypeView(findTicketType(ctx, params.ticket_type_id)) },
  { operationId: "updateTicketType", method: "PUT", path: "/ticket_types/:ticket_type_id", handler: updateTicketType },
  { operationId: "createTicketTypeAttribute", method: "POST", path: "/ticket_types/:ticket_type_id/attributes", handler: createAttribute },
  { operationId: "updateTicketTypeAttribute", method: "PUT", path: "/ticket_types/:ticket_type_id/attributes/:attribute_id", handler: updateAttribute },
];

export const ticketsResource: ResourceModule = {
  name: "tickets",
  seed,
  routes,
};
