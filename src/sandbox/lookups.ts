// Lookups several groups make, with the answers Intercom gives when they miss.
import { ApiError, notFound } from "./errors.js";
import type { Admin } from "./groups/admins/records.js";
import type { Contact } from "./groups/contacts/records.js";
import type { Conversation } from "./groups/conversations/records.js";
import type { Tag } from "./groups/tags/records.js";
import type { Workspace } from "./workspace.js";

/** Ids arrive as strings or integers. */
export const findAdmin = (ws: Workspace, id: unknown): Admin | undefined => ws.admins.find((a) => a.id === String(id));

/**
 * The admin with this id, or 404 admin_not_found. Intercom words the miss two ways: "Admin for
 * admin_id not found" where a request acts on behalf of an admin, "Admin not found" elsewhere.
 */
export function requireAdmin(ws: Workspace, id: unknown, message = "Admin for admin_id not found"): Admin {
  const admin = findAdmin(ws, id);
  if (!admin) throw new ApiError(404, "admin_not_found", message);
  return admin;
}

/** The contact with this id, or Intercom's 404. */
export function findContact(ws: Workspace, id: string | undefined): Contact {
  const contact = ws.contacts.find((c) => c.id === id);
  if (!contact) throw notFound("not_found", "User Not Found");
  return contact;
}

/**
 * The contact a request names by its Intercom id, its external id (`user_id`) or its email
 * (case-insensitive): the first of them given decides.
 */
export function contactNamed(ws: Workspace, by: { id?: string; externalId?: string; email?: string }): Contact | undefined {
  if (by.id !== undefined) return ws.contacts.find((c) => c.id === by.id);
  if (by.externalId !== undefined) return ws.contacts.find((c) => c.external_id === by.externalId);
  if (by.email !== undefined) return ws.contacts.find((c) => c.email.toLowerCase() === by.email!.toLowerCase());
  return undefined;
}

/** The conversation with this id, or 404 not_found (the tag operations word it "Conversation not found"). */
export function findConversation(ws: Workspace, id: string | undefined, message = "Resource Not Found"): Conversation {
  const conversation = ws.conversations.find((c) => c.id === id);
  if (!conversation) throw notFound("not_found", message);
  return conversation;
}

/** Ids arrive as strings or integers. */
export const findTag = (ws: Workspace, id: unknown): Tag | undefined => ws.tags.find((t) => t.id === String(id));
