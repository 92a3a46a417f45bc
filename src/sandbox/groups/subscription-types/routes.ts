// Subscription types: listed, and a contact's choice of one made or taken back.
import type { RestSubscriptionType, RestSubscriptionTypeList } from "../../../generated/rest/subscription-types.js";
import { badRequest, notFound } from "../../errors.js";
import { findContact } from "../../lookups.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { requireBody } from "../../validate.js";
import { choose, unchoose } from "./choices.js";
import type { SubscriptionTypeRecord } from "./records.js";

function findType(ctx: RouteContext, id: unknown): SubscriptionTypeRecord {
  const type = ctx.ws.subscriptionTypes.find((t) => t.id === String(id));
  if (!type) throw notFound("not_found", "Resource Not Found");
  return type;
}

/** POST /contacts/{id}/subscriptions — id and consent_type required; consent_type must be the type's own. */
function attachSubscription(ctx: RouteContext, { params, body }: RouteInput): RestSubscriptionType {
  const fields = requireBody(body);
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
  choose(ctx.ws, contact, type);
  contact.updated_at = Math.max(contact.updated_at, Math.floor(ctx.now() / 1000));
  return type;
}

/** DELETE /contacts/{id}/subscriptions/{subscription_id} — back to the default; answers the type even if no choice was set. */
function detachSubscription(ctx: RouteContext, { params }: RouteInput): RestSubscriptionType {
  const contact = findContact(ctx.ws, params.contact_id);
  const type = findType(ctx, params.subscription_id);
  unchoose(ctx.ws, contact, type);
  contact.updated_at = Math.max(contact.updated_at, Math.floor(ctx.now() / 1000));
  return type;
}

export const subscriptionTypesGroup: ApiGroup = {
  tag: "Subscription Types",
  routes: [
    { operationId: "listSubscriptionTypes", method: "GET", path: "/subscription_types", handler: ({ ws }): RestSubscriptionTypeList => ({ type: "list", data: ws.subscriptionTypes }) },
    { operationId: "attachSubscriptionTypeToContact", method: "POST", path: "/contacts/:contact_id/subscriptions", handler: attachSubscription },
    { operationId: "detachSubscriptionTypeToContact", method: "DELETE", path: "/contacts/:contact_id/subscriptions/:subscription_id", handler: detachSubscription },
  ],
};
