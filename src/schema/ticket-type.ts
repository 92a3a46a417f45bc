import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "./common.js";
import { DateTime, JSONObject } from "./scalars.js";

export enum TicketCategory {
  CUSTOMER = "Customer",
  BACK_OFFICE = "Back-office",
  TRACKER = "Tracker",
}
registerEnumType(TicketCategory, {
  name: "TicketCategory",
  description: "Customer tickets are shared with the customer; back-office tickets are worked on internally; tracker tickets group many conversations about one issue.",
  valuesConfig: {
    CUSTOMER: { description: "Shared with the customer, who can follow and reply to it." },
    BACK_OFFICE: { description: "Worked on internally by teams; the customer does not see it." },
    TRACKER: { description: "Tracks one issue that many conversations and customer tickets are linked to." },
  },
});

export enum TicketTypeAttributeDataType {
  STRING = "string",
  LIST = "list",
  INTEGER = "integer",
  DECIMAL = "decimal",
  BOOLEAN = "boolean",
  DATETIME = "datetime",
  FILES = "files",
}
registerEnumType(TicketTypeAttributeDataType, {
  name: "TicketTypeAttributeDataType",
  description: "The data type of a ticket type attribute.",
  valuesConfig: {
    STRING: { description: "Text, on one line or several (`multiline`)." },
    LIST: { description: "One item of a fixed list." },
    INTEGER: { description: "A whole number." },
    DECIMAL: { description: "A decimal number." },
    BOOLEAN: { description: "True or false." },
    DATETIME: { description: "A date and time." },
    FILES: { description: "One or more attached files." },
  },
});

@ObjectType({ description: "Ticket type attribute, used to define each data field to be captured in a ticket." })
export class TicketTypeAttribute {
  @Field(() => ID, { description: "The id representing the ticket type attribute." })
  id!: string;

  @Field(() => String, { description: "The id of the workspace that the ticket type attribute belongs to." })
  workspaceId!: string;

  @Field(() => String, { description: "The name of the ticket type attribute (`_default_title_` and `_default_description_` for the built-in ones)." })
  name!: string;

  @Field(() => String, { description: "The description of the ticket type attribute." })
  description!: string;

  @Field(() => TicketTypeAttributeDataType, { description: "The type of the data attribute." })
  dataType!: TicketTypeAttributeDataType;

  @Field(() => JSONObject, { description: "Input options for the attribute (`multiline`, `list_options`, `allow_multiple_values`)." })
  inputOptions!: Record<string, unknown>;

  @Field(() => Int, { description: "The order of the attribute against other attributes." })
  order!: number;

  @Field(() => Boolean, { description: "Whether the attribute is required or not for teammates." })
  requiredToCreate!: boolean;

  @Field(() => Boolean, { description: "Whether the attribute is required or not for contacts." })
  requiredToCreateForContacts!: boolean;

  @Field(() => Boolean, { description: "Whether the attribute is visible or not to teammates." })
  visibleOnCreate!: boolean;

  @Field(() => Boolean, { description: "Whether the attribute is visible or not to contacts." })
  visibleToContacts!: boolean;

  @Field(() => Boolean, { description: "Whether the attribute is built in or not." })
  default!: boolean;

  @Field(() => ID, { description: "The id of the ticket type that the attribute belongs to (see `ticketType`)." })
  ticketTypeId!: string;

  @Field(() => Boolean, { description: "Whether the ticket type attribute is archived or not." })
  archived!: boolean;

  @Field(() => DateTime, { description: "The date and time the ticket type attribute was created." })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The date and time the ticket type attribute was last updated." })
  updatedAt!: Date | null;
}

export const TicketTypeAttributeConnection = ConnectionType(TicketTypeAttribute, "TicketTypeAttribute");

@ObjectType({ description: "A ticket type, used to define the data fields to be captured in a ticket." })
export class TicketType {
  @Field(() => ID, { description: "The id representing the ticket type." })
  id!: string;

  @Field(() => TicketCategory, { description: "Category of the Ticket Type." })
  category!: TicketCategory;

  @Field(() => String, { description: "The name of the ticket type." })
  name!: string;

  @Field(() => String, { description: "The description of the ticket type." })
  description!: string;

  @Field(() => String, { description: "The icon of the ticket type (an emoji)." })
  icon!: string;

  @Field(() => String, { description: "The id of the workspace that the ticket type belongs to." })
  workspaceId!: string;

  @Field(() => Boolean, { description: "Whether the ticket type is archived or not." })
  archived!: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether its tickets are for internal use only (sent by Intercom, though not in the 2.11 schema)." })
  isInternal!: boolean | null;

  @Field(() => DateTime, { description: "The date and time the ticket type was created." })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The date and time the ticket type was last updated." })
  updatedAt!: Date | null;

  /** Served by the `ticketTypeAttributes` connection. */
  attributes!: TicketTypeAttribute[];
}

export const TicketTypeConnection = ConnectionType(TicketType, "TicketType");

// ---- Mutation inputs -------------------------------------------------------

@InputType({ description: "A new ticket type; it is created with the two default attributes `_default_title_` and `_default_description_`." })
export class CreateTicketTypeInput {
  @Field(() => String, { description: "The name of the ticket type." })
  name!: string;

  @Field(() => String, { nullable: true, description: "The description of the ticket type." })
  description?: string;

  @Field(() => TicketCategory, { nullable: true, description: "Category of the Ticket Type." })
  category?: TicketCategory;

  @Field(() => String, { nullable: true, description: "The icon of the ticket type, an emoji (default 🎟️)." })
  icon?: string;

  @Field(() => Boolean, { nullable: true, description: "Whether its tickets are for internal use only (a limited attribute)." })
  isInternal?: boolean;
}

@InputType({ description: "What to change on a ticket type; fields left out stay as they are." })
export class UpdateTicketTypeInput {
  @Field(() => String, { nullable: true, description: "The name of the ticket type." })
  name?: string;

  @Field(() => String, { nullable: true, description: "The description of the ticket type." })
  description?: string;

  @Field(() => TicketCategory, { nullable: true, description: "Category of the Ticket Type." })
  category?: TicketCategory;

  @Field(() => String, { nullable: true, description: "The icon of the ticket type, an emoji." })
  icon?: string;

  @Field(() => Boolean, { nullable: true, description: "The archived status of the ticket type." })
  archived?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether its tickets are for internal use only (a limited attribute)." })
  isInternal?: boolean;
}

@InputType({ description: "A new attribute of a ticket type: its name, data type, and how it shows on the ticket forms." })
export class CreateTicketTypeAttributeInput {
  @Field(() => String, { description: "The name of the ticket type attribute." })
  name!: string;

  @Field(() => String, { description: "The description of the attribute presented to the teammate or contact." })
  description!: string;

  @Field(() => TicketTypeAttributeDataType, { description: "The data type of the attribute." })
  dataType!: TicketTypeAttributeDataType;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute is required to be filled in when teammates are creating the ticket in Inbox." })
  requiredToCreate?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute is required to be filled in when contacts are creating the ticket in Messenger." })
  requiredToCreateForContacts?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute is visible to teammates when creating a ticket in Inbox." })
  visibleOnCreate?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute is visible to contacts when creating a ticket in Messenger." })
  visibleToContacts?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute allows multiple lines of text (string attributes only)." })
  multiline?: boolean;

  @Field(() => [String], { nullable: true, description: "The items of a list attribute (list attributes only; an item may not contain a comma)." })
  listItems?: string[];

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute allows multiple files to be attached to it (file attributes only)." })
  allowMultipleValues?: boolean;
}

@InputType({ description: "What to change on a ticket type attribute (its data type cannot change); fields left out stay as they are." })
export class UpdateTicketTypeAttributeInput {
  @Field(() => String, { nullable: true, description: "The name of the ticket type attribute." })
  name?: string;

  @Field(() => String, { nullable: true, description: "The description of the attribute presented to the teammate or contact." })
  description?: string;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute is required to be filled in when teammates are creating the ticket in Inbox." })
  requiredToCreate?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute is required to be filled in when contacts are creating the ticket in Messenger." })
  requiredToCreateForContacts?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute is visible to teammates when creating a ticket in Inbox." })
  visibleOnCreate?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute is visible to contacts when creating a ticket in Messenger." })
  visibleToContacts?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute allows multiple lines of text (string attributes only)." })
  multiline?: boolean;

  @Field(() => [String], { nullable: true, description: "Items to add to a list attribute (an item may not contain a comma)." })
  listItems?: string[];

  @Field(() => Boolean, { nullable: true, description: "Whether the attribute allows multiple files to be attached to it (file attributes only)." })
  allowMultipleValues?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Archive the attribute: hidden when creating tickets, still present on older ones." })
  archived?: boolean;
}
