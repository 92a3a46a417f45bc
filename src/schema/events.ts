// Subscriptions' types: one event type per family of Intercom webhook topics, each carrying its
// topic, its time and its object as a full graph node (links resolve through the same loaders
// and cache as a query's). Built by src/events/model.ts from a verified notification.
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { Contact, ContactRole } from "./contact.js";
import { Conversation, ConversationPart, ConversationState } from "./conversation.js";
import { DateTime } from "./scalars.js";
import { Tag } from "./tag.js";
import { Ticket, TicketState } from "./ticket.js";

/** Topic enums map each value to Intercom's topic; OTHER stands for a topic of the family that this gateway does not know yet. */
export enum ConversationTopic {
  USER_CREATED = "conversation.user.created",
  USER_REPLIED = "conversation.user.replied",
  ADMIN_REPLIED = "conversation.admin.replied",
  ADMIN_SINGLE_CREATED = "conversation.admin.single.created",
  ADMIN_ASSIGNED = "conversation.admin.assigned",
  ADMIN_NOTED = "conversation.admin.noted",
  ADMIN_CLOSED = "conversation.admin.closed",
  ADMIN_OPENED = "conversation.admin.opened",
  ADMIN_SNOOZED = "conversation.admin.snoozed",
  ADMIN_UNSNOOZED = "conversation.admin.unsnoozed",
  PART_TAG_CREATED = "conversation_part.tag.created",
  PART_REDACTED = "conversation_part.redacted",
  DELETED = "conversation.deleted",
  CONTACT_ATTACHED = "conversation.contact.attached",
  CONTACT_DETACHED = "conversation.contact.detached",
  PRIORITY_UPDATED = "conversation.priority.updated",
  RATING_ADDED = "conversation.rating.added",
  OTHER = "other",
}
registerEnumType(ConversationTopic, {
  name: "ConversationTopic",
  description: "What happened to a conversation: the Intercom webhook topic, e.g. ADMIN_REPLIED is `conversation.admin.replied`.",
  valuesConfig: {
    USER_CREATED: { description: "`conversation.user.created`: a contact (user or lead) started a conversation." },
    USER_REPLIED: { description: "`conversation.user.replied`: a contact replied." },
    ADMIN_REPLIED: { description: "`conversation.admin.replied`: a teammate replied." },
    ADMIN_SINGLE_CREATED: { description: "`conversation.admin.single.created`: a teammate started a 1:1 conversation." },
    ADMIN_ASSIGNED: { description: "`conversation.admin.assigned`: the conversation was assigned to a teammate or team." },
    ADMIN_NOTED: { description: "`conversation.admin.noted`: a teammate added a note." },
    ADMIN_CLOSED: { description: "`conversation.admin.closed`: a teammate closed it." },
    ADMIN_OPENED: { description: "`conversation.admin.opened`: a teammate opened it." },
    ADMIN_SNOOZED: { description: "`conversation.admin.snoozed`: a teammate snoozed it." },
    ADMIN_UNSNOOZED: { description: "`conversation.admin.unsnoozed`: a teammate unsnoozed it." },
    PART_TAG_CREATED: { description: "`conversation_part.tag.created`: a part of it was tagged." },
    PART_REDACTED: { description: "`conversation_part.redacted`: a part of it was redacted." },
    DELETED: { description: "`conversation.deleted`: it was deleted (`conversation` is then null)." },
    CONTACT_ATTACHED: { description: "`conversation.contact.attached`: a contact was added to it." },
    CONTACT_DETACHED: { description: "`conversation.contact.detached`: a contact was removed from it." },
    PRIORITY_UPDATED: { description: "`conversation.priority.updated`: its priority changed." },
    RATING_ADDED: { description: "`conversation.rating.added`: the contact rated it." },
    OTHER: { description: "A conversation topic this gateway does not know yet; `intercomTopic` names it." },
  },
});

export enum ContactTopic {
  USER_CREATED = "contact.user.created",
  LEAD_CREATED = "contact.lead.created",
  USER_UPDATED = "contact.user.updated",
  LEAD_UPDATED = "contact.lead.updated",
  LEAD_SIGNED_UP = "contact.lead.signed_up",
  EMAIL_UPDATED = "contact.email.updated",
  USER_TAG_CREATED = "contact.user.tag.created",
  USER_TAG_DELETED = "contact.user.tag.deleted",
  LEAD_TAG_CREATED = "contact.lead.tag.created",
  LEAD_TAG_DELETED = "contact.lead.tag.deleted",
  SUBSCRIBED = "contact.subscribed",
  UNSUBSCRIBED = "contact.unsubscribed",
  ARCHIVED = "contact.archived",
  UNARCHIVED = "contact.unarchived",
  MERGED = "contact.merged",
  DELETED = "contact.deleted",
  OTHER = "other",
}
registerEnumType(ContactTopic, {
  name: "ContactTopic",
  description: "What happened to a contact: the Intercom webhook topic, e.g. USER_UPDATED is `contact.user.updated`.",
  valuesConfig: {
    USER_CREATED: { description: "`contact.user.created`: a user was created." },
    LEAD_CREATED: { description: "`contact.lead.created`: a lead was created." },
    USER_UPDATED: { description: "`contact.user.updated`: a user was updated." },
    LEAD_UPDATED: { description: "`contact.lead.updated`: a lead was updated." },
    LEAD_SIGNED_UP: { description: "`contact.lead.signed_up`: a lead became a user." },
    EMAIL_UPDATED: { description: "`contact.email.updated`: a contact's email changed." },
    USER_TAG_CREATED: { description: "`contact.user.tag.created`: a user was tagged (`tag` says with what)." },
    USER_TAG_DELETED: { description: "`contact.user.tag.deleted`: a user was untagged (`tag` says from what)." },
    LEAD_TAG_CREATED: { description: "`contact.lead.tag.created`: a lead was tagged (`tag` says with what)." },
    LEAD_TAG_DELETED: { description: "`contact.lead.tag.deleted`: a lead was untagged (`tag` says from what)." },
    SUBSCRIBED: { description: "`contact.subscribed`: a contact resubscribed to emails." },
    UNSUBSCRIBED: { description: "`contact.unsubscribed`: a contact unsubscribed from emails." },
    ARCHIVED: { description: "`contact.archived`: a contact was archived." },
    UNARCHIVED: { description: "`contact.unarchived`: a contact was unarchived." },
    MERGED: { description: "`contact.merged`: a lead was merged into a user." },
    DELETED: { description: "`contact.deleted`: a contact was deleted (`contact` is then null)." },
    OTHER: { description: "A contact topic this gateway does not know yet; `intercomTopic` names it." },
  },
});

export enum TicketTopic {
  CREATED = "ticket.created",
  STATE_UPDATED = "ticket.state.updated",
  ADMIN_ASSIGNED = "ticket.admin.assigned",
  TEAM_ASSIGNED = "ticket.team.assigned",
  ADMIN_REPLIED = "ticket.admin.replied",
  CONTACT_REPLIED = "ticket.contact.replied",
  NOTE_CREATED = "ticket.note.created",
  ATTRIBUTE_UPDATED = "ticket.attribute.updated",
  CONTACT_ATTACHED = "ticket.contact.attached",
  CONTACT_DETACHED = "ticket.contact.detached",
  RATING_PROVIDED = "ticket.rating.provided",
  OTHER = "other",
}
registerEnumType(TicketTopic, {
  name: "TicketTopic",
  description: "What happened to a ticket: the Intercom webhook topic, e.g. STATE_UPDATED is `ticket.state.updated`.",
  valuesConfig: {
    CREATED: { description: "`ticket.created`: a ticket was created." },
    STATE_UPDATED: { description: "`ticket.state.updated`: its state changed." },
    ADMIN_ASSIGNED: { description: "`ticket.admin.assigned`: it was assigned to a teammate." },
    TEAM_ASSIGNED: { description: "`ticket.team.assigned`: it was assigned to a team." },
    ADMIN_REPLIED: { description: "`ticket.admin.replied`: a teammate replied." },
    CONTACT_REPLIED: { description: "`ticket.contact.replied`: a contact replied." },
    NOTE_CREATED: { description: "`ticket.note.created`: a teammate added a note." },
    ATTRIBUTE_UPDATED: { description: "`ticket.attribute.updated`: one of its attributes changed." },
    CONTACT_ATTACHED: { description: "`ticket.contact.attached`: a contact was added to it." },
    CONTACT_DETACHED: { description: "`ticket.contact.detached`: a contact was removed from it." },
    RATING_PROVIDED: { description: "`ticket.rating.provided`: the contact rated it." },
    OTHER: { description: "A ticket topic this gateway does not know yet; `intercomTopic` names it." },
  },
});

@ObjectType({ description: "Something that happened to a conversation, from an Intercom webhook notification, verified and delivered once." })
export class ConversationEvent {
  @Field(() => ID, { description: "Intercom's notification id (`notif_…`); the same notification is never delivered twice." })
  id!: string;

  @Field(() => ConversationTopic, { description: "What happened." })
  topic!: ConversationTopic;

  @Field(() => String, { description: "Intercom's topic as sent, e.g. `conversation.admin.replied`." })
  intercomTopic!: string;

  @Field(() => DateTime, { description: "When Intercom created the notification." })
  createdAt!: Date;

  @Field(() => ID, { description: "The id of the conversation (see `conversation`)." })
  conversationId!: string;

  @Field(() => [ConversationPart], {
    description:
      "The parts the notification carries: the reply, note, assignment or state change that caused it (Intercom sends the latest parts, not the whole conversation; `conversation { conversationParts }` reads them all).",
  })
  parts!: ConversationPart[];

  /** The conversation as the notification carries it (no parts), when it carries one. */
  conversationObject?: Conversation;
}

@ObjectType({ description: "Something that happened to a contact, from an Intercom webhook notification, verified and delivered once." })
export class ContactEvent {
  @Field(() => ID, { description: "Intercom's notification id (`notif_…`); the same notification is never delivered twice." })
  id!: string;

  @Field(() => ContactTopic, { description: "What happened." })
  topic!: ContactTopic;

  @Field(() => String, { description: "Intercom's topic as sent, e.g. `contact.user.updated`." })
  intercomTopic!: string;

  @Field(() => DateTime, { description: "When Intercom created the notification." })
  createdAt!: Date;

  @Field(() => ID, { description: "The id of the contact (see `contact`)." })
  contactId!: string;

  @Field(() => Tag, { nullable: true, description: "For the tag topics: the tag applied or removed." })
  tag!: Tag | null;

  /** The contact as the notification carries it, when it carries one. */
  contactObject?: Contact;
}

@ObjectType({ description: "Something that happened to a ticket, from an Intercom webhook notification, verified and delivered once." })
export class TicketEvent {
  @Field(() => ID, { description: "Intercom's notification id (`notif_…`); the same notification is never delivered twice." })
  id!: string;

  @Field(() => TicketTopic, { description: "What happened." })
  topic!: TicketTopic;

  @Field(() => String, { description: "Intercom's topic as sent, e.g. `ticket.state.updated`." })
  intercomTopic!: string;

  @Field(() => DateTime, { description: "When Intercom created the notification." })
  createdAt!: Date;

  @Field(() => ID, { description: "The id of the ticket (see `ticket`)." })
  ticketId!: string;

  /** The ticket as the notification carries it, when it carries one. */
  ticketObject?: Ticket;
}

/** Most values one filter list may hold. */
export const MAX_FILTER_VALUES = 100;

@InputType({
  description: `Which conversation events to receive: every field given must match (a list matches any of its values, at most ${MAX_FILTER_VALUES}); no filter receives every conversation event of the workspace.`,
})
export class ConversationEventFilter {
  @Field(() => [ID], { nullable: true, description: "Only these conversations." })
  conversationIds?: string[];

  @Field(() => [ID], { nullable: true, description: "Only conversations assigned to one of these admins (after the event)." })
  adminAssigneeIds?: string[];

  @Field(() => [ID], { nullable: true, description: "Only conversations assigned to one of these teams (after the event)." })
  teamAssigneeIds?: string[];

  @Field(() => [ConversationState], { nullable: true, description: "Only conversations in one of these states (after the event)." })
  states?: ConversationState[];

  @Field(() => [ConversationTopic], { nullable: true, description: "Only these topics." })
  topics?: ConversationTopic[];
}

@InputType({
  description: `Which contact events to receive: every field given must match (a list matches any of its values, at most ${MAX_FILTER_VALUES}); no filter receives every contact event of the workspace.`,
})
export class ContactEventFilter {
  @Field(() => [ID], { nullable: true, description: "Only these contacts." })
  contactIds?: string[];

  @Field(() => [ContactRole], { nullable: true, description: "Only contacts of these roles (as the notification carries them)." })
  roles?: ContactRole[];

  @Field(() => [ContactTopic], { nullable: true, description: "Only these topics." })
  topics?: ContactTopic[];
}

@InputType({
  description: `Which ticket events to receive: every field given must match (a list matches any of its values, at most ${MAX_FILTER_VALUES}); no filter receives every ticket event of the workspace.`,
})
export class TicketEventFilter {
  @Field(() => [ID], { nullable: true, description: "Only these tickets." })
  ticketIds?: string[];

  @Field(() => [ID], { nullable: true, description: "Only tickets assigned to one of these admins (after the event)." })
  adminAssigneeIds?: string[];

  @Field(() => [ID], { nullable: true, description: "Only tickets assigned to one of these teams (after the event)." })
  teamAssigneeIds?: string[];

  @Field(() => [TicketState], { nullable: true, description: "Only tickets in one of these states (after the event)." })
  states?: TicketState[];

  @Field(() => [ID], { nullable: true, description: "Only tickets of these ticket types." })
  ticketTypeIds?: string[];

  @Field(() => [TicketTopic], { nullable: true, description: "Only these topics." })
  topics?: TicketTopic[];
}

