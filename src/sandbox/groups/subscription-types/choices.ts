// A contact's explicit subscription choices, kept beside the contacts (the document's contact
// schema has no lists of them): an opt-out type it opted out of, or an opt-in type it opted in to.
import type { Workspace } from "../../workspace.js";
import type { Contact } from "../contacts/records.js";
import type { SubscriptionTypeRecord } from "./records.js";

export function choose(ws: Workspace, contact: Contact, type: SubscriptionTypeRecord): void {
  const chosen = ws.subscriptionChoices.get(contact.id) ?? [];
  if (!chosen.includes(type.id)) ws.subscriptionChoices.set(contact.id, [...chosen, type.id]);
}

export function unchoose(ws: Workspace, contact: Contact, type: SubscriptionTypeRecord): void {
  const chosen = ws.subscriptionChoices.get(contact.id)?.filter((id) => id !== type.id) ?? [];
  if (chosen.length > 0) ws.subscriptionChoices.set(contact.id, chosen);
  else ws.subscriptionChoices.delete(contact.id);
}
