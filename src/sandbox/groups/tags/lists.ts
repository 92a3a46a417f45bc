// Where tags are kept and copied, kept consistent on every write: contacts' `tags` reference
// lists (with when and by whom each was applied), and the tag lists of conversations,
// companies and tickets.
import type { Admin } from "../admins/records.js";
import type { Company } from "../companies/records.js";
import type { Contact } from "../contacts/records.js";
import type { Workspace } from "../../workspace.js";
import type { AppliedTag, Tag, TagApplication } from "./records.js";
import { basicView } from "./views.js";

/** The admin whose token is used (GET /me answers the first admin): who applies tags to contacts. */
export const tokenAdmin = (ws: Workspace): Admin => ws.admins[0]!;

export const applicationKey = (contactId: string, tagId: string) => `${contactId}/${tagId}`;

/** Every list a tag is copied into: conversations', companies' and tickets' (contacts hold references). */
export function allTagLists(ws: Workspace): { tags: Array<Tag & Partial<AppliedTag>> }[] {
  return [...ws.conversations.map((c) => c.tags), ...ws.companies.map((c) => c.tags), ...ws.tickets.map((t) => t.tags)];
}

export function addContactTag(ws: Workspace, contact: Contact, tag: Tag, applied: TagApplication): void {
  if (!contact.tags.data.some((r) => r.id === tag.id)) {
    contact.tags.data.push({ type: "tag", id: tag.id, url: `/tags/${tag.id}` });
    contact.tags.total_count = contact.tags.data.length;
    ws.contactTagApplications.set(applicationKey(contact.id, tag.id), applied);
  }
}

export function removeContactTag(ws: Workspace, contact: Contact, tagId: string): void {
  contact.tags.data = contact.tags.data.filter((r) => r.id !== tagId);
  contact.tags.total_count = contact.tags.data.length;
  ws.contactTagApplications.delete(applicationKey(contact.id, tagId));
}

export function addCompanyTag(company: Company, tag: Tag): void {
  if (!company.tags.tags.some((t) => t.id === tag.id)) company.tags.tags.push(basicView(tag));
}

export function removeCompanyTag(company: Company, tagId: string): void {
  company.tags.tags = company.tags.tags.filter((t) => t.id !== tagId);
}

/** Finds a tag by name (names are case insensitive), creating it when `create`. */
export function tagNamed(ws: Workspace, name: string, create: boolean): Tag | undefined {
  const existing = ws.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (existing || !create) return existing;
  const nextId = Math.max(9100000, ...ws.tags.map((t) => Number(t.id)).filter(Number.isFinite)) + 1;
  const tag: Tag = { type: "tag", id: String(nextId), name };
  ws.tags.push(tag);
  return tag;
}
