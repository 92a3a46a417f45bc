// Visitors: found by user_id, updated by id or user_id, and converted into contacts (merged
// into an existing user, or becoming one).
import type { RestContact } from "../../../generated/rest/contacts.js";
import { ApiError, badRequest, notFound } from "../../errors.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { flatCustomAttributes, isObject, nowSeconds, optionalString } from "../../validate.js";
import type { Workspace } from "../../workspace.js";
import type { Contact } from "../contacts/records.js";
import { blankContact } from "../contacts/writes.js";
import type { VisitorAnswer, VisitorRecord } from "./records.js";

const visitorNotFound = () => notFound("not_found", "Visitor Not Found");

/** GET /visitors?user_id= */
function retrieveVisitor({ ws }: RouteContext, { query }: RouteInput): VisitorAnswer {
  if (!query.user_id) throw badRequest("parameter_not_found", "user_id is a required parameter", "user_id");
  const visitor = ws.visitors.find((v) => v.user_id === query.user_id);
  if (!visitor) throw visitorNotFound();
  return visitor;
}

/** PUT /visitors — found by id or user_id; name and custom_attributes change. */
function updateVisitor(ctx: RouteContext, { body }: RouteInput): VisitorAnswer {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const id = optionalString(body, "id");
  const userId = optionalString(body, "user_id");
  if (id === undefined && userId === undefined) throw badRequest("parameter_not_found", "id or user_id is a required parameter", "id");
  const name = optionalString(body, "name");
  const attrs = flatCustomAttributes(body);
  const visitor = ctx.ws.visitors.find((v) => (id !== undefined ? v.id === id : v.user_id === userId));
  if (!visitor) throw visitorNotFound();
  if (name !== undefined) visitor.name = name;
  if (attrs) Object.assign(visitor.custom_attributes, attrs);
  visitor.updated_at = Math.max(visitor.updated_at, nowSeconds(ctx));
  return visitor;
}

/** A new contact made from a visitor: it keeps the visitor's id and what the visitor told us. */
function contactFromVisitor(ws: Workspace, v: VisitorRecord, role: "user" | "lead", externalId: string | null, email: string, at: number): Contact {
  const blank = blankContact(ws, v.id, role, at);
  const loc = v.location_data;
  return {
    ...blank,
    external_id: externalId,
    email,
    email_domain: email.includes("@") ? email.split("@")[1]! : "",
    phone: v.phone,
    formatted_phone: v.phone,
    name: v.name,
    owner_id: v.owner_id === null ? null : Number(v.owner_id),
    has_hard_bounced: v.has_hard_bounced,
    marked_email_as_spam: v.marked_email_as_spam,
    unsubscribed_from_emails: v.unsubscribed_from_emails,
    signed_up_at: role === "user" ? at : null,
    last_seen_at: v.las_request_at ?? null,
    custom_attributes: { ...v.custom_attributes },
    avatar: v.avatar.image_url ? { type: "avatar", image_url: v.avatar.image_url } : null,
    tags: {
      ...blank.tags,
      data: v.tags.tags.map((t) => ({ type: "tag", id: t.id, url: `/tags/${t.id}` })),
      total_count: v.tags.tags.length,
    },
    companies: {
      ...blank.companies,
      data: v.companies.companies.map((c) => ({ type: "company", id: c.id, url: `/companies/${c.id}` })),
      total_count: v.companies.companies.length,
    },
    location: {
      type: "location",
      country: loc.country_name ?? null,
      region: loc.region_name ?? null,
      city: loc.city_name ?? null,
    },
  };
}

/**
 * POST /visitors/convert — an existing user named by user.id or user.user_id absorbs the
 * visitor; otherwise the visitor becomes a new contact with the user identifiers. Either way
 * the visitor is deleted and the contact returned.
 */
function convertVisitor(ctx: RouteContext, { body }: RouteInput): RestContact {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  if (body.type === undefined || body.type === null) throw badRequest("parameter_not_found", "type is a required parameter", "type");
  if (body.type !== "user" && body.type !== "lead") throw badRequest("parameter_invalid", "type must be one of user, lead", "type");
  if (!isObject(body.visitor)) throw badRequest("parameter_not_found", "visitor is a required parameter", "visitor");
  if (!isObject(body.user)) throw badRequest("parameter_not_found", "user is a required parameter", "user");
  const from = {
    id: optionalString(body.visitor, "id", "visitor.id"),
    user_id: optionalString(body.visitor, "user_id", "visitor.user_id"),
    email: optionalString(body.visitor, "email", "visitor.email"),
  };
  if (!from.id && !from.user_id && !from.email) throw badRequest("parameter_not_found", "visitor needs one of id, user_id or email", "visitor");
  const to = {
    id: optionalString(body.user, "id", "user.id"),
    user_id: optionalString(body.user, "user_id", "user.user_id"),
    email: optionalString(body.user, "email", "user.email"),
  };
  if (!to.id && !to.user_id) throw badRequest("parameter_not_found", "user needs one of id or user_id", "user");

  const ws = ctx.ws;
  const visitor = ws.visitors.find((v) =>
    from.id ? v.id === from.id : from.user_id ? v.user_id === from.user_id : v.email !== "" && v.email.toLowerCase() === from.email!.toLowerCase(),
  );
  if (!visitor) throw visitorNotFound();

  const at = nowSeconds(ctx);
  let contact = to.id
    ? ws.contacts.find((c) => c.id === to.id)
    : ws.contacts.find((c) => c.role === "user" && c.external_id === to.user_id);
  if (to.id && !contact) throw notFound("not_found", "User Not Found");
  if (contact) {
    // Merge: the user keeps its identity and gains what it lacked.
    if (to.email && !contact.email) contact.email = to.email;
    contact.name ??= visitor.name;
    contact.updated_at = Math.max(contact.updated_at, at);
  } else {
    const email = to.email ?? visitor.email;
    const taken = email && body.type === "user" ? ws.contacts.find((c) => c.role === "user" && c.email.toLowerCase() === email.toLowerCase()) : undefined;
    if (taken) throw new ApiError(409, "conflict", `A contact matching those details already exists with id=${taken.id}`);
    contact = contactFromVisitor(ws, visitor, body.type, to.user_id ?? null, email, at);
    ws.contacts.push(contact);
  }
  ws.lastWriteAt.contacts.set(contact.id, ctx.now());
  ws.visitors = ws.visitors.filter((v) => v !== visitor);
  return contact;
}

export const visitorsGroup: ApiGroup = {
  tag: "Visitors",
  routes: [
    { operationId: "retrieveVisitorWithUserId", method: "GET", path: "/visitors", handler: retrieveVisitor },
    { operationId: "updateVisitor", method: "PUT", path: "/visitors", handler: updateVisitor },
    { operationId: "convertVisitor", method: "POST", path: "/visitors/convert", handler: convertVisitor },
  ],
};
