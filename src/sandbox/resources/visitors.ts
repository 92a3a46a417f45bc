// Sandbox resource module: Visitors. Anonymous website visitors, found by user_id, updated by
// id or user_id, and converted into contacts (merged into an existing user, or becoming one).
import { ApiError, badRequest, notFound } from "../errors.js";
import type { ResourceModule } from "../resource.js";
import { blankContact } from "./contacts.js";
import type { Rng } from "../rng.js";
import type { RouteContext, RouteInput } from "../routes.js";
import { SEED_BASE_TIME } from "../seed.js";
import type { Company, Contact, Tag, Workspace } from "../types.js";
import { flatCustomAttributes, isObject, nowSeconds } from "../validate.js";

/**
 * `visitor` schema, with its properties as the schema spells them: `las_request_at` (the
 * document's own visitor examples say `last_request_at`; the gateway reads either).
 */
export interface VisitorRecord {
  type: "visitor";
  id: string;
  user_id: string;
  anonymous: boolean;
  email: string;
  phone: string | null;
  name: string | null;
  pseudonym: string | null;
  avatar: { type: "avatar"; image_url: string | null };
  app_id: string;
  companies: { type: "company.list"; companies: Company[] };
  location_data: {
    type: "location_data";
    city_name?: string;
    continent_code?: string;
    country_code?: string;
    country_name?: string;
    postal_code?: string;
    region_name?: string;
    timezone?: string;
  };
  /** Absent when the visitor made no request yet (the schema does not allow null). */
  las_request_at?: number;
  created_at: number;
  remote_created_at: number;
  signed_up_at: number;
  updated_at: number;
  session_count: number;
  social_profiles: { type: "social_profile.list"; social_profiles: string[] };
  owner_id: string | null;
  unsubscribed_from_emails: boolean;
  marked_email_as_spam: boolean;
  has_hard_bounced: boolean;
  tags: { type: "tag.list"; tags: Tag[] };
  segments: { type: "segment.list"; segments: string[] };
  custom_attributes: Record<string, string | number | boolean | null>;
  referrer: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_medium: string | null;
  utm_source: string | null;
  utm_term: string | null;
  do_not_track: boolean | null;
}

/** The workspace collections this module owns. */
export interface VisitorsState {
  visitors: VisitorRecord[];
}

const DAY = 86_400;
const COLOURS = ["Indigo", "Amber", "Crimson", "Teal", "Olive", "Coral", "Violet", "Silver"] as const;
const CREATURES = ["Ghost", "Duck", "Fox", "Owl", "Otter", "Panda", "Lynx", "Robin"] as const;
const PLACES = [
  { city_name: "Dublin", region_name: "Leinster", country_name: "Ireland", country_code: "IRL", continent_code: "EU", postal_code: "D02 N960", timezone: "Europe/Dublin" },
  { city_name: "London", region_name: "England", country_name: "United Kingdom", country_code: "GBR", continent_code: "EU", postal_code: "EC1A 1BB", timezone: "Europe/London" },
  { city_name: "Austin", region_name: "Texas", country_name: "United States", country_code: "USA", continent_code: "NA", postal_code: "78701", timezone: "America/Chicago" },
  { city_name: "Berlin", region_name: "Berlin", country_name: "Germany", country_code: "DEU", continent_code: "EU", postal_code: "10115", timezone: "Europe/Berlin" },
  { city_name: "Tokyo", region_name: "Tokyo", country_name: "Japan", country_code: "JPN", continent_code: "AS", postal_code: "100-0001", timezone: "Asia/Tokyo" },
] as const;
const REFERRERS = ["https://www.google.com/", "https://news.ycombinator.com/", "https://www.linkedin.com/"] as const;


function seed(ws: Workspace, rng: Rng): void {
  ws.visitors = [];
  for (let i = 0; i < 40; i++) {
    const created = SEED_BASE_TIME - rng.int(1, 120) * DAY - rng.int(0, DAY);
    const updated = Math.min(SEED_BASE_TIME - 1, created + rng.int(0, 20) * DAY);
    const pseudonym = `${rng.pick(COLOURS)} ${rng.pick(CREATURES)}`;
    const place = rng.chance(0.8) ? rng.pick(PLACES) : null;
    // A few visitors told the messenger who they are.
    const named = rng.chance(0.25);
    const campaign = rng.chance(0.3);
    ws.visitors.push({
      type: "visitor",
      id: rng.hex(24),
      user_id: rng.uuid(),
      anonymous: !named,
      // The schema requires a valid email (its examples send ""): every seeded visitor left one in the messenger.
      email: `visitor${i + 1}@${rng.pick(["gmail.com", "outlook.com", "proton.me"])}`,
      phone: named && rng.chance(0.3) ? `+1415555${String(rng.int(0, 9999)).padStart(4, "0")}` : null,
      name: named ? `Visitor ${i + 1}` : null,
      pseudonym: place ? `${pseudonym} from ${place.city_name}` : pseudonym,
      avatar: { type: "avatar", image_url: `https://static.intercomassets.com/app/pseudonym_avatars_2019/${pseudonym.toLowerCase().replace(" ", "-")}.png` },
      app_id: ws.app.id_code,
      companies: { type: "company.list", companies: rng.chance(0.15) ? [rng.pick(ws.companies)] : [] },
      location_data: { type: "location_data", ...(place ?? {}) },
      ...(rng.chance(0.9) ? { las_request_at: updated } : {}),
      created_at: created,
      remote_created_at: created,
      signed_up_at: created,
      updated_at: updated,
      session_count: rng.int(1, 12),
      social_profiles: { type: "social_profile.list", social_profiles: [] },
      owner_id: rng.chance(0.4) ? rng.pick(ws.admins).id : null,
      unsubscribed_from_emails: false,
      marked_email_as_spam: false,
      has_hard_bounced: false,
      tags: { type: "tag.list", tags: rng.sample(ws.tags, rng.weighted([[0, 6], [1, 3], [2, 1]] as const)).map((t) => ({ type: "tag", id: t.id, name: t.name })) },
      // Segment ids, as the schema lists them (the companies module seeds ws.segments before this module runs).
      segments: { type: "segment.list", segments: rng.chance(0.3) && ws.segments?.length ? [rng.pick(ws.segments).id] : [] },
      custom_attributes: rng.chance(0.5) ? { landing_page: rng.pick(["/pricing", "/features", "/blog/launch"]) } : {},
      referrer: rng.chance(0.5) ? rng.pick(REFERRERS) : null,
      utm_campaign: campaign ? "autumn_launch" : null,
      utm_content: campaign ? "banner" : null,
      utm_medium: campaign ? "cpc" : null,
      utm_source: campaign ? "google" : null,
      utm_term: campaign ? "helpdesk" : null,
      do_not_track: rng.chance(0.1) ? true : null,
    });
  }
}


function optionalString(body: Record<string, unknown>, field: string, prefix = ""): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest("parameter_invalid", `${prefix}${field} must be a string`, `${prefix}${field}`);
  return v;
}

const visitorNotFound = () => notFound("not_found", "Visitor Not Found");

/** GET /visitors?user_id= */
function retrieveVisitor({ ws }: RouteContext, { query }: RouteInput) {
  if (!query.user_id) throw badRequest("parameter_not_found", "user_id is a required parameter", "user_id");
  const visitor = ws.visitors.find((v) => v.user_id === query.user_id);
  if (!visitor) throw visitorNotFound();
  return visitor;
}

/** PUT /visitors — found by id or user_id; name and custom_attributes change. */
function updateVisitor(ctx: RouteContext, { body }: RouteInput) {
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
function convertVisitor(ctx: RouteContext, { body }: RouteInput) {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  if (body.type === undefined || body.type === null) throw badRequest("parameter_not_found", "type is a required parameter", "type");
  if (body.type !== "user" && body.type !== "lead") throw badRequest("parameter_invalid", "type must be one of user, lead", "type");
  if (!isObject(body.visitor)) throw badRequest("parameter_not_found", "visitor is a required parameter", "visitor");
  if (!isObject(body.user)) throw badRequest("parameter_not_found", "user is a required parameter", "user");
  const from = {
    id: optionalString(body.visitor, "id", "visitor."),
    user_id: optionalString(body.visitor, "user_id", "visitor."),
    email: optionalString(body.visitor, "email", "visitor."),
  };
  if (!from.id && !from.user_id && !from.email) throw badRequest("parameter_not_found", "visitor needs one of id, user_id or email", "visitor");
  const to = {
    id: optionalString(body.user, "id", "user."),
    user_id: optionalString(body.user, "user_id", "user."),
    email: optionalString(body.user, "email", "user."),
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

export const visitorsResource: ResourceModule = {
  name: "visitors",
  seed,
  routes: [
    { operationId: "retrieveVisitorWithUserId", method: "GET", path: "/visitors", handler: retrieveVisitor },
    { operationId: "updateVisitor", method: "PUT", path: "/visitors", handler: updateVisitor },
    { operationId: "convertVisitor", method: "POST", path: "/visitors/convert", handler: convertVisitor },
  ],
};
