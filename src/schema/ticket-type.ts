import { Field, InputType } from "type-graphql";
import { TicketCategory, TicketType, TicketTypeAttribute, TicketTypeAttributeDataType } from "../generated/graph/ticket-types.js";
import { ConnectionType } from "./common.js";

// TicketType, TicketTypeAttribute and their enums are generated from the document (scripts/graph-mapping.ts).
export * from "../generated/graph/ticket-types.js";

declare module "../generated/graph/ticket-types.js" {
  interface TicketType {
    /** Served by the `ticketTypeAttributes` connection (read by hand: see finishTicketType). */
    attributes: TicketTypeAttribute[];
  }
}

export const TicketTypeAttributeConnection = ConnectionType(TicketTypeAttribute, "TicketTypeAttribute");

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
