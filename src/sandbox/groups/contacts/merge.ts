// POST /contacts/merge: a lead merged into a user, who keeps what it has and gains what the lead
// had (references, notes, conversations); the lead is gone afterwards.
import { badRequest } from "../../errors.js";
import type { RestContact } from "../../../generated/rest/contacts.js";
import { findContact } from "../../lookups.js";
import type { RouteContext } from "../../router.js";
import { requireBody } from "../../validate.js";
import type { Contact } from "./records.js";
import { detachFromCompanies, written } from "./writes.js";

/** Adds the references `extra` holds that `into` lacks. */
function mergeRefs(into: Contact["tags"], extra: Contact["tags"]): void {
  for (const ref of extra.data) if (!into.data.some((r) => r.id === ref.id)) into.data.push(ref);
  into.total_count = into.data.length;
}

export function mergeContacts(ctx: RouteContext, rawBody: unknown): RestContact {
  const body = requireBody(rawBody);
  for (const field of ["from", "into"] as const) {
    if (body[field] === undefined || body[field] === null || body[field] === "") {
      throw badRequest("parameter_not_found", `${field} is a required parameter`, field);
    }
    if (typeof body[field] !== "string") throw badRequest("parameter_invalid", `${field} must be a string`, field);
  }
  const { ws } = ctx;
  const from = findContact(ws, body.from as string);
  const into = findContact(ws, body.into as string);
  if (from.id === into.id) throw badRequest("parameter_invalid", "Cannot merge a contact into itself", "into");
  if (from.role !== "lead") throw badRequest("parameter_invalid", "The contact to merge from must be a lead", "from");
  if (into.role !== "user") throw badRequest("parameter_invalid", "The contact to merge into must be a user", "into");

  // The user keeps what it has; the lead fills the gaps.
  for (const key of ["phone", "formatted_phone", "name", "language_override", "browser", "browser_version", "browser_language", "os"] as const) {
    if (into[key] === null) into[key] = from[key];
  }
  if (into.email === "" && from.email !== "") {
    into.email = from.email;
    into.email_domain = from.email_domain;
  }
  into.avatar ??= from.avatar;
  if (into.location.country === null) into.location = from.location;
  into.last_seen_at = Math.max(into.last_seen_at ?? 0, from.last_seen_at ?? 0) || null;
  into.custom_attributes = { ...from.custom_attributes, ...into.custom_attributes };
  mergeRefs(into.tags, from.tags);
  mergeRefs(into.companies, from.companies);
  for (const note of ws.notes) if (note.contact?.id === from.id) note.contact = { type: "contact", id: into.id };
  mergeRefs(into.notes, from.notes);
  for (const social of from.social_profiles.data) {
    if (!into.social_profiles.data.some((s) => s.url === social.url)) into.social_profiles.data.push(social);
  }
  // The lead's conversations now belong to the user.
  const moveAuthor = (author: { type: string; id: string; name: string | null; email: string }) => {
    if (author.id !== from.id) return;
    author.type = "user";
    author.id = into.id;
    author.name = into.name;
    author.email = into.email;
  };
  for (const c of ws.conversations) {
    const refs = c.contacts.contacts;
    if (!refs.some((r) => r.id === from.id)) continue;
    c.contacts.contacts = refs.some((r) => r.id === into.id)
      ? refs.filter((r) => r.id !== from.id)
      : refs.map((r) => (r.id === from.id ? { type: "contact", id: into.id, external_id: into.external_id } : r));
    moveAuthor(c.source.author);
    for (const part of c.conversation_parts.conversation_parts) moveAuthor(part.author);
    if (c.conversation_rating?.contact.id === from.id) c.conversation_rating.contact = { type: "contact", id: into.id, external_id: into.external_id };
    ws.lastWriteAt.conversations.set(c.id, ctx.now());
  }
  ws.contacts.splice(ws.contacts.indexOf(from), 1);
  detachFromCompanies(ws, from);
  ws.lastWriteAt.contacts.delete(from.id);
  return written(ctx, into);
}
