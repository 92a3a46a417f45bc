// Sandbox resource module: Data Attributes, Data Events and Data Export. Seeded records
// live on the workspace under the keys of DataState; routes follow the OpenAPI
// document's paths and shapes.
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { ApiError, badRequest, notFound } from "../errors.js";
import { RawResponse, type ResourceModule } from "../resource.js";
import type { Rng } from "../rng.js";
import type { RouteContext } from "../routes.js";
import { parsePerPage } from "../search.js";
import { SEED_BASE_TIME } from "../seed.js";
import type { Contact, Workspace } from "../types.js";
import { isObject, nowSeconds } from "../validate.js";

const DAY = 86_400;

export type DataAttributeModel = "contact" | "company" | "conversation";
export type DataAttributeType = "string" | "integer" | "float" | "boolean" | "date";

/** `data_attribute`. Built-in attributes carry no id, admin or timestamps (as in the document's list example). */
export interface DataAttributeRecord {
  type: "data_attribute";
  id?: number;
  model: DataAttributeModel;
  name: string;
  full_name: string;
  label: string;
  description: string;
  data_type: DataAttributeType;
  options?: string[];
  api_writable: boolean;
  ui_writable: boolean;
  messenger_writable: boolean;
  custom: boolean;
  archived: boolean;
  admin_id?: string;
  created_at?: number;
  updated_at?: number;
}

/**
 * One submitted event (`data_event`). GET /events answers only their summary per event name
 * (`data_event_summary`, the operation's one documented 200): the document lists no operation
 * that answers the events themselves.
 */
export interface DataEventRecord {
  type: "event";
  id: string;
  event_name: string;
  created_at: number;
  intercom_user_id: string;
  metadata: Record<string, unknown>;
}

/** A summary submitted through POST /events/summaries (counts without individual events). */
export interface EventSummaryRecord {
  intercom_user_id: string;
  event_name: string;
  count: number;
  first: number;
  last: number;
}

export type DataExportStatus = "pending" | "in_progress" | "failed" | "completed" | "no_data" | "canceled";

export interface DataExportRecord {
  job_identifier: string;
  status: DataExportStatus;
  download_url: string;
  download_expires_at: string;
  created_at_after: number;
  created_at_before: number;
  /** Wall-clock ms of creation, and status reads so far: both move the job along. */
  created_ms: number;
  polls: number;
}

/** One delivery of outbound content (email, post, bot, …) to a contact: a row of a data export. */
export interface OutboundReceipt {
  content_id: string;
  content_type: string;
  content_title: string;
  receipt_id: string;
  received_at: number;
  user_id: string;
  user_external_id: string | null;
  user_email: string;
  opened_at: number | null;
  clicked_at: number | null;
  replied_at: number | null;
  completed_at: number | null;
  dismissed_at: number | null;
  unsubscribed_at: number | null;
  bounced_at: number | null;
}

/** The workspace collections this module owns. */
export interface DataState {
  dataAttributes: DataAttributeRecord[];
  /** Custom attributes used by a workflow or report: archiving them answers 422 data_invalid. */
  dataAttributesInUse: number[];
  dataEvents: DataEventRecord[];
  dataEventSummaries: EventSummaryRecord[];
  dataExports: DataExportRecord[];
  outboundReceipts: OutboundReceipt[];
}


// ---------------------------------------------------------------- seed data

type BuiltIn = [name: string, fullName: string, label: string, description: string, type: DataAttributeType, apiWritable: boolean];

const BUILT_IN: Record<DataAttributeModel, BuiltIn[]> = {
  contact: [
    ["id", "id", "ID", "The Intercom defined id representing the contact", "string", false],
    ["name", "name", "Name", "A contact's full name", "string", true],
    ["email", "email", "Email", "A contact's email address", "string", true],
    ["phone", "phone", "Phone", "A contact's phone number", "string", true],
    ["external_id", "external_id", "User ID", "A number identifying a user", "string", true],
    ["role", "role", "Role", "The role of the contact: user or lead", "string", true],
    ["owner_id", "owner_id", "Owner", "The teammate who owns the contact", "integer", true],
    ["created_at", "created_at", "First seen", "The time the contact was added to Intercom", "date", false],
    ["signed_up_at", "signed_up_at", "Signed up", "The time the contact signed up", "date", true],
    ["last_seen_at", "last_seen_at", "Last seen", "The last time the contact used your product", "date", true],
    ["unsubscribed_from_emails", "unsubscribed_from_emails", "Unsubscribed from emails", "Whether the contact unsubscribed from emails", "boolean", true],
    ["language_override", "language_override", "Language override", "A preferred language setting for the contact", "string", true],
    ["name", "location.city", "City", "The city the contact is located in", "string", false],
    ["name", "location.country", "Country", "The country the contact is located in", "string", false],
  ],
  company: [
    ["id", "id", "ID", "The Intercom defined id representing the company", "string", false],
    ["name", "name", "Company name", "The name of a company", "string", true],
    ["company_id", "company_id", "Company ID", "A number identifying a company", "string", false],
    ["created_at", "created_at", "Created at", "The time the company was added to Intercom", "date", false],
    ["remote_created_at", "remote_created_at", "Company created at", "The day a company was added to Intercom", "date", true],
    ["last_request_at", "last_request_at", "Company last seen", "The last day anyone from a company visited your site or app", "date", false],
    ["user_count", "user_count", "People", "The number of people in a company", "integer", false],
    ["session_count", "session_count", "Company web sessions", "All visits from anyone in a company to your product's site or app", "integer", false],
    ["name", "plan.name", "Plan", "A specific plan or level within your product that companies have signed up to", "string", false],
    ["monthly_spend", "monthly_spend", "Monthly Spend", "The monthly revenue you receive from a company", "float", true],
    ["size", "size", "Company size", "The number of people employed in this company, expressed as a single number", "integer", true],
    ["industry", "industry", "Company industry", "The category or domain this company belongs to e.g. 'ecommerce' or 'SaaS'", "string", true],
    ["website", "website", "Company website", "The web address for the company's primary marketing site", "string", true],
  ],
  conversation: [
    ["id", "id", "ID", "The id representing the conversation", "string", false],
    ["title", "title", "Title", "The title given to the conversation", "string", true],
    ["state", "state", "State", "Can be set to open, closed or snoozed", "string", false],
    ["priority", "priority", "Priority", "If marked as priority, it will return priority or else not_priority", "string", false],
    ["created_at", "created_at", "Created at", "The time the conversation was created", "date", false],
    ["waiting_since", "waiting_since", "Waiting since", "The last time a contact responded to an admin", "date", false],
  ],
};

type Custom = [model: DataAttributeModel, name: string, description: string, type: DataAttributeType, options?: string[]];

const CUSTOM: Custom[] = [
  ["contact", "plan_tier", "The subscription tier of the user", "string", ["free", "starter", "growth", "enterprise"]],
  ["contact", "paid_subscriber", "Whether the user is a paid subscriber", "boolean"],
  ["contact", "monthly_active_days", "Days active in the last 30 days", "integer"],
  ["contact", "nps_score", "Latest NPS score the user gave", "float"],
  ["contact", "trial_ends_at", "When the user's trial ends", "date"],
  ["contact", "preferred_channel", "How the user prefers to be contacted", "string", ["email", "chat", "phone"]],
  ["contact", "seats_used", "Seats the user's team uses", "integer"],
  ["contact", "onboarding_complete", "Whether onboarding was finished", "boolean"],
  ["contact", "legacy_crm_id", "Identifier in the CRM we retired in 2024", "string"],
  ["contact", "beta_features", "Beta programmes the user joined", "string"],
  ["company", "account_tier", "The account tier of the company", "string", ["free", "starter", "growth", "enterprise"]],
  ["company", "region", "Sales region of the company", "string", ["AMER", "EMEA", "APAC"]],
  ["company", "renewal_date", "When the company's contract renews", "date"],
  ["company", "seats_purchased", "Seats the company pays for", "integer"],
  ["company", "health_score", "Customer health score (0-100)", "float"],
  ["company", "churn_risk", "Flag from the old churn model", "boolean"],
  ["company", "csm_email", "Email of the customer success manager", "string"],
  ["conversation", "issue_category", "What the conversation is about", "string", ["billing", "bug", "how-to", "feature-request"]],
  ["conversation", "escalated", "Whether the conversation was escalated to engineering", "boolean"],
  ["conversation", "order_number", "Order the conversation is about", "string"],
  ["conversation", "refund_amount", "Refund granted in the conversation", "float"],
  ["conversation", "jira_ticket", "Linked Jira issue key", "string"],
  ["conversation", "satisfaction_followup_at", "When to follow up on satisfaction", "date"],
  ["conversation", "sentiment", "Sentiment a teammate recorded", "string", ["positive", "neutral", "negative"]],
];
/** Retired attributes (archived) and attributes a workflow depends on. */
const ARCHIVED = new Set(["legacy_crm_id", "churn_risk", "jira_ticket"]);
const IN_USE = new Set(["plan_tier", "issue_category"]);

const EVENTS: Array<[name: string, description: string, metadata: (rng: Rng) => Record<string, string>]> = [
  ["signed-in", "A user signed in", (rng) => ({ device: rng.pick(["desktop", "ios", "android"]) })],
  ["created-project", "A user created a project", (rng) => ({ project_id: `prj_${rng.int(1000, 9999)}`, template: rng.pick(["blank", "kanban", "roadmap"]) })],
  ["invited-friend", "A user invited a teammate", (rng) => ({ invite_code: `INV${rng.hex(6).toUpperCase()}` })],
  ["updated-plan", "A user changed plan", (rng) => ({ plan: rng.pick(["starter", "growth", "enterprise"]) })],
  ["placed-order", "A user placed an order", (rng) => ({ order_number: String(rng.int(100000, 999999)), currency: rng.pick(["usd", "eur", "gbp"]) })],
  ["exported-report", "A user exported a report", (rng) => ({ format: rng.pick(["csv", "pdf", "xlsx"]) })],
  ["viewed-pricing", "A user viewed the pricing page", () => ({})],
];
const EVENT_DESCRIPTIONS = new Map(EVENTS.map(([name, description]) => [name, description]));

const OUTBOUND: Array<[id: string, type: string, title: string]> = [
  ["441001", "email", "Welcome to Northwind Cloud"],
  ["441002", "email", "Your trial ends in 3 days"],
  ["441003", "post", "What's new in October"],
  ["441004", "custom_bot", "Qualify new leads"],
  ["441005", "survey", "How likely are you to recommend us?"],
  ["441006", "tour", "Dashboard tour"],
  ["441007", "series", "Onboarding series"],
  ["441008", "banner", "Scheduled maintenance"],
  ["441009", "chat", "Need a hand with your first project?"],
];

const EXPORT_COLUMNS: Array<keyof OutboundReceipt> = [
  "content_id", "content_type", "content_title", "receipt_id", "received_at", "user_id", "user_external_id", "user_email",
  "opened_at", "clicked_at", "replied_at", "completed_at", "dismissed_at", "unsubscribed_at", "bounced_at",
];

function seed(ws: Workspace, rng: Rng): void {
  const admins = ws.admins;
  const attributes: DataAttributeRecord[] = [];
  for (const model of ["contact", "company", "conversation"] as const) {
    for (const [name, fullName, label, description, dataType, apiWritable] of BUILT_IN[model]) {
      attributes.push({
        type: "data_attribute", model, name, full_name: fullName, label, description, data_type: dataType,
        api_writable: apiWritable, ui_writable: apiWritable && rng.chance(0.5), messenger_writable: rng.chance(0.6),
        custom: false, archived: false,
      });
    }
  }
  const inUse: number[] = [];
  CUSTOM.forEach(([model, name, description, dataType, options], i) => {
    const created = SEED_BASE_TIME - rng.int(30, 700) * DAY - rng.int(0, DAY);
    const id = 12801 + i;
    if (IN_USE.has(name)) inUse.push(id);
    attributes.push({
      type: "data_attribute", id, model, name, full_name: `custom_attributes.${name}`,
      label: name.split("_").map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" "),
      description, data_type: dataType, ...(options ? { options } : {}),
      api_writable: true, ui_writable: rng.chance(0.7), messenger_writable: rng.chance(0.3),
      custom: true, archived: ARCHIVED.has(name), admin_id: rng.pick(admins).id,
      created_at: created, updated_at: created + rng.int(0, 20) * DAY,
    });
  });

  // Events for about 60% of users (and a few leads), newest within the last 120 days.
  const events: DataEventRecord[] = [];
  let eventSeq = 0;
  for (const contact of ws.contacts) {
    if (!rng.chance(contact.role === "user" ? 0.6 : 0.1)) continue;
    const count = rng.int(1, 25);
    const times = Array.from({ length: count }, () => SEED_BASE_TIME - rng.int(0, 120 * DAY)).sort((a, b) => b - a);
    times.forEach((at) => {
      const [name, , metadata] = rng.pick(EVENTS);
      events.push({
        type: "event", id: `evt_${String(++eventSeq).padStart(6, "0")}${rng.hex(10)}`, event_name: name, created_at: at,
        intercom_user_id: contact.id, metadata: metadata(rng),
      });
    });
  }

  // Outbound content deliveries over the last 180 days: the rows of data exports.
  const receipts: OutboundReceipt[] = [];
  for (let i = 0; i < 2400; i++) {
    const contact = rng.pick(ws.contacts);
    const [contentId, contentType, title] = rng.pick(OUTBOUND);
    const at = SEED_BASE_TIME - rng.int(0, 180 * DAY);
    const bounced = contentType === "email" && rng.chance(0.03);
    const opened = !bounced && rng.chance(0.55) ? at + rng.int(60, 3 * DAY) : null;
    const after = (p: number) => (opened !== null && rng.chance(p) ? opened + rng.int(5, 3600) : null);
    receipts.push({
      content_id: contentId, content_type: contentType, content_title: title,
      receipt_id: String(90_000_001 + i), received_at: at,
      user_id: contact.id, user_external_id: contact.external_id, user_email: contact.email,
      opened_at: opened, clicked_at: after(0.3), replied_at: after(0.08),
      completed_at: ["survey", "tour", "series"].includes(contentType) ? after(0.4) : null,
      dismissed_at: after(0.1), unsubscribed_at: contentType === "email" ? after(0.02) : null,
      bounced_at: bounced ? at + rng.int(1, 120) : null,
    });
  }
  receipts.sort((a, b) => a.received_at - b.received_at);

  ws.dataAttributes = attributes;
  ws.dataAttributesInUse = inUse;
  ws.dataEvents = events;
  ws.dataEventSummaries = [];
  ws.dataExports = [];
  ws.outboundReceipts = receipts;
}

// ---------------------------------------------------------------- data attributes

const MODELS = ["contact", "company", "conversation"];
const CREATE_TYPES = ["string", "integer", "float", "boolean", "datetime", "date"];
/** Letters, digits, spaces, currency symbols, hyphens and underscores (`paid_subscriber`, `Mithril Shirt`). */
const VALID_NAME = /^[\p{L}\p{N}\p{Sc} _-]+$/u;
const modelWord = (model: string) => (model === "contact" ? "people" : "company");

function listDataAttributes(ctx: RouteContext, query: Record<string, string>) {
  const model = query.model;
  if (model !== undefined && !MODELS.includes(model)) {
    throw badRequest("parameter_invalid", "model must be one of contact, company, conversation", "model");
  }
  const includeArchived = query.include_archived === "true";
  // Without a model: people and company data (conversation attributes only when asked for by model).
  const wanted = model === undefined ? ["contact", "company"] : [model];
  const data = ctx.ws.dataAttributes.filter((a) => wanted.includes(a.model) && (includeArchived || !a.archived));
  return { type: "list", data };
}

/** `options` as strings (create request) or `{ value }` hashes (update request and examples). */
function optionsFrom(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw badRequest("parameter_invalid", "Options isn't an array", "options");
  const values = raw.map((o) => (typeof o === "string" ? o : isObject(o) && typeof o.value === "string" ? o.value : null));
  if (values.some((v) => v === null || v.trim() === "")) throw badRequest("parameter_invalid", "Each option must have a value", "options");
  if (values.length < 2) throw badRequest("parameter_invalid", "A list attribute needs at least two options", "options");
  return values as string[];
}

function createDataAttribute(ctx: RouteContext, body: unknown) {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const { name, model, data_type: dataType, description, messenger_writable: messengerWritable } = body;
  if (typeof name !== "string" || name.trim() === "") throw badRequest("parameter_not_found", "Name is a required parameter", "name");
  if (typeof model !== "string" || !["contact", "company"].includes(model)) {
    throw badRequest("parameter_invalid", "The Data Attribute model field must be either contact or company", "model");
  }
  if (typeof dataType !== "string" || !CREATE_TYPES.includes(dataType)) throw badRequest("parameter_invalid", "Data Type isn't an option", "data_type");
  if (!VALID_NAME.test(name)) {
    throw badRequest("parameter_invalid", "Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens", "name");
  }
  if (description !== undefined && typeof description !== "string") throw badRequest("parameter_invalid", "description must be a string", "description");
  if (messengerWritable !== undefined && typeof messengerWritable !== "boolean") {
    throw badRequest("parameter_invalid", "messenger_writable must be a boolean", "messenger_writable");
  }
  const options = optionsFrom(body.options);
  if (options && dataType !== "string") throw badRequest("parameter_invalid", "List attributes must have the data type string", "options");
  // Names are unique across people and company data (the document's "Same name already exists").
  const clash = ctx.ws.dataAttributes.find((a) => a.model !== "conversation" && a.name.toLowerCase() === name.trim().toLowerCase());
  if (clash) {
    throw badRequest(
      "parameter_invalid",
      `You already have '${clash.name}' in your ${modelWord(clash.model)} data. To save this as new ${modelWord(model)} data, use a different name.`,
      "name",
    );
  }
  const at = nowSeconds(ctx);
  const id = Math.max(12800, ...ctx.ws.dataAttributes.map((a) => a.id ?? 0)) + 1;
  const record: DataAttributeRecord = {
    type: "data_attribute", id, model: model as "contact" | "company", name: name.trim(), full_name: `custom_attributes.${name.trim()}`,
    label: name.trim(), description: description ?? "",
    // `datetime` is accepted on create and stored as a date attribute.
    data_type: (dataType === "datetime" ? "date" : dataType) as DataAttributeType,
    ...(options ? { options } : {}),
    api_writable: true, ui_writable: false, messenger_writable: messengerWritable ?? false,
    custom: true, archived: false, admin_id: ctx.ws.admins[0]!.id, created_at: at, updated_at: at,
  };
  ctx.ws.dataAttributes.push(record);
  return record;
}

function updateDataAttribute(ctx: RouteContext, id: string, body: unknown) {
  const record = ctx.ws.dataAttributes.find((a) => a.id !== undefined && String(a.id) === id);
  if (!record) throw new ApiError(404, "field_not_found", "We couldn't find that data attribute to update");
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const { archived, description, messenger_writable: messengerWritable } = body;
  if (archived !== undefined && typeof archived !== "boolean") throw badRequest("parameter_invalid", "archived must be a boolean", "archived");
  if (description !== undefined && typeof description !== "string") throw badRequest("parameter_invalid", "description must be a string", "description");
  if (messengerWritable !== undefined && typeof messengerWritable !== "boolean") {
    throw badRequest("parameter_invalid", "messenger_writable must be a boolean", "messenger_writable");
  }
  const options = optionsFrom(body.options);
  if (options && record.data_type !== "string") throw badRequest("parameter_invalid", "List attributes must have the data type string", "options");
  if (archived === true && !record.archived && ctx.ws.dataAttributesInUse.includes(record.id!)) {
    throw new ApiError(422, "data_invalid", "The Data Attribute you are trying to archive has a dependant object");
  }
  if (archived !== undefined) record.archived = archived;
  if (description !== undefined) record.description = description;
  if (messengerWritable !== undefined) record.messenger_writable = messengerWritable;
  if (options) record.options = options;
  record.updated_at = Math.max(nowSeconds(ctx), (record.created_at ?? 0) + 1);
  return record;
}

// ---------------------------------------------------------------- data events

const isoSeconds = (s: number) => new Date(s * 1000).toISOString().replace("Z", "+00:00");
const userNotFound = () => notFound("not_found", "User Not Found");

/** The contact a request names by exactly one of intercom_user_id (or `id`), user_id, email. */
function findEventUser(ctx: RouteContext, ids: { id?: unknown; user_id?: unknown; email?: unknown }): Contact {
  const given = Object.entries(ids).filter(([, v]) => v !== undefined && v !== null && v !== "");
  if (given.length === 0) throw badRequest("parameter_not_found", "Missing required parameter: one of user_id, intercom_user_id or email");
  const [key, value] = given[0]!;
  if (typeof value !== "string") throw badRequest("parameter_invalid", `${key} must be a string`, key);
  const contact =
    key === "id" ? ctx.ws.contacts.find((c) => c.id === value)
    : key === "user_id" ? ctx.ws.contacts.find((c) => c.external_id === value)
    : ctx.ws.contacts.find((c) => c.email.toLowerCase() === value.toLowerCase());
  if (!contact) throw userNotFound();
  return contact;
}

/**
 * GET /events — `type=user` and one of user_id, intercom_user_id or email (the document's
 * `filter`); `summary` and `per_page` are optional. The answer is the operation's documented
 * 200 whatever `summary` says: the user's `data_event_summary`, one item per event name.
 */
function listDataEvents(ctx: RouteContext, query: Record<string, string>) {
  if (query.type === undefined) throw badRequest("parameter_not_found", "Missing required parameter: type", "type");
  if (query.type !== "user") throw badRequest("parameter_invalid", "The value of type must be user", "type");
  if (query.summary !== undefined && query.summary !== "true" && query.summary !== "false") {
    throw badRequest("parameter_invalid", "summary must be true or false", "summary");
  }
  if (query.per_page !== undefined) parsePerPage(query.per_page, 15);
  const given = ["user_id", "intercom_user_id", "email"].filter((k) => query[k] !== undefined);
  if (given.length > 1) throw badRequest("parameter_invalid", "Send only one of user_id, intercom_user_id or email");
  const contact = findEventUser(ctx, { id: query.intercom_user_id, user_id: query.user_id, email: query.email });

  const byName = new Map<string, { count: number; first: number; last: number }>();
  const add = (name: string, count: number, first: number, last: number) => {
    const s = byName.get(name);
    if (!s) byName.set(name, { count, first, last });
    else byName.set(name, { count: s.count + count, first: Math.min(s.first, first), last: Math.max(s.last, last) });
  };
  // Newest first, so the most recent event names lead the summary.
  const events = ctx.ws.dataEvents.filter((e) => e.intercom_user_id === contact.id).sort((a, b) => b.created_at - a.created_at);
  for (const e of events) add(e.event_name, 1, e.created_at, e.created_at);
  for (const s of ctx.ws.dataEventSummaries) if (s.intercom_user_id === contact.id) add(s.event_name, s.count, s.first, s.last);
  return {
    type: "event.summary",
    email: contact.email,
    intercom_user_id: contact.id,
    user_id: contact.external_id ?? "",
    events: [...byName].map(([name, s]) => ({
      name, first: isoSeconds(s.first), last: isoSeconds(s.last), count: s.count,
      ...(EVENT_DESCRIPTIONS.has(name) ? { description: EVENT_DESCRIPTIONS.get(name)! } : {}),
    })),
  };
}

function createDataEvent(ctx: RouteContext, body: unknown) {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const { event_name: name, created_at: createdAt, metadata } = body;
  if (typeof name !== "string" || name.trim() === "") throw badRequest("parameter_not_found", "Missing required parameter: event_name", "event_name");
  if (typeof createdAt !== "number" || !Number.isInteger(createdAt) || createdAt < 0) {
    throw badRequest("parameter_invalid", "created_at must be a Unix timestamp (integer seconds)", "created_at");
  }
  if (metadata !== undefined && metadata !== null && !isObject(metadata)) throw badRequest("parameter_invalid", "metadata must be an object", "metadata");
  const contact = findEventUser(ctx, { id: body.id, user_id: body.user_id, email: body.email });
  // Only the first 10 metadata keys are kept (the document's "Metadata behaviour").
  const kept = Object.fromEntries(Object.entries(metadata ?? {}).slice(0, 10));
  const own = ctx.ws.dataEvents.filter((e) => e.intercom_user_id === contact.id);
  // Workspace + contact + event name + created time identify an event: duplicates are ignored, still 202.
  if (!own.some((e) => e.event_name === name && e.created_at === createdAt)) {
    ctx.ws.dataEvents.push({
      type: "event", id: `evt_${randomBytes(8).toString("hex")}`, event_name: name, created_at: createdAt,
      intercom_user_id: contact.id, metadata: kept,
    });
  }
  return new RawResponse(202, undefined);
}

function createDataEventSummaries(ctx: RouteContext, body: unknown) {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  if (typeof body.user_id !== "string" || body.user_id === "") throw badRequest("parameter_not_found", "Missing required parameter: user_id", "user_id");
  const contact = findEventUser(ctx, { user_id: body.user_id });
  // The document types event_summaries as one object while describing a list: accept both.
  const raw = body.event_summaries;
  const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (items.length === 0) throw badRequest("parameter_not_found", "Missing required parameter: event_summaries", "event_summaries");
  const parsed = items.map((item) => {
    const ok = isObject(item) && typeof item.event_name === "string" && item.event_name !== ""
      && [item.count, item.first, item.last].every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0)
      && (item.count as number) > 0 && (item.first as number) <= (item.last as number);
    if (!ok) throw badRequest("parameter_invalid", "Each event summary needs event_name, a positive count and first <= last", "event_summaries");
    const i = item as { event_name: string; count: number; first: number; last: number };
    return { intercom_user_id: contact.id, event_name: i.event_name, count: i.count, first: i.first, last: i.last };
  });
  ctx.ws.dataEventSummaries.push(...parsed);
  return new RawResponse(200, undefined);
}

// ---------------------------------------------------------------- data export

/** Jobs move pending → in_progress → completed after one and two status reads, or one and two seconds. */
const STEP_MS = 1000;
const DOWNLOAD_TTL = 2 * DAY;
const ACTIVE: DataExportStatus[] = ["pending", "in_progress"];

function rowsOf(ctx: RouteContext, job: DataExportRecord): OutboundReceipt[] {
  return ctx.ws.outboundReceipts.filter((r) => r.received_at >= job.created_at_after && r.received_at <= job.created_at_before);
}

function advance(ctx: RouteContext, job: DataExportRecord, poll: boolean): DataExportRecord {
  if (!ACTIVE.includes(job.status)) return job;
  if (poll) job.polls++;
  const stage = Math.max(Math.min(job.polls, 2), Math.floor((ctx.now() - job.created_ms) / STEP_MS));
  if (stage === 1) job.status = "in_progress";
  if (stage >= 2) {
    if (rowsOf(ctx, job).length === 0) job.status = "no_data";
    else {
      job.status = "completed";
      job.download_url = `https://api.intercom.io/download/content/data/${job.job_identifier}`;
      job.download_expires_at = String(nowSeconds(ctx) + DOWNLOAD_TTL);
    }
  }
  return job;
}

const exportView = (job: DataExportRecord) => ({
  job_identifier: job.job_identifier,
  status: job.status,
  download_url: job.download_url,
  download_expires_at: job.download_expires_at,
});

function findExport(ctx: RouteContext, id: string): DataExportRecord {
  const job = ctx.ws.dataExports.find((j) => j.job_identifier === id);
  if (!job) throw notFound("not_found", "Export job not found");
  return job;
}

function createDataExport(ctx: RouteContext, body: unknown) {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  for (const field of ["created_at_after", "created_at_before"]) {
    const v = body[field];
    if (v === undefined || v === null) throw badRequest("parameter_not_found", `Missing required parameter: ${field}`, field);
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw badRequest("parameter_invalid", `${field} must be a Unix timestamp`, field);
  }
  const after = body.created_at_after as number;
  const before = body.created_at_before as number;
  if (after > before) throw badRequest("parameter_invalid", "created_at_after must be before created_at_before", "created_at_after");
  if (ctx.ws.dataExports.some((j) => ACTIVE.includes(advance(ctx, j, false).status))) {
    throw new ApiError(429, "rate_limit_exceeded", "Exceeded rate limit of 1 pending message data export jobs");
  }
  const job: DataExportRecord = {
    job_identifier: randomBytes(12).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "").padEnd(16, "x").slice(0, 16),
    status: "pending", download_url: "", download_expires_at: "",
    created_at_after: after, created_at_before: before, created_ms: ctx.now(), polls: 0,
  };
  ctx.ws.dataExports.push(job);
  return exportView(job);
}

function cancelDataExport(ctx: RouteContext, id: string) {
  const job = advance(ctx, findExport(ctx, id), false);
  // Only a job still running can be canceled; a finished one is answered as it is.
  if (ACTIVE.includes(job.status)) job.status = "canceled";
  return exportView(job);
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function downloadDataExport(ctx: RouteContext, id: string) {
  const job = advance(ctx, findExport(ctx, id), false);
  if (job.status !== "completed") throw notFound("not_found", `The export is not available for download (status: ${job.status})`);
  if (nowSeconds(ctx) > Number(job.download_expires_at)) throw notFound("not_found", "The export's download has expired");
  const lines = [EXPORT_COLUMNS.join(",")];
  for (const row of rowsOf(ctx, job)) lines.push(EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(","));
  return new RawResponse(200, gzipSync(Buffer.from(lines.join("\n") + "\n")), "application/octet-stream", {
    "Content-Disposition": `attachment; filename="${job.job_identifier}.csv.gz"`,
  });
}

export const dataResource: ResourceModule = {
  name: "data",
  seed,
  routes: [
    { operationId: "listDataAttributes", method: "GET", path: "/data_attributes", handler: (ctx, { query }) => listDataAttributes(ctx, query) },
    { operationId: "createDataAttribute", method: "POST", path: "/data_attributes", handler: (ctx, { body }) => createDataAttribute(ctx, body) },
    { operationId: "updateDataAttribute", method: "PUT", path: "/data_attributes/:data_attribute_id", handler: (ctx, { params, body }) => updateDataAttribute(ctx, params.data_attribute_id!, body) },
    { operationId: "lisDataEvents", method: "GET", path: "/events", handler: (ctx, { query }) => listDataEvents(ctx, query) },
    { operationId: "dataEventSummaries", method: "POST", path: "/events/summaries", handler: (ctx, { body }) => createDataEventSummaries(ctx, body) },
    { operationId: "createDataEvent", method: "POST", path: "/events", handler: (ctx, { body }) => createDataEvent(ctx, body) },
    { operationId: "createDataExport", method: "POST", path: "/export/content/data", handler: (ctx, { body }) => createDataExport(ctx, body) },
    { operationId: "getDataExport", method: "GET", path: "/export/content/data/:job_identifier", handler: (ctx, { params }) => exportView(advance(ctx, findExport(ctx, params.job_identifier!), true)) },
    { operationId: "cancelDataExport", method: "POST", path: "/export/cancel/:job_identifier", handler: (ctx, { params }) => cancelDataExport(ctx, params.job_identifier!) },
    { operationId: "downloadDataExport", method: "GET", path: "/download/content/data/:job_identifier", handler: (ctx, { params }) => downloadDataExport(ctx, params.job_identifier!) },
  ],
};
