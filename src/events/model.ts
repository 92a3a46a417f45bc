// Notifications as graph objects: the event types of src/schema/events.ts, built once per
// notification (whoever subscribes), with the object the webhook carries in `data.item` used
// as the graph node where it is one, so a subscriber's selection costs no upstream call for it.
import { reduceContact } from "../generated/reducers/contacts.js";
import { reduceConversation } from "../generated/reducers/conversations.js";
import { reduceTag } from "../generated/reducers/tags.js";
import { reduceTicket } from "../generated/reducers/tickets.js";
import type { RestContact } from "../generated/rest/contacts.js";
import type { RestConversation } from "../generated/rest/conversations.js";
import type { RestTag } from "../generated/rest/tags.js";
import type { RestTicket } from "../generated/rest/tickets.js";
import type { Contact } from "../schema/contact.js";
import type { Conversation } from "../schema/conversation.js";
import { ContactEvent, ContactTopic, ConversationEvent, ConversationTopic, TicketEvent, TicketTopic } from "../schema/events.js";
import { build, fromUnix } from "../schema/scalars.js";
import type { Ticket } from "../schema/ticket.js";
import { isObject, kindOf, type EventKind, type Notification } from "./notification.js";

/** What filters compare, read from the built object (null when the notification does not say). */
export interface EventFacts {
  objectId: string;
  /** The topic as the kind's enum value (OTHER's value for unknown ones). */
  topic: string;
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
  /** Conversation state or ticket state (internal enum values). */
  state: string | null;
  role: string | null;
  ticketTypeId: string | null;
}

export type GraphEvent = ConversationEvent | ContactEvent | TicketEvent;

export interface BuiltEvent {
  kind: EventKind;
  event: GraphEvent;
  facts: EventFacts;
}

/** Object ids as Intercom gives them (numbers or strings), bounded; anything else is no id. */
const ID = /^[A-Za-z0-9_-]{1,128}$/;
function idOf(value: unknown): string | null {
  const id = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  return typeof id === "string" && ID.test(id) ? id : null;
}

/** The reducer's graph object when `item` has the shape it reads, else undefined (the link then loads by id). */
function reduced<T>(item: Record<string, unknown>, type: string, required: readonly string[], reduce: () => T): T | undefined {
  if (item.type !== type || required.some((key) => item[key] === undefined || item[key] === null)) return undefined;
  try {
    return reduce();
  } catch {
    return undefined;
  }
}

const enumValue = <E extends Record<string, string>>(values: E, topic: string): E[keyof E] =>
  (Object.values(values).includes(topic) ? topic : values.OTHER) as E[keyof E];

const isDeletion = (topic: string) => topic.endsWith(".deleted") && !topic.includes(".tag.");

function conversationEvent(n: Notification): BuiltEvent | undefined {
  const objectId = idOf(n.item.id);
  if (!objectId) return undefined;
  const conversation = isDeletion(n.topic)
    ? undefined
    : reduced<Conversation>(n.item, "conversation", ["id", "created_at", "updated_at", "source", "state"], () => reduceConversation(n.item as unknown as RestConversation));
  const parts = conversation?.partList?.nodes ?? [];
  // The notification carries the latest parts only: `conversationParts` reads the whole list by id.
  if (conversation) conversation.partList = null;
  const topic = enumValue(ConversationTopic, n.topic);
  const event = build(ConversationEvent, {
    id: n.id,
    topic,
    intercomTopic: n.topic,
    createdAt: fromUnix(n.createdAt)!,
    conversationId: objectId,
    parts,
    conversationObject: conversation,
  });
  return {
    kind: "conversation",
    event,
    facts: {
      objectId,
      topic,
      adminAssigneeId: conversation?.adminAssigneeId ?? null,
      teamAssigneeId: conversation?.teamAssigneeId ?? null,
      state: conversation?.state ?? null,
      role: null,
      ticketTypeId: null,
    },
  };
}

function contactEvent(n: Notification): BuiltEvent | undefined {
  // Tag topics carry a `contact_tag` ({ contact, tag }); the others the contact itself.
  const holder = n.item.type === "contact_tag" && isObject(n.item.contact) ? n.item.contact : n.item;
  const objectId = idOf(holder.id);
  if (!objectId) return undefined;
  const contact = isDeletion(n.topic)
    ? undefined
    : reduced<Contact>(holder, "contact", ["id", "role", "created_at", "updated_at"], () => reduceContact(holder as unknown as RestContact));
  const rawTag = n.item.type === "contact_tag" && isObject(n.item.tag) ? n.item.tag : undefined;
  let tag = null;
  if (rawTag && idOf(rawTag.id) && typeof rawTag.name === "string") {
    try {
      tag = reduceTag(rawTag as unknown as RestTag);
    } catch {
      tag = null;
    }
  }
  const topic = enumValue(ContactTopic, n.topic);
  const role = contact?.role ?? (holder.role === "user" || holder.role === "lead" ? holder.role : n.topic.startsWith("contact.lead.") ? "lead" : n.topic.startsWith("contact.user.") ? "user" : null);
  return {
    kind: "contact",
    event: build(ContactEvent, { id: n.id, topic, intercomTopic: n.topic, createdAt: fromUnix(n.createdAt)!, contactId: objectId, tag, contactObject: contact }),
    facts: { objectId, topic, adminAssigneeId: null, teamAssigneeId: null, state: null, role, ticketTypeId: null },
  };
}

function ticketEvent(n: Notification): BuiltEvent | undefined {
  const objectId = idOf(n.item.id);
  if (!objectId) return undefined;
  const ticket = isDeletion(n.topic)
    ? undefined
    : reduced<Ticket>(n.item, "ticket", ["id", "ticket_id", "ticket_state", "category"], () => reduceTicket(n.item as unknown as RestTicket));
  const topic = enumValue(TicketTopic, n.topic);
  return {
    kind: "ticket",
    event: build(TicketEvent, { id: n.id, topic, intercomTopic: n.topic, createdAt: fromUnix(n.createdAt)!, ticketId: objectId, ticketObject: ticket }),
    facts: {
      objectId,
      topic,
      adminAssigneeId: ticket?.adminAssigneeId ?? null,
      teamAssigneeId: ticket?.teamAssigneeId ?? null,
      state: ticket?.ticketState ?? null,
      role: null,
      ticketTypeId: ticket?.ticketTypeId ?? null,
    },
  };
}

/** The graph event of a notification, or undefined when no subscription serves its topic (or it names no object). */
export function buildEvent(n: Notification): BuiltEvent | undefined {
  switch (kindOf(n.topic)) {
    case "conversation":
      return conversationEvent(n);
    case "contact":
      return contactEvent(n);
    case "ticket":
      return ticketEvent(n);
    default:
      return undefined;
  }
}
