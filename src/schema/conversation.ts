import { createUnionType, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { Conversation } from "../generated/graph/conversations.js";
import { Admin } from "./admin.js";
import { Author } from "./author.js";
import { ConnectionType } from "./common.js";
import { DateTime, JSONObject } from "./scalars.js";
import { Team } from "./team.js";

// Conversation, its parts, source, rating, statistics, linked objects, AI Agent data and their enums
// are generated from the document (scripts/graph-mapping.ts); links are in src/resolvers/conversation.ts.
export * from "../generated/graph/conversations.js";

@ObjectType({ description: "A bot (Fin, a workflow, a custom bot) that wrote on behalf of the workspace.", implements: Author })
export class Bot implements Author {
  @Field(() => ID, { description: "The id of the bot, as Intercom gives it in the author reference." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The name the bot writes under (e.g. Fin), if Intercom gives one." })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "The email of the bot's author reference, if Intercom gives one." })
  email!: string | null;
}

export const Assignee = createUnionType({
  name: "Assignee",
  description: "Who a conversation was assigned to: an Admin or a Team.",
  types: () => [Admin, Team] as const,
});

/** Raw author reference as Intercom sends it, kept for the `author` link. */
export interface AuthorReference {
  type: string;
  id: string;
  name: string | null;
  email: string | null;
}

export const ConversationConnection = ConnectionType(Conversation, "Conversation");
export type ConversationConnection = InstanceType<typeof ConversationConnection>;

// ---- Mutation inputs -------------------------------------------------------

export enum AdminReplyType {
  COMMENT = "comment",
  NOTE = "note",
}
registerEnumType(AdminReplyType, {
  name: "AdminReplyType",
  description: "A comment is seen by the customer; a note only by teammates.",
  valuesConfig: {
    COMMENT: { description: "A reply the contact sees." },
    NOTE: { description: "An internal note only teammates see." },
  },
});

export enum AssigneeType {
  ADMIN = "admin",
  TEAM = "team",
}
registerEnumType(AssigneeType, {
  name: "AssigneeType",
  description: "Whether a conversation is assigned to an admin or to a team.",
  valuesConfig: {
    ADMIN: { description: "An admin (teammate), who becomes the conversation's assignee." },
    TEAM: { description: "A team: the conversation waits in the team's inbox." },
  },
});

@InputType({ description: "A reply written by an admin." })
export class AdminReplyInput {
  @Field(() => ID, { description: "The id of the admin who is authoring the reply." })
  adminId!: string;

  @Field(() => AdminReplyType, { defaultValue: AdminReplyType.COMMENT, description: "A comment the contact sees, or a note for teammates only." })
  messageType!: AdminReplyType;

  @Field(() => String, { description: "The text body; notes accept some HTML." })
  body!: string;

  @Field(() => [String], { nullable: true, description: "Up to 10 image URLs added as attachments." })
  attachmentUrls?: string[];

  @Field(() => DateTime, { nullable: true, description: "When the reply was created; now if omitted." })
  createdAt?: Date;
}

@InputType({ description: "A reply written by a contact, identified by exactly one of intercomUserId, userId or email." })
export class ContactReplyInput {
  @Field(() => ID, { nullable: true, description: "The Intercom id of the contact." })
  intercomUserId?: string;

  @Field(() => String, { nullable: true, description: "Your external id of the contact." })
  userId?: string;

  @Field(() => String, { nullable: true, description: "The contact's email." })
  email?: string;

  @Field(() => String, { description: "The text body of the comment." })
  body!: string;

  @Field(() => [String], { nullable: true, description: "Up to 10 image URLs added as attachments." })
  attachmentUrls?: string[];

  @Field(() => DateTime, { nullable: true, description: "When the reply was created; now if omitted." })
  createdAt?: Date;
}

@InputType({ description: "Exactly one of `admin` or `contact`." })
export class ReplyToConversationInput {
  @Field(() => AdminReplyInput, { nullable: true, description: "A reply or note written by an admin; leave `contact` unset." })
  admin?: AdminReplyInput;

  @Field(() => ContactReplyInput, { nullable: true, description: "A reply written by a contact; leave `admin` unset." })
  contact?: ContactReplyInput;
}

@InputType({ description: "What to change on a conversation; fields left out stay as they are." })
export class UpdateConversationInput {
  @Field(() => Boolean, { nullable: true, description: "Mark the conversation as read." })
  read?: boolean;

  @Field(() => JSONObject, { nullable: true, description: "Custom attributes to set (strings, numbers, booleans or null)." })
  customAttributes?: Record<string, unknown>;
}

@InputType({ description: "Who closes a conversation, and an optional closing message." })
export class CloseConversationInput {
  @Field(() => ID, { description: "The id of the admin who is closing the conversation." })
  adminId!: string;

  @Field(() => String, { nullable: true, description: "An optional message left in the conversation." })
  body?: string;
}

@InputType({ description: "Who reopens a closed or snoozed conversation." })
export class OpenConversationInput {
  @Field(() => ID, { description: "The id of the admin who is opening the conversation." })
  adminId!: string;
}

@InputType({ description: "Who snoozes a conversation, and until when." })
export class SnoozeConversationInput {
  @Field(() => ID, { description: "The id of the admin who is snoozing the conversation." })
  adminId!: string;

  @Field(() => DateTime, { description: "When the conversation reopens." })
  snoozedUntil!: Date;
}

@InputType({ description: "Who assigns a conversation, to which admin or team, with an optional message." })
export class AssignConversationInput {
  @Field(() => ID, { description: "The id of the admin who is performing the assignment." })
  adminId!: string;

  @Field(() => AssigneeType, { description: "Whether `assigneeId` is an admin or a team." })
  assigneeType!: AssigneeType;

  @Field(() => ID, { description: "The id of the admin or team assigned; `0` unassigns." })
  assigneeId!: string;

  @Field(() => String, { nullable: true, description: "An optional reply sent with the assignment." })
  body?: string;
}

// ---- Create, participants, redaction ----------------------------------------

export enum ConversationSenderType {
  USER = "user",
  LEAD = "lead",
  CONTACT = "contact",
}
registerEnumType(ConversationSenderType, {
  name: "ConversationSenderType",
  description: "The role of the contact starting a conversation; `CONTACT` also accepts a visitor, who becomes a lead.",
  valuesConfig: {
    USER: { description: "A user: a contact with a login to your product." },
    LEAD: { description: "A lead: a contact who is not (yet) a user." },
    CONTACT: { description: "Any contact, or a visitor (by id or user_id), who is converted into a lead." },
  },
});

@InputType({ description: "The contact who starts the conversation." })
export class ConversationSenderInput {
  @Field(() => ConversationSenderType, { description: "The role associated to the contact: user or lead (or contact)." })
  type!: ConversationSenderType;

  @Field(() => ID, {
    description:
      "The identifier for the contact which is given by Intercom: 24 hexadecimal characters (the document's `format: uuid` is wrong). With type CONTACT, a visitor's id or user_id.",
  })
  id!: string;
}

@InputType({ description: "A conversation started by a contact (an in-app message)." })
export class CreateConversationInput {
  @Field(() => ConversationSenderInput, { description: "The contact who starts the conversation." })
  from!: ConversationSenderInput;

  @Field(() => String, { description: "The content of the message. HTML is not supported." })
  body!: string;

  @Field(() => String, { nullable: true, description: "The title of the email. Only applicable if the message type is email." })
  subject?: string;

  @Field(() => [String], { nullable: true, description: "Up to 10 image URLs added as attachments." })
  attachmentUrls?: string[];

  @Field(() => DateTime, { nullable: true, description: "When the conversation was created (for migrations); now if omitted." })
  createdAt?: Date;
}

@InputType({ description: "The contact to add, identified by exactly one of intercomUserId, userId or email. An unknown email creates a lead." })
export class ConversationCustomerInput {
  @Field(() => ID, { nullable: true, description: "The identifier for the contact as given by Intercom." })
  intercomUserId?: string;

  @Field(() => String, { nullable: true, description: "The external_id you have defined for the contact." })
  userId?: string;

  @Field(() => String, { nullable: true, description: "The email of the contact." })
  email?: string;
}

@InputType({ description: "The admin who adds a contact to a conversation, and the contact added." })
export class AttachContactToConversationInput {
  @Field(() => ID, { description: "The id of the admin who is adding the new participant." })
  adminId!: string;

  @Field(() => ConversationCustomerInput, { description: "The contact to add as a participant." })
  customer!: ConversationCustomerInput;
}

@InputType({ description: "The admin who removes a contact from a conversation." })
export class DetachContactFromConversationInput {
  @Field(() => ID, { description: "The id of the admin who is performing the action." })
  adminId!: string;
}

export enum RedactionType {
  CONVERSATION_PART = "conversation_part",
  SOURCE = "source",
}
registerEnumType(RedactionType, {
  name: "RedactionType",
  description: "What to redact: a conversation part, or the conversation's source message.",
  valuesConfig: {
    CONVERSATION_PART: { description: "A part of the conversation (set `conversationPartId`)." },
    SOURCE: { description: "The message that started the conversation (set `sourceId`)." },
  },
});

@InputType({ description: "A part (conversationPartId) or the source message (sourceId) of a conversation to redact." })
export class RedactConversationInput {
  @Field(() => RedactionType, { description: "Whether to redact a part or the source message." })
  type!: RedactionType;

  @Field(() => ID, { description: "The id of the conversation." })
  conversationId!: string;

  @Field(() => ID, { nullable: true, description: "The id of the conversation part (type CONVERSATION_PART)." })
  conversationPartId?: string;

  @Field(() => ID, { nullable: true, description: "The id of the source (type SOURCE)." })
  sourceId?: string;
}
