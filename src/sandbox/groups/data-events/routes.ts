// Data events: a user's event summary (GET /events), events and summaries submitted.
import { randomBytes } from "node:crypto";
import type { RestDataEventSummary } from "../../../generated/rest/data-events.js";
import { badRequest, notFound } from "../../errors.js";
import { contactNamed } from "../../lookups.js";
import { parsePerPage } from "../../paging.js";
import { RawResponse, type ApiGroup, type RouteContext } from "../../router.js";
import { isObject } from "../../validate.js";
import type { Contact } from "../contacts/records.js";
import { EVENTS } from "./seed.js";

const EVENT_DESCRIPTIONS = new Map(EVENTS.map(([name, description]) => [name, description]));

const isoSeconds = (s: number) => new Date(s * 1000).toISOString().replace("Z", "+00:00");
const userNotFound = () => notFound("not_found", "User Not Found");

/** The contact a request names by exactly one of intercom_user_id (or `id`), user_id, email. */
function findEventUser(ctx: RouteContext, ids: { id?: unknown; user_id?: unknown; email?: unknown }): Contact {
  const given = Object.entries(ids).filter(([, v]) => v !== undefined && v !== null && v !== "");
  if (given.length === 0) throw badRequest("parameter_not_found", "Missing required parameter: one of user_id, intercom_user_id or email");
  const [key, value] = given[0]!;
  if (typeof value !== "string") throw badRequest("parameter_invalid", `${key} must be a string`, key);
  const contact = contactNamed(ctx.ws, key === "id" ? { id: value } : key === "user_id" ? { externalId: value } : { email: value });
  if (!contact) throw userNotFound();
  return contact;
}

/**
 * GET /events — `type=user` and one of user_id, intercom_user_id or email (the document's
 * `filter`); `summary` and `per_page` are optional. The answer is the operation's documented
 * 200 whatever `summary` says: the user's `data_event_summary`, one item per event name.
 */
function listDataEvents(ctx: RouteContext, query: Record<string, string>): RestDataEventSummary {
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

function createDataEvent(ctx: RouteContext, body: unknown): RawResponse {
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

function createDataEventSummaries(ctx: RouteContext, body: unknown): RawResponse {
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

export const dataEventsGroup: ApiGroup = {
  tag: "Data Events",
  routes: [
    { operationId: "lisDataEvents", method: "GET", path: "/events", handler: (ctx, { query }) => listDataEvents(ctx, query) },
    { operationId: "createDataEvent", method: "POST", path: "/events", handler: (ctx, { body }) => createDataEvent(ctx, body) },
    { operationId: "dataEventSummaries", method: "POST", path: "/events/summaries", handler: (ctx, { body }) => createDataEventSummaries(ctx, body) },
  ],
};
