import { createUnionType, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { Ticket, TicketPart } from "../generated/graph/tickets.js";
import { ConnectionType } from "./common.js";
import { ContactReplyInput, Conversation } from "./conversation.js";
import { DateTime, JSONObject } from "./scalars.js";
import { SearchOperator, SearchValueInput } from "./search.js";

// Ticket, TicketPart and TicketState are generated from the document (scripts/graph-mapping.ts);
// links and connections over the embedded lists are in src/resolvers/ticket.ts.
export * from "../generated/graph/tickets.js";


export const TicketPartConnection = ConnectionType(TicketPart, "TicketPart");

export const TicketConnection = ConnectionType(Ticket, "Ticket");

export const LinkedObjectTarget = createUnionType({
  name: "LinkedObjectTarget",
  description: "What a linked object is: a Ticket or a Conversation.",
  types: () => [Ticket, Conversation] as const,
});

// ---- Search ----------------------------------------------------------------

/** Searchable ticket fields, from the 2.11 document's "Accepted Fields" table for POST /tickets/search. */
export enum TicketSearchField {
  ID = "id",
  CREATED_AT = "created_at",
  UPDATED_AT = "updated_at",
  TITLE = "title",
  DESCRIPTION = "description",
  CATEGORY = "category",
  TICKET_TYPE_ID = "ticket_type_id",
  CONTACT_IDS = "contact_ids",
  TEAMMATE_IDS = "teammate_ids",
  ADMIN_ASSIGNEE_ID = "admin_assignee_id",
  TEAM_ASSIGNEE_ID = "team_assignee_id",
  OPEN = "open",
  STATE = "state",
  SNOOZED_UNTIL = "snoozed_until",
  TICKET_ATTRIBUTE = "ticket_attribute",
}
registerEnumType(TicketSearchField, {
  name: "TicketSearchField",
  description: "A searchable ticket field. Each value's description names Intercom's field and its type; set the matching member of `SearchValueInput` (`dateTime` for a date).",
  valuesConfig: {
    ID: { description: "`id` (string): the ticket's id." },
    CREATED_AT: { description: "`created_at` (date): when the ticket was created." },
    UPDATED_AT: { description: "`updated_at` (date): when the ticket was last updated." },
    TITLE: { description: "`title` (string): the ticket's title." },
    DESCRIPTION: { description: "`description` (string): the ticket's description." },
    CATEGORY: { description: "`category` (string): `Customer`, `Back-office` or `Tracker`." },
    TICKET_TYPE_ID: { description: "`ticket_type_id` (string): the id of the ticket type." },
    CONTACT_IDS: { description: "`contact_ids` (string): the id of a contact the ticket is about." },
    TEAMMATE_IDS: { description: "`teammate_ids` (string): the id of a teammate who took part." },
    ADMIN_ASSIGNEE_ID: { description: "`admin_assignee_id` (string): the id of the assigned admin." },
    TEAM_ASSIGNEE_ID: { description: "`team_assignee_id` (string): the id of the assigned team." },
    OPEN: { description: "`open` (boolean): whether the ticket is open." },
    STATE: { description: "`state` (string): `submitted`, `in_progress`, `waiting_on_customer` or `resolved`." },
    SNOOZED_UNTIL: { description: "`snoozed_until` (date): when a snoozed ticket reopens." },
    TICKET_ATTRIBUTE: { description: "`ticket_attribute.{id}`: set `attributeId` to the ticket type attribute's id." },
  },
});

/** Dates reject IN/NIN, as for conversations. */
export const TICKET_NO_LIST_FIELDS: ReadonlySet<string> = new Set([TicketSearchField.CREATED_AT, TicketSearchField.UPDATED_AT, TicketSearchField.SNOOZED_UNTIL]);

@InputType({
  description:
    "A ticket search: either one condition (`field`, `operator`, `value`, and `attributeId` for TICKET_ATTRIBUTE) or a group (`and` or `or`) of nested queries. At most 2 levels of groups and 15 members per group.",
})
export class TicketSearchQuery {
  @Field(() => TicketSearchField, { nullable: true, description: "The field a condition compares." })
  field?: TicketSearchField;

  @Field(() => ID, { nullable: true, description: "The ticket type attribute id, with field TICKET_ATTRIBUTE." })
  attributeId?: string;

  @Field(() => SearchOperator, { nullable: true, description: "How a condition compares the field with `value`." })
  operator?: SearchOperator;

  @Field(() => SearchValueInput, { nullable: true, description: "The value a condition compares the field with." })
  value?: SearchValueInput;

  @Field(() => [TicketSearchQuery], { nullable: true, description: "All of these must match." })
  and?: TicketSearchQuery[];

  @Field(() => [TicketSearchQuery], { nullable: true, description: "Any of these must match." })
  or?: TicketSearchQuery[];
}

// ---- Mutation inputs -------------------------------------------------------

@InputType({ description: "The contact a ticket is about, by exactly one of id, externalId or email." })
export class TicketContactInput {
  @Field(() => ID, { nullable: true, description: "The identifier for the contact as given by Intercom." })
  id?: string;

  @Field(() => String, { nullable: true, description: "The external_id you have defined for the contact." })
  externalId?: string;

  @Field(() => String, { nullable: true, description: "The email of the contact; Intercom creates the contact if none has it." })
  email?: string;
}

@InputType({ description: "A new ticket: its type, the contact it is about, and its attribute values." })
export class CreateTicketInput {
  @Field(() => ID, { description: "The ID of the type of ticket you want to create." })
  ticketTypeId!: string;

  @Field(() => [TicketContactInput], { description: "The contacts (users or leads) affected by this ticket. Currently only one is allowed." })
  contacts!: TicketContactInput[];

  @Field(() => String, { nullable: true, description: "The ID of the company that the ticket is associated with (the ID you set upon company creation)." })
  companyId?: string;

  @Field(() => DateTime, { nullable: true, description: "The time the ticket was created; now if omitted." })
  createdAt?: Date;

  @Field(() => JSONObject, {
    nullable: true,
    description: "Attribute values by attribute name (`_default_title_`, `_default_description_`, …); a list attribute takes the id of a list item.",
  })
  ticketAttributes?: Record<string, unknown>;
}

export enum TicketStateUpdate {
  IN_PROGRESS = "in_progress",
  WAITING_ON_CUSTOMER = "waiting_on_customer",
  RESOLVED = "resolved",
}
registerEnumType(TicketStateUpdate, {
  name: "TicketStateUpdate",
  description: "The states a ticket can be moved to.",
  valuesConfig: {
    IN_PROGRESS: { description: "A teammate is working on it." },
    WAITING_ON_CUSTOMER: { description: "Waiting for the customer to answer." },
    RESOLVED: { description: "The request has been dealt with." },
  },
});

@InputType({ description: "Who assigns a ticket, and to which admin or team." })
export class TicketAssignmentInput {
  @Field(() => ID, { description: "The ID of the admin performing the action." })
  adminId!: string;

  @Field(() => ID, { description: "The ID of the admin or team to which the ticket is assigned; `0` unassigns it." })
  assigneeId!: string;
}

@InputType({ description: "What to change on a ticket; fields left out stay as they are." })
export class UpdateTicketInput {
  @Field(() => JSONObject, { nullable: true, description: "Attribute values to set, by attribute name." })
  ticketAttributes?: Record<string, unknown>;

  @Field(() => TicketStateUpdate, { nullable: true, description: "The state of the ticket." })
  state?: TicketStateUpdate;

  @Field(() => Boolean, { nullable: true, description: "Set to false to close the ticket (closing also unsnoozes it)." })
  open?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the ticket is visible to users." })
  isShared?: boolean;

  @Field(() => DateTime, { nullable: true, description: "The time you want the ticket to reopen." })
  snoozedUntil?: Date;

  @Field(() => TicketAssignmentInput, { nullable: true, description: "Assign the ticket to an admin or a team (or unassign it)." })
  assignment?: TicketAssignmentInput;
}

export enum TicketReplyType {
  COMMENT = "comment",
  NOTE = "note",
  QUICK_REPLY = "quick_reply",
}
registerEnumType(TicketReplyType, {
  name: "TicketReplyType",
  description: "A comment is seen by the customer, a note only by teammates; a quick reply offers buttons.",
  valuesConfig: {
    COMMENT: { description: "A reply the contact sees (needs `body`)." },
    NOTE: { description: "An internal note only teammates see (needs `body`)." },
    QUICK_REPLY: { description: "A message offering the contact buttons to choose from (needs `replyOptions`)." },
  },
});

@InputType({ description: "One button of a quick reply." })
export class QuickReplyOptionInput {
  @Field(() => String, { description: "The text to display in this quick reply option." })
  text!: string;

  @Field(() => String, { description: "A unique identifier (uuid) for this option." })
  uuid!: string;
}

@InputType({ description: "A reply written by an admin." })
export class AdminTicketReplyInput {
  @Field(() => ID, { description: "The id of the admin who is authoring the reply." })
  adminId!: string;

  // No GraphQL defaultValue: an enum default does not survive the subgraph's SDL round trip.
  @Field(() => TicketReplyType, { nullable: true, description: "COMMENT when omitted." })
  messageType?: TicketReplyType;

  @Field(() => String, { nullable: true, description: "The text body; required for comments and notes. Notes accept some HTML." })
  body?: string;

  @Field(() => [QuickReplyOptionInput], { nullable: true, description: "The options of a quick reply; required for quick replies." })
  replyOptions?: QuickReplyOptionInput[];

  @Field(() => [String], { nullable: true, description: "Up to 10 image URLs added as attachments." })
  attachmentUrls?: string[];

  @Field(() => DateTime, { nullable: true, description: "When the reply was created; now if omitted." })
  createdAt?: Date;

  @Field(() => Boolean, { nullable: true, description: "Cross-post a note to all linked conversations (notes on back-office tickets)." })
  crossPost?: boolean;
}

@InputType({ description: "Exactly one of `admin` or `contact`. Contacts may reply to customer tickets only." })
export class ReplyToTicketInput {
  @Field(() => AdminTicketReplyInput, { nullable: true, description: "A reply, note or quick reply written by an admin; leave `contact` unset." })
  admin?: AdminTicketReplyInput;

  @Field(() => ContactReplyInput, { nullable: true, description: "A reply written by a contact; leave `admin` unset." })
  contact?: ContactReplyInput;
}

@InputType({ description: "The tag to add to a ticket, and the admin who adds it." })
export class AttachTagToTicketInput {
  @Field(() => ID, { description: "The id of the tag to apply." })
  tagId!: string;

  @Field(() => ID, { description: "The id of the admin applying the tag." })
  adminId!: string;
}

@InputType({ description: "The admin who removes a tag from a ticket." })
export class DetachTagFromTicketInput {
  @Field(() => ID, { description: "The id of the admin removing the tag." })
  adminId!: string;
}

@InputType({ description: "The ticket type of the ticket a conversation becomes, and its attribute values." })
export class ConvertConversationToTicketInput {
  @Field(() => ID, { description: "The ID of the type of ticket you want to convert the conversation to (a customer ticket type)." })
  ticketTypeId!: string;

  @Field(() => JSONObject, { nullable: true, description: "Attribute values by attribute name." })
  attributes?: Record<string, unknown>;
}
