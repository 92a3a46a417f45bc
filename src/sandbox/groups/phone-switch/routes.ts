// Phone switch: POST /phone_call_redirects.
import { randomUUID } from "node:crypto";
import type { RestPhoneSwitch } from "../../../generated/rest/phone-switch.js";
import type { CustomAttributes } from "../../records.js";
import { RawResponse, type ApiGroup, type RouteContext, type RouteInput } from "../../router.js";
import { isObject, nowSeconds, requireBody, requireString } from "../../validate.js";
import type { SandboxPhoneSwitch } from "./records.js";

/** E.164 after dropping spaces, dashes, dots and parentheses: "+", then 8 to 15 digits. */
function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, "");
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
}

/** POST /phone_call_redirects — "sends" an SMS with a Messenger link; custom attributes land on the contact with that phone. */
function createPhoneSwitch(ctx: RouteContext, { body: raw }: RouteInput): RestPhoneSwitch | RawResponse {
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
  return { type: record.type, phone: record.phone }; // the 2.11 phone_switch schema: no url
}

export const phoneSwitchGroup: ApiGroup = {
  tag: "Switch",
  routes: [{ operationId: "createPhoneSwitch", method: "POST", path: "/phone_call_redirects", handler: createPhoneSwitch }],
};
