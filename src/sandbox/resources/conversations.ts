// Sandbox resource module: the conversation operations beyond the core ones in routes.ts
// (create, attach/detach contacts, redact, run assignment rules), outbound messages
// (POST /messages) and phone switch (POST /phone_call_redirects). They work on the core
// `ws.conversations` and `ws.contacts`; messages and phone switches live in this module's state.
import { randomUUID } from "node:crypto";
import { ApiError, badRequest, notFound } from "../errors.js";
import { RawResponse, type ResourceModule } from "../resource.js";
import { createLead, EMAIL, findContact } from "./contacts.js";
import type { Rng } from "../rng.js";
import { appendPart, countAssignment, findConversation, MAX_PARTS_RETURNED, touch, type RouteContext, type RouteInput } from "../routes.js";
import { adminAuthor, contactAuthor } from "../seed.js";
import type {
  Admin,
  Contact,
  Conversation,
  CustomAttributes,
  PartAttachment,
  PartAuthor,
  Reference,
  Workspace,
} from "../types.js";
import { attachmentsFrom, isObject, nowSeconds, optionalString, optionalTimestamp, requireBody, requireId } from "../validate.js";

/** `message` schema, as POST /messages and POST /conversations answer it. */
export interface SandboxMessage {
  type: "user_message" | "admin_message";
  id: string;
  created_at: number;
  subject: string;
  body: string;
  message_type: "inapp" | "email";
  /** Required by the schema. For an admin message sent without `create_conversation_without_contact_reply`
   *  the id is reserved, but no conversation exists until the contact replies. */
  conversation_id: string;
  /** Not part of the response (the `message` schema has none, though the document's example shows one): the sender. */
  owner?: { type: "admin"; id: string; name: string; email: string; away_mode_enabled: boolean; away_mode_reassign: boolean };
  /** Not part of the response: whom the message went to. */
  to: { type: "user" | "lead"; id: string };
}

export interface SandboxPhoneSwitch {
  type: "phone_call_redirect";
  phone: string;
  /** Not part of the response (the `phone_switch` schema has type and phone only): the link texted to the phone. */
  url: string;
  custom_attributes: CustomAttributes;
  created_at: number;
}

/** The workspace collections this module owns. */
export interface ConversationsState {
  messages: SandboxMessage[];
  phoneSwitches: SandboxPhoneSwitch[];
}


/** What Intercom puts in place of a redacted body (the document's example). */
export const REDACTED_BODY = "<p><i>This message was deleted</i></p>";

// ---------------------------------------------------------------- validation helpers


function requireString(body: Record<string, unknown>, field: string, label = field): string {
  const v = body[field];
  if (v === undefined || v === null || v === "") throw badRequest("parameter_not_found", `${label} is a required parameter`, label);
  if (typeof v !== "string") throw badRequest("parameter_invalid", `${label} must be a string`, label);
  return v;
}





function findAdmin(ws: Workspace, id: string): Admin {
  const admin = ws.admins.find((a) => a.id === id);
  if (!admin) throw new ApiError(404, "admin_not_found", "Admin for admin_id not found");
  return admin;
}

// ---------------------------------------------------------------- views and writes

/** The `conversation` response: parts capped at the 500 most recent, as GET /conversations/{id}. */
function conversationView(c: Conversation): Conversation {
  const parts = c.conversation_parts.conversation_parts.slice(-MAX_PARTS_RETURNED);
  return { ...c, conversation_parts: { type: "conversation_part.list", conversation_parts: parts, total_count: parts.length } };
}

/** Numeric ids continue after the largest one in use (conversations and reserved message conversations). */
function nextConversationId(ws: Workspace): string {
  const ids = [...ws.conversations.map((c) => Number(c.id)), ...ws.messages.map((m) => Number(m.conversation_id))].filter(Number.isFinite);
  return String(Math.max(10000, ...ids) + 1);
}

function nextSourceId(ws: Workspace): string {
  const ids = [...ws.conversations.map((c) => Number(c.source.id)), ...ws.messages.map((m) => Number(m.id))].filter(Number.isFinite);
  return String(Math.max(403900000, ...ids) + 1);
}

interface NewConversation {
  id: string;
  sourceId: string;
  sourceType: "conversation" | "email";
  customerInitiated: boolean;
  author: PartAuthor;
  contact: Contact;
  subject: string;
  body: string;
  attachments: PartAttachment[];
  at: number;
  assignee: Admin | null;
}

/** A new open conversation with no parts: the source is the first message. */
function createConversationRecord(ctx: RouteContext, n: NewConversation): Conversation {
  const c: Conversation = {
    type: "conversation",
    id: n.id,
    title: n.sourceType === "email" && n.subject ? n.subject : null,
    created_at: n.at,
    updated_at: n.at,
    waiting_since: n.customerInitiated ? n.at : null,
    snoozed_until: null,
    open: true,
    state: "open",
    read: !n.customerInitiated,
    priority: "not_priority",
    admin_assignee_id: n.assignee ? Number(n.assignee.id) : null,
    team_assignee_id: null,
    tags: { type: "tag.list", tags: [] },
    source: {
      type: n.sourceType,
      id: n.sourceId,
      delivered_as: n.customerInitiated ? "customer_initiated" : "admin_initiated",
      subject: n.subject,
      body: n.body,
      author: n.author,
      attachments: n.attachments,
      url: null,
      redacted: false,
    },
    contacts: { type: "contact.list", contacts: [{ type: "contact", id: n.contact.id, external_id: n.contact.external_id }] },
    teammates: { type: "admin.list", teammates: n.author.type === "admin" ? [{ type: "admin", id: n.author.id }] : [] },
    custom_attributes: {},
    topics: {},
    sla_applied: null,
    statistics: {
      type: "conversation_statistics",
      count_reopens: 0,
      count_assignments: 0,
      count_conversation_parts: 0,
      ...(n.customerInitiated ? { first_contact_reply_at: n.at, last_contact_reply_at: n.at } : {}),
    },
    linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
    ai_agent_participated: false,
    ai_agent: null,
    conversation_parts: { type: "conversation_part.list", conversation_parts: [], total_count: 0 },
  };
  if (n.customerInitiated) c.first_contact_reply = { created_at: n.at, type: "conversation", url: null };
  ctx.ws.conversations.push(c);
  ctx.ws.lastWriteAt.conversations.set(c.id, ctx.now()); // search sees it only after the index lag
  return c;
}

/** The REST view (`message`): neither whom it went to nor who sent it is in the schema. */
const messageView = ({ to: _to, owner: _owner, ...message }: SandboxMessage) => message;

const SENDER_CONTACT_TYPES = ["lead", "user", "contact"];

/** A contact starts a conversation (POST /conversations, and POST /messages from a contact). */
function contactMessage(ctx: RouteContext, body: Record<string, unknown>, from: Record<string, unknown>): SandboxMessage {
  if (!SENDER_CONTACT_TYPES.includes(String(from.type))) throw badRequest("parameter_invalid", "from.type must be one of lead, user, contact", "from.type");
  const contactId = requireId(from, "id", "from.id");
  const text = optionalString(body, "body");
  if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
  const subject = optionalString(body, "subject") ?? "";
  const attachments = attachmentsFrom(body);
  const at = optionalTimestamp(body, "created_at") ?? nowSeconds(ctx);
  const contact = findContact(ctx.ws, contactId);
  const c = createConversationRecord(ctx, {
    id: nextConversationId(ctx.ws),
    sourceId: nextSourceId(ctx.ws),
    sourceType: "conversation",
    customerInitiated: true,
    author: contactAuthor(contact),
    contact,
    subject,
    body: text,
    attachments,
    at,
    assignee: null,
  });
  contact.last_replied_at = at;
  const message: SandboxMessage = {
    type: "user_message",
    id: c.source.id,
    created_at: at,
    subject,
    body: text,
    message_type: "inapp",
    conversation_id: c.id,
    to: { type: contact.role, id: contact.id },
  };
  ctx.ws.messages.push(message);
  return message;
}

/** POST /conversations — a contact (user or lead) starts an in-app conversation. */
function createConversation(ctx: RouteContext, { body: raw }: RouteInput): unknown {
  const body = requireBody(raw);
  const from = body.from;
  if (from === undefined || from === null) throw badRequest("parameter_not_found", "from is a required parameter", "from");
  if (!isObject(from)) throw badRequest("parameter_invalid", "from must be an object", "from");
  if (from.type === undefined || from.type === null) throw badRequest("parameter_not_found", "from.type is a required parameter", "from.type");
  return messageView(contactMessage(ctx, body, from));
}

const MESSAGE_TYPES: Record<string, "inapp" | "email"> = { in_app: "inapp", inapp: "inapp", email: "email" };

/** POST /messages — an admin sends an in-app message or an email to a contact (or a contact writes in). */
function createMessage(ctx: RouteContext, { body: raw }: RouteInput): unknown {
  const body = requireBody(raw);
  const from = body.from;
  if (from === undefined || from === null) throw badRequest("parameter_not_found", "from is a required parameter", "from");
  if (!isObject(from)) throw badRequest("parameter_invalid", "from must be an object", "from");
  if (from.type !== "admin") {
    if (from.type === undefined || from.type === null) throw badRequest("parameter_not_found", "from.type is a required parameter", "from.type");
    return messageView(contactMessage(ctx, body, from));
  }

  const rawType = body.message_type;
  if (rawType === undefined || rawType === null) throw badRequest("parameter_not_found", "message_type is a required parameter", "message_type");
  // The schema's enum says in_app; the message model and Intercom's own examples say inapp. Both are accepted.
  const messageType = typeof rawType === "string" ? MESSAGE_TYPES[rawType] : undefined;
  if (!messageType) throw badRequest("parameter_invalid", "message_type must be one of in_app, email", "message_type");
  const text = optionalString(body, "body");
  if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
  const subject = optionalString(body, "subject");
  const template = optionalString(body, "template");
  if (messageType === "email") {
    if (subject === undefined || subject.trim() === "") throw new ApiError(422, "parameter_not_found", "No subject supplied for email message", "subject");
    if (template === undefined) throw new ApiError(422, "parameter_not_found", "No template supplied for email message", "template");
  }
  if (template !== undefined && template !== "plain" && template !== "personal") throw badRequest("parameter_invalid", "template must be one of plain, personal", "template");
  const to = body.to;
  if (to === undefined || to === null) throw badRequest("parameter_not_found", "to is a required parameter", "to");
  if (!isObject(to)) throw badRequest("parameter_invalid", "to must be an object", "to");
  if (to.type !== "user" && to.type !== "lead") throw badRequest("parameter_invalid", "to.type must be one of user, lead", "to.type");
  const toId = requireId(to, "id", "to.id");
  const withConversation = body.create_conversation_without_contact_reply ?? false;
  if (typeof withConversation !== "boolean") throw badRequest("parameter_invalid", "create_conversation_without_contact_reply must be a boolean", "create_conversation_without_contact_reply");
  const at = optionalTimestamp(body, "created_at") ?? nowSeconds(ctx);
  const admin = findAdmin(ctx.ws, requireId(from, "id", "from.id"));
  const contact = findContact(ctx.ws, toId);

  const id = nextSourceId(ctx.ws);
  let conversationId: string;
  if (withConversation) {
    const c = createConversationRecord(ctx, {
      id: nextConversationId(ctx.ws),
      sourceId: id,
      sourceType: messageType === "email" ? "email" : "conversation",
      customerInitiated: false,
      author: adminAuthor(admin),
      contact,
      subject: subject ?? "",
      body: text,
      attachments: [],
      at,
      assignee: admin,
    });
    conversationId = c.id;
  } else {
    // "There will be no conversation present until the contact responds": the id is reserved only.
    conversationId = nextConversationId(ctx.ws);
  }
  contact.last_contacted_at = at;
  const message: SandboxMessage = {
    type: "admin_message",
    id,
    created_at: at,
    subject: subject ?? "",
    body: text,
    message_type: messageType,
    conversation_id: conversationId,
    owner: {
      type: "admin",
      id: admin.id,
      name: admin.name,
      email: admin.email,
      away_mode_enabled: admin.away_mode_enabled,
      away_mode_reassign: admin.away_mode_reassign,
    },
    to: { type: contact.role, id: contact.id },
  };
  ctx.ws.messages.push(message);
  return messageView(message);
}

// ---------------------------------------------------------------- participants

/** POST /conversations/{id}/customers — add a contact as a participant, on behalf of an admin. */
function attachContact(ctx: RouteContext, { params, body: raw }: RouteInput): unknown {
  const body = requireBody(raw);
  const admin = findAdmin(ctx.ws, requireId(body, "admin_id"));
  const customer = body.customer;
  if (customer === undefined || customer === null) throw badRequest("parameter_not_found", "customer is a required parameter", "customer");
  if (!isObject(customer)) throw badRequest("parameter_invalid", "customer must be an object", "customer");
  const byId = optionalString(customer, "intercom_user_id");
  const byExternal = optionalString(customer, "user_id");
  const byEmail = optionalString(customer, "email");
  const given = [byId, byExternal, byEmail].filter((v) => v !== undefined).length;
  if (given === 0) throw badRequest("parameter_not_found", "customer needs one of intercom_user_id, user_id or email", "customer");
  if (given > 1) throw badRequest("parameter_invalid", "customer takes only one of intercom_user_id, user_id or email", "customer");
  if (byEmail !== undefined && !EMAIL.test(byEmail)) throw badRequest("parameter_invalid", "customer.email is not a valid email address", "customer.email");
  const c = findConversation(ctx, params.conversation_id!);
  let contact: Contact | undefined;
  if (byId !== undefined) contact = ctx.ws.contacts.find((x) => x.id === byId);
  else if (byExternal !== undefined) contact = ctx.ws.contacts.find((x) => x.external_id === byExternal);
  else contact = ctx.ws.contacts.find((x) => x.email.toLowerCase() === byEmail!.toLowerCase()) ?? createLead(ctx, byEmail!);
  if (!contact) throw notFound("not_found", "User Not Found");
  if (!c.contacts.contacts.some((x) => x.id === contact.id)) {
    c.contacts.contacts.push({ type: "contact", id: contact.id, external_id: contact.external_id });
    appendPart(ctx, c, "participant_added", adminAuthor(admin), nowSeconds(ctx), null);
  }
  return conversationView(c);
}

/** DELETE /conversations/{id}/customers/{contact_id} — remove a participant; never the last one. */
function detachContact(ctx: RouteContext, { params, body: raw }: RouteInput): unknown {
  const body = requireBody(raw);
  const admin = findAdmin(ctx.ws, requireId(body, "admin_id"));
  const c = findConversation(ctx, params.conversation_id!);
  const index = c.contacts.contacts.findIndex((x) => x.id === params.contact_id);
  if (index === -1) throw notFound("not_found", "User Not Found");
  if (c.contacts.contacts.length === 1) throw new ApiError(422, "parameter_invalid", "Removing the last customer is not allowed");
  c.contacts.contacts.splice(index, 1);
  appendPart(ctx, c, "participant_removed", adminAuthor(admin), nowSeconds(ctx), null);
  return conversationView(c);
}

// ---------------------------------------------------------------- redact, assignment rules

const partOrMessageNotFound = () => new ApiError(404, "conversation_part_or_message_not_found", "Conversation part or message not found");
const notRedactable = (why: string) => new ApiError(400, "conversation_part_not_redactable", why);

/** POST /conversations/redact — a part with a body, or a source written by a contact. */
function redact(ctx: RouteContext, { body: raw }: RouteInput): unknown {
  const body = requireBody(raw);
  const type = requireString(body, "type");
  if (type !== "conversation_part" && type !== "source") throw badRequest("parameter_invalid", "type must be one of conversation_part, source", "type");
  const conversationId = requireId(body, "conversation_id");
  const targetId = type === "source" ? requireId(body, "source_id") : requireId(body, "conversation_part_id");
  const c = ctx.ws.conversations.find((x) => x.id === conversationId);
  if (!c) throw partOrMessageNotFound();
  const at = nowSeconds(ctx);
  if (type === "source") {
    if (c.source.id !== targetId) throw partOrMessageNotFound();
    if (c.source.author.type !== "user" && c.source.author.type !== "lead") throw notRedactable("Only a source message written by a contact can be redacted");
    c.source = { ...c.source, body: REDACTED_BODY, attachments: [], redacted: true };
  } else {
    const part = c.conversation_parts.conversation_parts.find((x) => x.id === targetId);
    if (!part) throw partOrMessageNotFound();
    if (part.body === null) throw notRedactable("Only a conversation part with a body can be redacted");
    part.body = REDACTED_BODY;
    part.attachments = [];
    part.redacted = true;
    part.updated_at = at;
  }
  touch(ctx, c, at);
  return conversationView(c);
}

/**
 * The demo workspace's assignment rules, first match wins: Billing-tagged or billing issues
 * go to Billing, urgent or priority ones to Escalations, everything else to Support.
 */
export function assignmentRuleTeam(ws: Workspace, c: Conversation): string | null {
  const teamNamed = (name: string) => ws.teams.find((t) => t.name === name)?.id ?? null;
  const tagNames = c.tags.tags.map((t) => t.name);
  if (c.custom_attributes.issue_type === "Billing" || tagNames.includes("Billing") || tagNames.includes("Refund")) return teamNamed("Billing");
  if (c.priority === "priority" || tagNames.includes("Urgent")) return teamNamed("Escalations");
  return teamNamed("Support");
}

/** POST /conversations/{id}/run_assignment_rules — the Operator bot assigns by the rules above. */
function runAssignmentRules(ctx: RouteContext, { params }: RouteInput): unknown {
  const c = findConversation(ctx, params.conversation_id!);
  const teamId = assignmentRuleTeam(ctx.ws, c);
  const at = nowSeconds(ctx);
  const assignedTo: Reference = teamId ? { type: "team", id: teamId } : { type: "nobody_admin", id: null };
  appendPart(ctx, c, "default_assignment", { ...ctx.ws.bot }, at, null, { assigned_to: assignedTo });
  c.team_assignee_id = teamId ? Number(teamId) : null;
  countAssignment(c, at);
  return conversationView(c);
}

// ---------------------------------------------------------------- phone switch

/** E.164 after dropping spaces, dashes, dots and parentheses: "+", then 8 to 15 digits. */
function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, "");
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
}

/** POST /phone_call_redirects — "sends" an SMS with a Messenger link; custom attributes land on the contact with that phone. */
function createPhoneSwitch(ctx: RouteContext, { body: raw }: RouteInput): unknown {
  const body = requireBody(raw);
  const phoneRaw = requireString(body, "phone");
  const phone = normalisePhone(phoneRaw);
  // The document's 400/422 bodies for this operation are {error_key, message}, not an error.list.
  if (!phone) return new RawResponse(400, { error_key: "invalid_phone_number", message: "Invalid phone number" });
  const attrs = body.custom_attributes ?? {};
  if (!isObject(attrs)) return new RawResponse(422, { error_key: "invalid_custom_attributes", message: "custom_attributes must be an object" });
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
      return new RawResponse(422, { error_key: "invalid_custom_attributes", message: `custom_attributes.${key} must be a string, number, boolean or null` });
    }
  }
  const at = nowSeconds(ctx);
  for (const contact of ctx.ws.contacts) {
    if (contact.formatted_phone === phone && Object.keys(attrs).length) {
      Object.assign(contact.custom_attributes, attrs);
      contact.updated_at = Math.max(contact.updated_at, at);
      ctx.ws.lastWriteAt.contacts.set(contact.id, ctx.now());
    }
  }
  const record: SandboxPhoneSwitch = {
    type: "phone_call_redirect",
    phone,
    url: `http://via.intercom.io/msgr/${randomUUID()}`,
    custom_attributes: attrs as CustomAttributes,
    created_at: at,
  };
  ctx.ws.phoneSwitches.push(record);
  return { type: record.type, phone: record.phone }; // the phone_switch schema: no url
}

// ---------------------------------------------------------------- module

/** The admin-initiated seeded conversations were started by a message: record those messages. */
function seed(ws: Workspace, _rng: Rng): void {
  ws.messages = [];
  ws.phoneSwitches = [];
  for (const c of ws.conversations) {
    if (c.source.delivered_as !== "admin_initiated" || c.source.author.type !== "admin") continue;
    const admin = ws.admins.find((a) => a.id === c.source.author.id);
    const contact = ws.contacts.find((x) => x.id === c.contacts.contacts[0]?.id);
    if (!admin || !contact) continue;
    ws.messages.push({
      type: "admin_message",
      id: c.source.id,
      created_at: c.created_at,
      subject: c.source.subject,
      body: c.source.body,
      message_type: c.source.type === "email" ? "email" : "inapp",
      conversation_id: c.id,
      owner: { type: "admin", id: admin.id, name: admin.name, email: admin.email, away_mode_enabled: admin.away_mode_enabled, away_mode_reassign: admin.away_mode_reassign },
      to: { type: contact.role, id: contact.id },
    });
  }
}

export const conversationsResource: ResourceModule = {
  name: "conversations",
  seed,
  routes: [
    { operationId: "createConversation", method: "POST", path: "/conversations", handler: createConversation },
    { operationId: "redactConversation", method: "POST", path: "/conversations/redact", handler: redact },
    { operationId: "attachContactToConversation", method: "POST", path: "/conversations/:conversation_id/customers", handler: attachContact },
    { operationId: "detachContactFromConversation", method: "DELETE", path: "/conversations/:conversation_id/customers/:contact_id", handler: detachContact },
    { operationId: "autoAssignConversation", method: "POST", path: "/conversations/:conversation_id/run_assignment_rules", handler: runAssignmentRules },
    { operationId: "createMessage", method: "POST", path: "/messages", handler: createMessage },
    { operationId: "createPhoneSwitch", method: "POST", path: "/phone_call_redirects", handler: createPhoneSwitch },
  ],
};
