// The Intercom 2.11 operations the sandbox implements. Handlers are plain functions
// over the workspace: they return the response body or throw an ApiError.
import { ApiError, badRequest, notFound } from "./errors.js";
import {
  compileQuery,
  contactSearchModel,
  withSegmentIds,
  conversationSearchModel,
  paginate,
  parsePerPage,
  sortSpec,
  type SearchModel,
} from "./search.js";
import { contactSegments } from "./resources/companies.js";
import { adminAuthor, contactAuthor, makePart } from "./seed.js";
import type { Admin, Contact, Conversation, ConversationPart, PartAttachment, PartAuthor, PartType, Reference, Workspace } from "./types.js";
import { flatCustomAttributes, isObject, nowSeconds, optionalString, optionalTimestamp, replyFields, requireBody } from "./validate.js";

/** GET /conversations/{id} returns at most the 500 most recent parts. */
export const MAX_PARTS_RETURNED = 500;

export type { Handler, Route, RouteContext, RouteInput } from "./router.js";
import type { Route, RouteContext, RouteInput } from "./router.js";

// ---------------------------------------------------------------- views

function adminView(a: Admin, withAvatar: boolean): Record<string, unknown> {
  const { avatar, ...rest } = a;
  return withAvatar ? { ...rest, avatar } : rest;
}

const stripHtml = (s: string) => s.replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>\s*<p>/gi, "\n").replace(/<[^>]*>/g, "").trim();

/** `conversation_list_item`: the conversation without its parts. */
function listItem(c: Conversation): Omit<Conversation, "conversation_parts"> {
  const { conversation_parts: _parts, ...rest } = c;
  return rest;
}

/** `conversation` with parts, capped at the 500 most recent; display_as=plaintext strips HTML. */
function fullConversation(c: Conversation, plaintext = false): Conversation {
  let parts = c.conversation_parts.conversation_parts.slice(-MAX_PARTS_RETURNED);
  let source = c.source;
  if (plaintext) {
    parts = parts.map((p) => (p.body === null ? p : { ...p, body: stripHtml(p.body) }));
    source = { ...source, body: stripHtml(source.body) };
  }
  return { ...c, source, conversation_parts: { type: "conversation_part.list", conversation_parts: parts, total_count: parts.length } };
}

// ---------------------------------------------------------------- lookups

function findAdmin(ctx: RouteContext, id: unknown): Admin | undefined {
  return ctx.ws.admins.find((a) => a.id === String(id));
}

export function findConversation(ctx: RouteContext, id: string): Conversation {
  const c = ctx.ws.conversations.find((x) => x.id === id);
  if (!c) throw notFound("not_found", "Resource Not Found");
  return c;
}

/** admin_id in a request body: required, string or integer (examples send integers), must exist. */
function requireActingAdmin(ctx: RouteContext, body: Record<string, unknown>): Admin {
  const raw = body.admin_id;
  if (raw === undefined || raw === null || raw === "") throw badRequest("parameter_not_found", "admin_id is a required parameter", "admin_id");
  if (typeof raw !== "string" && typeof raw !== "number") throw badRequest("parameter_invalid", "admin_id must be a string", "admin_id");
  const admin = findAdmin(ctx, raw);
  if (!admin) throw new ApiError(404, "admin_not_found", "Admin for admin_id not found");
  return admin;
}





// ---------------------------------------------------------------- mutations

export function touch(ctx: RouteContext, c: Conversation, at: number): void {
  c.updated_at = Math.max(c.updated_at, at);
  ctx.ws.lastWriteAt.conversations.set(c.id, ctx.now());
}

/** Appends a part, bumping the counts and updated_at. part_type is a free string in the document; PartType lists the kinds the core routes write. */
export function appendPart(ctx: RouteContext, c: Conversation, type: PartType | (string & {}), author: PartAuthor, at: number, body: string | null, extra: { assigned_to?: Reference; attachments?: PartAttachment[] } = {}): ConversationPart {
  const part = makePart(ctx.ws, type as PartType, author, at, body, extra.assigned_to ?? null);
  if (extra.attachments) part.attachments = extra.attachments;
  c.conversation_parts.conversation_parts.push(part);
  c.conversation_parts.total_count = c.conversation_parts.conversation_parts.length;
  c.statistics.count_conversation_parts = c.conversation_parts.conversation_parts.length;
  if (author.type === "admin" && !c.teammates.teammates.some((t) => t.id === author.id)) {
    c.teammates.teammates.push({ type: "admin", id: author.id });
  }
  touch(ctx, c, at);
  return part;
}

/** An assignment's marks on the conversation's statistics. */
export function countAssignment(c: Conversation, at: number): void {
  const s = c.statistics;
  s.count_assignments++;
  s.first_assignment_at ??= at;
  s.time_to_assignment ??= at - c.created_at;
  s.last_assignment_at = at;
}

function reopenIfClosed(c: Conversation): boolean {
  if (c.state === "open") return false;
  if (c.state === "closed") c.statistics.count_reopens++;
  c.state = "open";
  c.open = true;
  c.snoozed_until = null;
  return true;
}

function findContactForReply(ctx: RouteContext, body: Record<string, unknown>): Contact {
  const byId = optionalString(body, "intercom_user_id");
  const byExternal = optionalString(body, "user_id");
  const byEmail = optionalString(body, "email");
  if (byId === undefined && byExternal === undefined && byEmail === undefined) {
    throw badRequest("parameter_not_found", "One of intercom_user_id, user_id or email is required", "intercom_user_id");
  }
  const contact = ctx.ws.contacts.find((c) =>
    byId !== undefined ? c.id === byId : byExternal !== undefined ? c.external_id === byExternal : c.email.toLowerCase() === byEmail!.toLowerCase(),
  );
  if (!contact) throw notFound("not_found", "User Not Found");
  return contact;
}

/** POST /conversations/{id}/reply — admin comment/note or contact comment. */
function replyToConversation(ctx: RouteContext, { params, body: rawBody }: RouteInput): Conversation {
  const body = requireBody(rawBody);
  const { type, messageType, text, createdAt, attachments } = replyFields(body, ["comment", "note"]);

  if (type === "admin") {
    const admin = requireActingAdmin(ctx, body);
    if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
    const c = findConversation(ctx, params.conversation_id!);
    const at = createdAt ?? nowSeconds(ctx);
    appendPart(ctx, c, messageType as PartType, adminAuthor(admin), at, text, { attachments });
    if (messageType === "comment") {
      const s = c.statistics;
      s.first_admin_reply_at ??= at;
      s.time_to_admin_reply ??= at - c.created_at;
      s.last_admin_reply_at = at;
      c.waiting_since = null;
    }
    return fullConversation(c);
  }

  // Contact reply.
  if (text === undefined || text.trim() === "") throw badRequest("parameter_invalid", "Body is required", "body");
  const contact = findContactForReply(ctx, body);
  let c: Conversation;
  if (params.conversation_id === "last") {
    // "last": the contact's most recently updated conversation.
    const mine = ctx.ws.conversations.filter((x) => x.contacts.contacts.some((r) => r.id === contact.id));
    if (!mine.length) throw notFound();
    c = mine.reduce((a, b) => (b.updated_at > a.updated_at ? b : a));
  } else {
    c = findConversation(ctx, params.conversation_id!);
  }
  const at = createdAt ?? nowSeconds(ctx);
  reopenIfClosed(c); // a customer reply reopens a closed or snoozed conversation
  appendPart(ctx, c, "comment", contactAuthor(contact), at, text, { attachments });
  c.read = false;
  c.waiting_since ??= at;
  c.statistics.first_contact_reply_at ??= at;
  c.statistics.last_contact_reply_at = at;
  c.first_contact_reply ??= { created_at: at, type: c.source.type, url: c.source.url };
  return fullConversation(c);
}

/** POST /conversations/{id}/parts — close, snoozed, open, assignment. */
function manageConversation(ctx: RouteContext, { params, body: rawBody }: RouteInput): Conversation {
  const body = requireBody(rawBody);
  const messageType = body.message_type;
  if (messageType === undefined || messageType === null) throw badRequest("parameter_not_found", "message_type is a required parameter", "message_type");
  const kinds = ["close", "snoozed", "open", "assignment"];
  if (typeof messageType !== "string" || !kinds.includes(messageType)) {
    throw badRequest("parameter_invalid", `message_type must be one of ${kinds.join(", ")}`, "message_type");
  }
  const text = optionalString(body, "body") ?? null;

  if (messageType === "close") {
    if (body.type === undefined) throw badRequest("parameter_not_found", "type is a required parameter", "type");
    if (body.type !== "admin") throw badRequest("parameter_invalid", "type must be admin", "type");
    const admin = requireActingAdmin(ctx, body);
    const c = findConversation(ctx, params.conversation_id!);
    const at = nowSeconds(ctx);
    appendPart(ctx, c, "close", adminAuthor(admin), at, text);
    c.state = "closed";
    c.open = false;
    c.snoozed_until = null;
    c.waiting_since = null;
    const s = c.statistics;
    s.first_close_at ??= at;
    s.time_to_first_close ??= at - c.created_at;
    s.last_close_at = at;
    s.time_to_last_close = at - c.created_at;
    s.last_closed_by_id = admin.id;
    return fullConversation(c);
  }

  if (messageType === "snoozed") {
    const admin = requireActingAdmin(ctx, body);
    if (body.snoozed_until === undefined || body.snoozed_until === null) {
      throw badRequest("parameter_not_found", "snoozed_until is a required parameter", "snoozed_until");
    }
    const until = optionalTimestamp(body, "snoozed_until")!;
    const c = findConversation(ctx, params.conversation_id!);
    const at = nowSeconds(ctx);
    appendPart(ctx, c, "snoozed", adminAuthor(admin), at, null);
    c.state = "snoozed";
    c.open = true;
    c.snoozed_until = until;
    c.waiting_since = null;
    return fullConversation(c);
  }

  if (messageType === "open") {
    const admin = requireActingAdmin(ctx, body);
    const c = findConversation(ctx, params.conversation_id!);
    const at = nowSeconds(ctx);
    reopenIfClosed(c);
    appendPart(ctx, c, "open", adminAuthor(admin), at, null);
    return fullConversation(c);
  }

  // assignment
  if (body.type === undefined) throw badRequest("parameter_not_found", "type is a required parameter", "type");
  if (body.type !== "admin" && body.type !== "team") throw badRequest("parameter_invalid", "type must be one of admin, team", "type");
  const admin = requireActingAdmin(ctx, body);
  const rawAssignee = body.assignee_id;
  if (rawAssignee === undefined || rawAssignee === null || rawAssignee === "") {
    throw badRequest("parameter_not_found", "assignee_id is a required parameter", "assignee_id");
  }
  if (typeof rawAssignee !== "string" && typeof rawAssignee !== "number") throw badRequest("parameter_invalid", "assignee_id must be a string", "assignee_id");
  const assigneeId = String(rawAssignee);
  const unassign = assigneeId === "0"; // "Set 0 if you want this assign to no admin or team"
  if (!unassign) {
    const exists = body.type === "admin" ? ctx.ws.admins.some((a) => a.id === assigneeId) : ctx.ws.teams.some((t) => t.id === assigneeId);
    if (!exists) throw new ApiError(404, "assignee_not_found", "Assignee not found");
  }
  const c = findConversation(ctx, params.conversation_id!);
  const at = nowSeconds(ctx);
  const reopened = reopenIfClosed(c) && c.state === "open";
  const assignedTo: Reference = unassign ? { type: "nobody_admin", id: null } : { type: body.type, id: assigneeId };
  if (body.type === "admin") c.admin_assignee_id = unassign ? null : Number(assigneeId);
  else c.team_assignee_id = unassign ? null : Number(assigneeId);
  appendPart(ctx, c, reopened ? "assign_and_reopen" : "assignment", adminAuthor(admin), at, text, { assigned_to: assignedTo });
  countAssignment(c, at);
  return fullConversation(c);
}

/** PUT /conversations/{id} — read and custom_attributes per the schema; title is accepted too (later API versions allow it). */
function updateConversation(ctx: RouteContext, { params, query, body: rawBody }: RouteInput): Conversation {
  const body = requireBody(rawBody);
  if (body.read !== undefined && typeof body.read !== "boolean") throw badRequest("parameter_invalid", "read must be a boolean", "read");
  const attrs = flatCustomAttributes(body);
  if (body.title !== undefined && body.title !== null && typeof body.title !== "string") throw badRequest("parameter_invalid", "title must be a string", "title");
  const c = findConversation(ctx, params.conversation_id!);
  if (typeof body.read === "boolean") c.read = body.read;
  if (attrs) Object.assign(c.custom_attributes, attrs);
  if (body.title !== undefined) c.title = body.title as string | null;
  touch(ctx, c, nowSeconds(ctx));
  return fullConversation(c, query.display_as === "plaintext");
}

// ---------------------------------------------------------------- search

/** A search endpoint's body (query, pagination, sort) run over records, hiding ones written within the index lag. */
export function runSearch<T extends { id: string }>(
  ctx: RouteContext,
  model: SearchModel<T>,
  records: T[],
  lastWriteAt: Map<string, number>,
  rawBody: unknown,
) {
  const body = requireBody(rawBody);
  const predicate = compileQuery(body.query, model);
  const pagination = body.pagination ?? {};
  if (!isObject(pagination)) throw badRequest("parameter_invalid", "pagination must be an object", "pagination");
  const perPage = parsePerPage(pagination.per_page, model.defaultPerPage);
  const startingAfter = pagination.starting_after;
  if (startingAfter !== undefined && startingAfter !== null && typeof startingAfter !== "string") {
    throw badRequest("parameter_invalid", "starting_after must be a string", "starting_after");
  }
  const sort = sortSpec(model, body.sort);
  // Search index lag: records written less than searchIndexLagMs ago are not indexed yet.
  const now = ctx.now();
  const indexed = (r: T) => {
    const written = lastWriteAt.get(r.id);
    return written === undefined || now - written >= ctx.searchIndexLagMs;
  };
  return paginate(records.filter((r) => indexed(r) && predicate(r)), sort, perPage, startingAfter ?? undefined);
}

// ---------------------------------------------------------------- route table

export const routes: Route[] = [
  {
    operationId: "identifyAdmin",
    method: "GET",
    path: "/me",
    handler: ({ ws }) => {
      // Any valid token identifies the first admin (the workspace owner).
      const admin = ws.admins[0]!;
      const { avatar, ...rest } = admin;
      return { ...rest, avatar: { type: "avatar", image_url: avatar?.image_url ?? null }, email_verified: true, app: ws.app };
    },
  },
  {
    operationId: "listAdmins",
    method: "GET",
    path: "/admins",
    handler: ({ ws }, { query }) => ({ type: "admin.list", admins: ws.admins.map((a) => adminView(a, query.display_avatar === "true")) }),
  },
  {
    operationId: "retrieveAdmin",
    method: "GET",
    path: "/admins/:admin_id",
    handler: (ctx, { params }) => {
      const admin = findAdmin(ctx, params.admin_id);
      if (!admin) throw notFound("admin_not_found", "Admin not found");
      return adminView(admin, false);
    },
  },
  { operationId: "listTeams", method: "GET", path: "/teams", handler: ({ ws }) => ({ type: "team.list", teams: ws.teams }) },
  {
    operationId: "retrieveTeam",
    method: "GET",
    path: "/teams/:team_id",
    handler: ({ ws }, { params }) => {
      const team = ws.teams.find((t) => t.id === params.team_id);
      if (!team) throw notFound("team_not_found", "Team not found");
      return team;
    },
  },
  {
    operationId: "SearchContacts",
    method: "POST",
    path: "/contacts/search",
    handler: (ctx, { body }) => {
      const model = withSegmentIds(contactSearchModel, (c) => contactSegments(ctx.ws, c).map((s) => s.id));
      const page = runSearch(ctx, model, ctx.ws.contacts, ctx.ws.lastWriteAt.contacts, body);
      return { type: "list", data: page.items, total_count: page.total_count, pages: page.pages };
    },
  },
  {
    operationId: "ShowContact",
    method: "GET",
    path: "/contacts/:contact_id",
    handler: ({ ws }, { params }) => {
      const contact = ws.contacts.find((c) => c.id === params.contact_id);
      if (!contact) throw notFound("not_found", "User Not Found");
      return contact;
    },
  },
  {
    operationId: "listConversations",
    method: "GET",
    path: "/conversations",
    handler: ({ ws }, { query }) => {
      const perPage = parsePerPage(query.per_page, 20);
      const page = paginate(ws.conversations, sortSpec(conversationSearchModel, undefined), perPage, query.starting_after);
      return { type: "conversation.list", conversations: page.items.map(listItem), total_count: page.total_count, pages: page.pages };
    },
  },
  {
    operationId: "searchConversations",
    method: "POST",
    path: "/conversations/search",
    handler: (ctx, { body }) => {
      const page = runSearch(ctx, conversationSearchModel, ctx.ws.conversations, ctx.ws.lastWriteAt.conversations, body);
      return { type: "conversation.list", conversations: page.items.map(listItem), total_count: page.total_count, pages: page.pages };
    },
  },
  {
    operationId: "retrieveConversation",
    method: "GET",
    path: "/conversations/:conversation_id",
    handler: (ctx, { params, query }) => fullConversation(findConversation(ctx, params.conversation_id!), query.display_as === "plaintext"),
  },
  { operationId: "updateConversation", method: "PUT", path: "/conversations/:conversation_id", handler: updateConversation },
  { operationId: "replyConversation", method: "POST", path: "/conversations/:conversation_id/reply", handler: replyToConversation },
  { operationId: "manageConversation", method: "POST", path: "/conversations/:conversation_id/parts", handler: manageConversation },
];
