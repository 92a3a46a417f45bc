// Sandbox resource module: Subscriptions. The workspace's subscription types, and each contact's
// explicit choices (opted out of an opt-out type, or in to an opt-in one), kept beside the
// contacts: the document's contact schema has no lists of them.
import { badRequest, notFound } from "../errors.js";
import type { ResourceModule } from "../resource.js";
import type { Rng } from "../rng.js";
import type { RouteContext, RouteInput } from "../routes.js";
import type { Contact, Workspace } from "../types.js";
import { findContact } from "./contacts.js";

interface Translation {
  name: string;
  description: string;
  locale: string;
}

/** `subscription_type` schema. */
export interface SubscriptionTypeRecord {
  type: "subscription";
  id: string;
  state: "live" | "draft" | "archived";
  default_translation: Translation;
  translations: Translation[];
  consent_type: "opt_out" | "opt_in";
  content_types: Array<"email" | "sms_message">;
}

/** The workspace collections this module owns. */
export interface SubscriptionsState {
  subscriptionTypes: SubscriptionTypeRecord[];
  /** Per contact id, the ids of the subscription types it chose, in the order chosen. */
  subscriptionChoices: Map<string, string[]>;
}

const DEFS: Array<Omit<SubscriptionTypeRecord, "type" | "id" | "default_translation" | "translations"> & { en: [string, string]; de?: [string, string] }> = [
  { state: "live", consent_type: "opt_out", content_types: ["email"], en: ["Newsletters", "Our monthly newsletter with tips and stories"], de: ["Newsletter", "Unser monatlicher Newsletter mit Tipps und Geschichten"] },
  { state: "live", consent_type: "opt_out", content_types: ["email"], en: ["Product updates", "Announcements of new features and improvements"], de: ["Produkt-Updates", "Ankündigungen neuer Funktionen"] },
  { state: "live", consent_type: "opt_in", content_types: ["sms_message"], en: ["SMS promotions", "Offers and discounts by text message"] },
  { state: "live", consent_type: "opt_in", content_types: ["email", "sms_message"], en: ["Beta program", "Early access to features in beta"] },
  { state: "archived", consent_type: "opt_out", content_types: ["email"], en: ["Webinars", "Invitations to our live webinars"] },
];

function seed(ws: Workspace, rng: Rng): void {
  ws.subscriptionTypes = DEFS.map((d, i) => {
    const en = { name: d.en[0], description: d.en[1], locale: "en" };
    const translations = [en, ...(d.de ? [{ name: d.de[0], description: d.de[1], locale: "de" }] : [])];
    return { type: "subscription", id: String(37846 + i), state: d.state, default_translation: en, translations, consent_type: d.consent_type, content_types: d.content_types };
  });
  ws.subscriptionChoices = new Map();
  // About a third of the contacts made explicit choices: opted out of an opt-out type or in to an opt-in one.
  const live = ws.subscriptionTypes.filter((t) => t.state === "live");
  for (const contact of ws.contacts) {
    if (!rng.chance(0.35)) continue;
    for (const type of rng.sample(live, rng.int(1, 2))) attach(ws, contact, type);
  }
}

function attach(ws: Workspace, contact: Contact, type: SubscriptionTypeRecord): void {
  const chosen = ws.subscriptionChoices.get(contact.id) ?? [];
  if (!chosen.includes(type.id)) ws.subscriptionChoices.set(contact.id, [...chosen, type.id]);
}

function detach(ws: Workspace, contact: Contact, type: SubscriptionTypeRecord): void {
  const chosen = ws.subscriptionChoices.get(contact.id)?.filter((id) => id !== type.id) ?? [];
  if (chosen.length > 0) ws.subscriptionChoices.set(contact.id, chosen);
  else ws.subscriptionChoices.delete(contact.id);
}

function findType(ctx: RouteContext, id: unknown): SubscriptionTypeRecord {
  const type = ctx.ws.subscriptionTypes.find((t) => t.id === String(id));
  if (!type) throw notFound("not_found", "Resource Not Found");
  return type;
}

/** The contact's explicit choices, in the order of the workspace's types. */
function contactSubscriptions(ctx: RouteContext, { params }: RouteInput) {
  const contact = findContact(ctx.ws, params.contact_id);
  const chosen = new Set(ctx.ws.subscriptionChoices.get(contact.id));
  return { type: "list", data: ctx.ws.subscriptionTypes.filter((t) => chosen.has(t.id)) };
}

/** POST /contacts/{id}/subscriptions — id and consent_type required; consent_type must be the type's own. */
function attachSubscription(ctx: RouteContext, { params, body }: RouteInput) {
  const fields = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (!fields) throw badRequest("bad_request", "The request body must be a JSON object");
  if (fields.id === undefined || fields.id === null || fields.id === "") throw badRequest("parameter_not_found", "id is a required parameter", "id");
  if (typeof fields.id !== "string" && typeof fields.id !== "number") throw badRequest("parameter_invalid", "id must be a string", "id");
  if (fields.consent_type === undefined || fields.consent_type === null) {
    throw badRequest("parameter_not_found", "consent_type is a required parameter", "consent_type");
  }
  if (fields.consent_type !== "opt_in" && fields.consent_type !== "opt_out") {
    throw badRequest("parameter_invalid", "consent_type must be one of opt_in, opt_out", "consent_type");
  }
  const contact = findContact(ctx.ws, params.contact_id);
  const type = findType(ctx, fields.id);
  if (type.state !== "live") throw badRequest("parameter_invalid", "Subscription type is not live", "id");
  if (type.consent_type !== fields.consent_type) {
    throw badRequest("parameter_invalid", `consent_type must be ${type.consent_type} for this subscription type`, "consent_type");
  }
  attach(ctx.ws, contact, type);
  contact.updated_at = Math.max(contact.updated_at, Math.floor(ctx.now() / 1000));
  return type;
}

/** DELETE /contacts/{id}/subscriptions/{subscription_id} — back to the default; answers the type even if no choice was set. */
function detachSubscription(ctx: RouteContext, { params }: RouteInput) {
  const contact = findContact(ctx.ws, params.contact_id);
  const type = findType(ctx, params.subscription_id);
  detach(ctx.ws, contact, type);
  contact.updated_at = Math.max(contact.updated_at, Math.floor(ctx.now() / 1000));
  return type;
}

export const subscriptionsResource: ResourceModule = {
  name: "subscriptions",
  seed,
  routes: [
    { operationId: "listSubscriptionTypes", method: "GET", path: "/subscription_types", handler: ({ ws }) => ({ type: "list", data: ws.subscriptionTypes }) },
    { operationId: "listSubscriptionsForAContact", method: "GET", path: "/contacts/:contact_id/subscriptions", handler: contactSubscriptions },
    { operationId: "attachSubscriptionTypeToContact", method: "POST", path: "/contacts/:contact_id/subscriptions", handler: attachSubscription },
    { operationId: "detachSubscriptionTypeToContact", method: "DELETE", path: "/contacts/:contact_id/subscriptions/:subscription_id", handler: detachSubscription },
  ],
};
