// Request checks shared by every sandbox route: they answer the way Intercom does
// (400 with `parameter_not_found` / `parameter_invalid` / `bad_request` and the field at fault).
import { badRequest } from "./errors.js";
import type { PartAttachment } from "./groups/conversations/records.js";
import type { RouteContext } from "./router.js";

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The route context's clock in Unix seconds, as Intercom's timestamps are. */
export const nowSeconds = (ctx: RouteContext) => Math.floor(ctx.now() / 1000);

export function requireBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  return body;
}

/** As requireBody, but no body at all reads as `{}` (the help center's writes). */
export function bodyOrEmpty(body: unknown): Record<string, unknown> {
  return body === undefined ? {} : requireBody(body);
}

/** An id in a request body: required, string or integer (the document types ids as strings, its examples send integers). */
export function requireId(body: Record<string, unknown>, field: string, label = field): string {
  const v = body[field];
  if (v === undefined || v === null || v === "") throw badRequest("parameter_not_found", `${label} is a required parameter`, label);
  if (typeof v !== "string" && typeof v !== "number") throw badRequest("parameter_invalid", `${label} must be a string`, label);
  return String(v);
}

/** A required string: absent, null or "" is parameter_not_found. */
export function requireString(body: Record<string, unknown>, field: string, label = field): string {
  const v = body[field];
  if (v === undefined || v === null || v === "") throw badRequest("parameter_not_found", `${label} is a required parameter`, label);
  if (typeof v !== "string") throw badRequest("parameter_invalid", `${label} must be a string`, label);
  return v;
}

/** `label` names the field in the error (e.g. "visitor.email" for a nested object's field). */
export function optionalString(body: Record<string, unknown>, field: string, label = field): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest("parameter_invalid", `${label} must be a string`, label);
  return v;
}

/** Ids the schema types as integers: an integer or a numeric string (what most clients send); null stays null. */
export function optionalId(body: Record<string, unknown>, field: string): string | null | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (v === null) return null;
  if ((typeof v === "number" && Number.isInteger(v)) || (typeof v === "string" && /^\d+$/.test(v))) return String(v);
  throw badRequest("parameter_invalid", `${field} must be an integer id`, field);
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw badRequest("parameter_invalid", `${field} must be a boolean`, field);
  return v;
}

export function optionalTimestamp(body: Record<string, unknown>, field: string): number | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw badRequest("parameter_invalid", `${field} must be a Unix timestamp (integer seconds)`, field);
  return v;
}

/** `attachment_urls` of a reply: up to 10 URLs, turned into part attachments. */
export function attachmentsFrom(body: Record<string, unknown>): PartAttachment[] {
  const urls = body.attachment_urls;
  if (urls === undefined || urls === null) return [];
  if (!Array.isArray(urls) || urls.some((u) => typeof u !== "string")) {
    throw badRequest("parameter_invalid", "attachment_urls must be an array of URLs", "attachment_urls");
  }
  if (urls.length > 10) throw badRequest("parameter_invalid", "attachment_urls can include up to 10 URLs", "attachment_urls");
  return (urls as string[]).map((url) => ({
    type: "upload",
    name: url.split("/").pop() || "attachment",
    url,
    content_type: "application/octet-stream",
    filesize: 0,
    width: 0,
    height: 0,
  }));
}

/** `custom_attributes` of a write: an object of strings, numbers, booleans or nulls, or undefined when absent. */
export function flatCustomAttributes(body: Record<string, unknown>): Record<string, string | number | boolean | null> | undefined {
  const attrs = body.custom_attributes;
  if (attrs === undefined || attrs === null) return undefined;
  if (!isObject(attrs)) throw badRequest("parameter_invalid", "custom_attributes must be an object", "custom_attributes");
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== null && !["string", "number", "boolean"].includes(typeof v)) {
      throw badRequest("parameter_invalid", `custom_attributes.${k} must be a string, number, boolean or null`, "custom_attributes");
    }
  }
  return attrs as Record<string, string | number | boolean | null>;
}

/** What every reply (to a conversation or a ticket) carries: who replies, how, and the common fields. */
export function replyFields(body: Record<string, unknown>, adminMessageTypes: readonly string[]) {
  const messageType = body.message_type;
  const type = body.type;
  if (messageType === undefined || messageType === null) throw badRequest("parameter_not_found", "message_type is a required parameter", "message_type");
  if (type === undefined || type === null) throw badRequest("parameter_not_found", "type is a required parameter", "type");
  if (type !== "admin" && type !== "user") throw badRequest("parameter_invalid", "type must be one of admin, user", "type");
  const allowed = type === "admin" ? adminMessageTypes : ["comment"];
  if (typeof messageType !== "string" || !allowed.includes(messageType)) {
    throw badRequest("parameter_invalid", `message_type must be one of ${allowed.join(", ")} for ${type} replies`, "message_type");
  }
  return {
    type: type as "admin" | "user",
    messageType,
    text: optionalString(body, "body"),
    createdAt: optionalTimestamp(body, "created_at"),
    attachments: attachmentsFrom(body),
  };
}
