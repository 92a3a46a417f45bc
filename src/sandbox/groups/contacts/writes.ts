// What writes make of contacts: blank contacts, new leads, the search index told, and the
// company counts kept in step.
import { randomBytes } from "node:crypto";
import type { RouteContext } from "../../router.js";
import { nowSeconds } from "../../validate.js";
import type { Workspace } from "../../workspace.js";
import type { Contact } from "./records.js";

/** A contact with every attribute Intercom knows nothing about yet; other groups spread their own values over it. */
export function blankContact(ws: Workspace, id: string, role: "user" | "lead", at: number): Contact {
  const list = (what: string) => ({ data: [], url: `/contacts/${id}/${what}`, total_count: 0, has_more: false });
  return {
    type: "contact",
    id,
    workspace_id: ws.app.id_code,
    external_id: null,
    role,
    email: "",
    email_domain: "",
    phone: null,
    formatted_phone: null,
    name: null,
    owner_id: null,
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: false,
    created_at: at,
    updated_at: at,
    signed_up_at: null,
    last_seen_at: null,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: null,
    browser_version: null,
    browser_language: null,
    os: null,
    android_app_name: null,
    android_app_version: null,
    android_device: null,
    android_os_version: null,
    android_sdk_version: null,
    android_last_seen_at: null,
    ios_app_name: null,
    ios_app_version: null,
    ios_device: null,
    ios_os_version: null,
    ios_sdk_version: null,
    ios_last_seen_at: null,
    custom_attributes: {},
    avatar: null,
    tags: list("tags"),
    notes: list("notes"),
    companies: { type: "list", ...list("companies") },
    location: { type: "location", country: null, region: null, city: null },
    social_profiles: { data: [] },
  };
}

/** A write to a contact: updated_at bumped; search does not see it for searchIndexLagMs. */
export function written(ctx: RouteContext, contact: Contact): Contact {
  contact.updated_at = Math.max(contact.updated_at, nowSeconds(ctx));
  // Search does not see the write for searchIndexLagMs.
  ctx.ws.lastWriteAt.contacts.set(contact.id, ctx.now());
  return contact;
}

export const newId = () => randomBytes(12).toString("hex");

/**
 * A new lead for an email nobody in the workspace has: what adding a participant by email
 * ("we will create a new contact with role lead") and creating a ticket for an email do.
 */
export function createLead(ctx: RouteContext, email: string): Contact {
  const lead: Contact = { ...blankContact(ctx.ws, newId(), "lead", nowSeconds(ctx)), email, email_domain: email.split("@")[1] ?? "" };
  ctx.ws.contacts.push(lead);
  ctx.ws.lastWriteAt.contacts.set(lead.id, ctx.now());
  return lead;
}

/** Takes the contact out of its companies' user counts. */
export function detachFromCompanies(ws: Workspace, contact: Contact): void {
  for (const ref of contact.companies.data) {
    const company = ws.companies.find((c) => c.id === ref.id);
    if (company && company.user_count > 0) company.user_count--;
  }
}
