// The attributes of a contact write (create_contact_request / update_contact_request),
// checked, checked for uniqueness, and applied.
import { ApiError, badRequest } from "../../errors.js";
import type { CustomAttributes } from "../../records.js";
import { isObject } from "../../validate.js";
import type { Workspace } from "../../workspace.js";
import type { Contact } from "./records.js";

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The attributes of create_contact_request / update_contact_request, checked. */
export interface ContactAttributes {
  role?: "user" | "lead";
  external_id?: string;
  email?: string;
  phone?: string | null;
  name?: string | null;
  avatar?: string | null;
  signed_up_at?: number | null;
  last_seen_at?: number | null;
  owner_id?: number | null;
  unsubscribed_from_emails?: boolean;
  custom_attributes?: CustomAttributes;
}

export function readAttributes(ws: Workspace, body: Record<string, unknown>): ContactAttributes {
  const out: ContactAttributes = {};
  const invalid = (field: string, message: string) => badRequest("parameter_invalid", message, field);
  const str = (field: string, nullable: boolean): string | null | undefined => {
    const v = body[field];
    if (v === undefined || (v === null && nullable)) return v as null | undefined;
    if (typeof v !== "string") throw invalid(field, `${field} must be a string`);
    return v;
  };
  const timestamp = (field: string): number | null | undefined => {
    const v = body[field];
    if (v === undefined || v === null) return v as null | undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw invalid(field, `${field} must be a Unix timestamp (integer seconds)`);
    return v;
  };

  const role = str("role", false);
  if (role !== undefined) {
    if (role !== "user" && role !== "lead") throw invalid("role", "role must be one of user, lead");
    out.role = role;
  }
  const externalId = str("external_id", false);
  if (externalId !== undefined) {
    if (externalId!.trim() === "") throw invalid("external_id", "external_id must not be blank");
    out.external_id = externalId!;
  }
  const email = str("email", false);
  if (email !== undefined) {
    if (!EMAIL.test(email!)) throw invalid("email", "email is not a valid email address");
    out.email = email!;
  }
  for (const field of ["phone", "name", "avatar"] as const) {
    const v = str(field, true);
    if (v !== undefined) out[field] = v;
  }
  for (const field of ["signed_up_at", "last_seen_at"] as const) {
    const v = timestamp(field);
    if (v !== undefined) out[field] = v;
  }
  const owner = body.owner_id;
  if (owner === null) out.owner_id = null;
  else if (owner !== undefined) {
    // The document says integer; numeric strings are accepted as Intercom does.
    const n = typeof owner === "number" ? owner : typeof owner === "string" && /^\d+$/.test(owner) ? Number(owner) : NaN;
    if (!Number.isInteger(n)) throw invalid("owner_id", "owner_id must be an integer");
    if (!ws.admins.some((a) => a.id === String(n))) throw invalid("owner_id", "owner_id must be the id of an admin of the workspace");
    out.owner_id = n;
  }
  const unsubscribed = body.unsubscribed_from_emails;
  if (unsubscribed !== undefined && unsubscribed !== null) {
    if (typeof unsubscribed !== "boolean") throw invalid("unsubscribed_from_emails", "unsubscribed_from_emails must be a boolean");
    out.unsubscribed_from_emails = unsubscribed;
  }
  const attrs = body.custom_attributes;
  if (attrs !== undefined && attrs !== null) {
    if (!isObject(attrs)) throw invalid("custom_attributes", "custom_attributes must be an object");
    for (const [k, v] of Object.entries(attrs)) {
      if (v !== null && !["string", "number", "boolean"].includes(typeof v)) {
        throw invalid("custom_attributes", `custom_attributes.${k} must be a string, number, boolean or null`);
      }
    }
    out.custom_attributes = attrs as CustomAttributes;
  }
  return out;
}

/**
 * Intercom's uniqueness rules: an external_id names one contact; an email names
 * one user (leads may share emails). A clash answers 409, naming the contact.
 */
export function checkUnique(ws: Workspace, self: { id: string | null; role: "user" | "lead" }, attrs: ContactAttributes): void {
  const clashes = (c: Contact) =>
    c.id !== self.id &&
    ((attrs.external_id !== undefined && c.external_id === attrs.external_id) ||
      (attrs.email !== undefined && self.role === "user" && c.role === "user" && c.email.toLowerCase() === attrs.email.toLowerCase()));
  const live = ws.contacts.find(clashes);
  if (live) throw new ApiError(409, "conflict", `A contact matching those details already exists with id=${live.id}`);
  const archived = ws.archivedContacts.find(clashes);
  if (archived) throw new ApiError(409, "conflict", `An archived contact matching those details already exists with id=${archived.id}`);
}

export function applyAttributes(contact: Contact, attrs: ContactAttributes): void {
  if (attrs.role !== undefined) contact.role = attrs.role;
  if (attrs.external_id !== undefined) contact.external_id = attrs.external_id;
  if (attrs.email !== undefined) {
    contact.email = attrs.email;
    contact.email_domain = attrs.email.split("@")[1]!.toLowerCase();
  }
  if (attrs.phone !== undefined) {
    contact.phone = attrs.phone;
    contact.formatted_phone = attrs.phone === null ? null : attrs.phone.replace(/[^\d+]/g, "");
  }
  if (attrs.name !== undefined) contact.name = attrs.name;
  if (attrs.avatar !== undefined) contact.avatar = attrs.avatar === null ? null : { type: "avatar", image_url: attrs.avatar };
  if (attrs.signed_up_at !== undefined) contact.signed_up_at = attrs.signed_up_at;
  if (attrs.last_seen_at !== undefined) contact.last_seen_at = attrs.last_seen_at;
  if (attrs.owner_id !== undefined) contact.owner_id = attrs.owner_id;
  if (attrs.unsubscribed_from_emails !== undefined) contact.unsubscribed_from_emails = attrs.unsubscribed_from_emails;
  if (attrs.custom_attributes !== undefined) Object.assign(contact.custom_attributes, attrs.custom_attributes);
}
