import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Admin } from "./admin.js";
import { Author } from "./author.js";
import { ConnectionType } from "./common.js";
import { DateTime, JSONObject } from "./scalars.js";
import { Tag } from "./tag.js";
import { Team } from "./team.js";

export enum ConversationState {
  OPEN = "open",
  CLOSED = "closed",
  SNOOZED = "snoozed",
}
registerEnumType(ConversationState, { name: "ConversationState" });

export enum ConversationPriority {
  PRIORITY = "priority",
  NOT_PRIORITY = "not_priority",
}
registerEnumType(ConversationPriority, { name: "ConversationPriority" });

export enum ConversationSourceType {
  CONVERSATION = "conversation",
  EMAIL = "email",
  FACEBOOK = "facebook",
  INSTAGRAM = "instagram",
  PHONE_CALL = "phone_call",
  PHONE_SWITCH = "phone_switch",
  PUSH = "push",
  SMS = "sms",
  TWITTER = "twitter",
  WHATSAPP = "whatsapp",
}
registerEnumType(ConversationSourceType, { name: "ConversationSourceType", description: "The channel a conversation started on." });

export enum SlaStatus {
  HIT = "hit",
  MISSED = "missed",
  CANCELLED = "cancelled",
  ACTIVE = "active",
}
registerEnumType(SlaStatus, { name: "SlaStatus" });

export enum LinkedObjectType {
  TICKET = "ticket",
  CONVERSATION = "conversation",
}
registerEnumType(LinkedObjectType, { name: "LinkedObjectType" });

export enum LinkedObjectCategory {
  CUSTOMER = "Customer",
  BACK_OFFICE = "Back-office",
  TRACKER = "Tracker",
}
registerEnumType(LinkedObjectCategory, { name: "LinkedObjectCategory" });

export enum AiAgentSourceType {
  ESSENTIALS_PLAN_SETUP = "essentials_plan_setup",
  PROFILE = "profile",
  WORKFLOW = "workflow",
  WORKFLOW_PREVIEW = "workflow_preview",
  FIN_PREVIEW = "fin_preview",
}
registerEnumType(AiAgentSourceType, { name: "AiAgentSourceType" });

export enum AiAgentLastAnswerType {
  AI_ANSWER = "ai_answer",
  CUSTOM_ANSWER = "custom_answer",
}
registerEnumType(AiAgentLastAnswerType, { name: "AiAgentLastAnswerType" });

export enum AiAgentResolutionState {
  ASSUMED_RESOLUTION = "assumed_resolution",
  CONFIRMED_RESOLUTION = "confirmed_resolution",
  ROUTED_TO_TEAM = "routed_to_team",
  ABANDONED = "abandoned",
}
registerEnumType(AiAgentResolutionState, { name: "AiAgentResolutionState" });

export enum ContentSourceType {
  FILE = "file",
  ARTICLE = "article",
  EXTERNAL_CONTENT = "external_content",
  CONTENT_SNIPPET = "content_snippet",
  WORKFLOW_CONNECTOR_ACTION = "workflow_connector_action",
}
registerEnumType(ContentSourceType, { name: "ContentSourceType" });

@ObjectType({ description: "A bot (Fin, a workflow, a custom bot) that wrote on behalf of the workspace.", implements: Author })
export class Bot implements Author {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

export const Assignee = createUnionType({
  name: "Assignee",
  description: "Who a conversation was assigned to: an Admin or a Team.",
  types: () => [Admin, Team] as const,
});

@ObjectType({ description: "The file attached to a part." })
export class PartAttachment {
  @Field(() => String, { description: "The type of attachment." })
  type!: string;

  @Field(() => String, { description: "The name of the attachment." })
  name!: string;

  @Field(() => String, { description: "The URL of the attachment." })
  url!: string;

  @Field(() => String, { description: "The content type of the attachment." })
  contentType!: string;

  @Field(() => Int, { nullable: true, description: "The size of the attachment." })
  filesize!: number | null;

  @Field(() => Int, { nullable: true, description: "The width of the attachment." })
  width!: number | null;

  @Field(() => Int, { nullable: true, description: "The height of the attachment." })
  height!: number | null;
}

/** Raw author reference as Intercom sends it, kept for the `author` link. */
export interface AuthorReference {
  type: string;
  id: string;
  name: string | null;
  email: string | null;
}

@ObjectType({ description: "A Conversation Part represents a message in the conversation." })
export class ConversationPart {
  @Field(() => ID, { description: "The id representing the conversation part." })
  id!: string;

  @Field(() => String, { description: "The type of conversation part (comment, note, assignment, close, open, snoozed, …)." })
  partType!: string;

  @Field(() => String, { nullable: true, description: "The message body, which may contain HTML." })
  body!: string | null;

  @Field(() => DateTime, { description: "The time the conversation part was created." })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The last time the conversation part was updated." })
  updatedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time the user was notified with the conversation part." })
  notifiedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The type of what this part assigned the conversation to (`admin`, `team`, `nobody_admin`), if it changed the assignment." })
  assignedToType!: string | null;

  @Field(() => ID, { nullable: true, description: "The id of what this part assigned the conversation to (see `assignedTo`)." })
  assignedToId!: string | null;

  @Field(() => String, { description: "The type of the author: admin, user, lead, team, bot, …" })
  authorType!: string;

  @Field(() => ID, { description: "The id of the author (see `author`)." })
  authorId!: string;

  @Field(() => [PartAttachment], { description: "A list of attachments for the part." })
  attachments!: PartAttachment[];

  @Field(() => String, { nullable: true, description: "The external id of the conversation part." })
  externalId!: string | null;

  @Field(() => Boolean, { description: "Whether or not the conversation part has been redacted." })
  redacted!: boolean;

  authorRef!: AuthorReference;
}

@ObjectType({ description: "The parts of a conversation (at most 500, as Intercom returns them)." })
export class ConversationPartList {
  @Field(() => Int, { description: "The total number of parts in the conversation." })
  totalCount!: number;

  @Field(() => [ConversationPart])
  nodes!: ConversationPart[];
}

@ObjectType({ description: "The rating and remark a contact gave the conversation, and the teammate rated." })
export class ConversationRating {
  @Field(() => Int, { nullable: true, description: "The rating, between 1 and 5, for the conversation." })
  rating!: number | null;

  @Field(() => String, { nullable: true, description: "A remark corresponding to the rating." })
  remark!: string | null;

  @Field(() => DateTime, { nullable: true, description: "The time the rating was requested in the conversation being rated." })
  createdAt!: Date | null;

  @Field(() => ID, { nullable: true, description: "The id of the contact who rated (see `contact`)." })
  contactId!: string | null;

  @Field(() => ID, { nullable: true, description: "The id of the teammate rated (see `teammate`)." })
  teammateId!: string | null;
}

@ObjectType({ description: "The Conversation Part that originated this conversation." })
export class ConversationSource {
  @Field(() => ConversationSourceType, { description: "The channel the conversation started on." })
  type!: ConversationSourceType;

  @Field(() => ID, { description: "The id representing the message." })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: "The conversation's initiation type: customer_initiated, campaigns_initiated, operator_initiated, automated or admin_initiated.",
  })
  deliveredAs!: string | null;

  @Field(() => String, { nullable: true, description: "The message subject." })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: "The message body, which may contain HTML." })
  body!: string | null;

  @Field(() => String, { description: "The type of the author: admin, user, lead, team, bot, …" })
  authorType!: string;

  @Field(() => ID, { description: "The id of the author (see `author`)." })
  authorId!: string;

  @Field(() => [PartAttachment], { description: "A list of attachments for the part." })
  attachments!: PartAttachment[];

  @Field(() => String, { nullable: true, description: "The URL where the conversation was started." })
  url!: string | null;

  @Field(() => Boolean, { description: "Whether or not the source message has been redacted." })
  redacted!: boolean;

  authorRef!: AuthorReference;
}

@ObjectType({ description: "Reporting statistics of a conversation: timestamps and durations in seconds." })
export class ConversationStatistics {
  @Field(() => Int, { nullable: true, description: "Duration until last assignment before first admin reply. In seconds." })
  timeToAssignment!: number | null;

  @Field(() => Int, { nullable: true, description: "Duration until first admin reply. In seconds." })
  timeToAdminReply!: number | null;

  @Field(() => Int, { nullable: true, description: "Duration until conversation was closed first time. In seconds." })
  timeToFirstClose!: number | null;

  @Field(() => Int, { nullable: true, description: "Duration until conversation was closed last time. In seconds." })
  timeToLastClose!: number | null;

  @Field(() => Int, { nullable: true, description: "Median based on all admin replies after a contact reply. In seconds." })
  medianTimeToReply!: number | null;

  @Field(() => DateTime, { nullable: true, description: "Time of first text conversation part from a contact." })
  firstContactReplyAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Time of first assignment after first_contact_reply_at." })
  firstAssignmentAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Time of first admin reply after first_contact_reply_at." })
  firstAdminReplyAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Time of first close after first_contact_reply_at." })
  firstCloseAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Time of last assignment after first_contact_reply_at." })
  lastAssignmentAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Time of first admin reply since most recent assignment." })
  lastAssignmentAdminReplyAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Time of the last conversation part from a contact." })
  lastContactReplyAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Time of the last conversation part from an admin." })
  lastAdminReplyAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Time of the last conversation close." })
  lastCloseAt!: Date | null;

  @Field(() => ID, { nullable: true, description: "The last admin who closed the conversation (see `lastClosedBy`)." })
  lastClosedById!: string | null;

  @Field(() => Int, { nullable: true, description: "Number of reopens after first_contact_reply_at." })
  countReopens!: number | null;

  @Field(() => Int, { nullable: true, description: "Number of assignments after first_contact_reply_at." })
  countAssignments!: number | null;

  @Field(() => Int, { nullable: true, description: "Total number of conversation parts." })
  countConversationParts!: number | null;
}

@ObjectType({ description: "Information on the first user message of the conversation." })
export class ConversationFirstContactReply {
  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => String)
  type!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@ObjectType({ description: "The SLA applied to a conversation." })
export class SlaApplied {
  @Field(() => String, { description: "The name of the SLA as given by the teammate when it was created." })
  slaName!: string;

  @Field(() => SlaStatus, { nullable: true, description: "hit, missed, cancelled or active; null if an SLA event was cancelled." })
  slaStatus!: SlaStatus | null;
}

@ObjectType({ description: "A linked conversation or ticket." })
export class LinkedObject {
  @Field(() => LinkedObjectType)
  type!: LinkedObjectType;

  @Field(() => ID)
  id!: string;

  @Field(() => LinkedObjectCategory, { nullable: true, description: "Category of the linked ticket." })
  category!: LinkedObjectCategory | null;
}

@ObjectType({ description: "Linked conversations and tickets (up to 1000)." })
export class LinkedObjectList {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => Boolean, { description: "Whether there are more linked objects than returned." })
  hasMore!: boolean;

  @Field(() => [LinkedObject])
  nodes!: LinkedObject[];
}

@ObjectType({ description: "A content source used by AI Agent in the conversation." })
export class ContentSource {
  @Field(() => ContentSourceType)
  contentType!: ContentSourceType;

  @Field(() => String)
  url!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  locale!: string;
}

@ObjectType({ description: "Data related to AI Agent involvement in the conversation." })
export class AiAgent {
  @Field(() => AiAgentSourceType, { nullable: true })
  sourceType!: AiAgentSourceType | null;

  @Field(() => String, { nullable: true })
  sourceTitle!: string | null;

  @Field(() => AiAgentLastAnswerType, { nullable: true })
  lastAnswerType!: AiAgentLastAnswerType | null;

  @Field(() => AiAgentResolutionState, { nullable: true })
  resolutionState!: AiAgentResolutionState | null;

  @Field(() => Int, { nullable: true })
  rating!: number | null;

  @Field(() => String, { nullable: true })
  ratingRemark!: string | null;

  @Field(() => [ContentSource])
  contentSources!: ContentSource[];
}

@ObjectType({
  description:
    "Conversations are how you can communicate with users in Intercom. Links (`adminAssignee`, `teamAssignee`, `contacts`, `teammates`, authors) resolve to the real objects; the raw ids stay beside them.",
})
export class Conversation {
  @Field(() => ID, { description: "The id representing the conversation." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The title given to the conversation." })
  title!: string | null;

  @Field(() => DateTime, { description: "The time the conversation was created." })
  createdAt!: Date;

  @Field(() => DateTime, { description: "The last time the conversation was updated." })
  updatedAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The time a customer started waiting for a response; null if the last reply is from an admin." })
  waitingSince!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When a snoozed conversation will reopen." })
  snoozedUntil!: Date | null;

  @Field(() => Boolean, { description: "Whether the conversation is open (true) or closed (false)." })
  open!: boolean;

  @Field(() => ConversationState)
  state!: ConversationState;

  @Field(() => Boolean, { description: "Whether the conversation has been read." })
  read!: boolean;

  @Field(() => ConversationPriority, { nullable: true })
  priority!: ConversationPriority | null;

  @Field(() => ID, { nullable: true, description: "The id of the admin assigned (see `adminAssignee`)." })
  adminAssigneeId!: string | null;

  @Field(() => ID, { nullable: true, description: "The id of the team assigned (see `teamAssignee`)." })
  teamAssigneeId!: string | null;

  @Field(() => [Tag], { description: "The tags applied to the conversation." })
  tags!: Tag[];

  @Field(() => ConversationRating, { nullable: true })
  conversationRating!: ConversationRating | null;

  @Field(() => ConversationSource)
  source!: ConversationSource;

  @Field(() => [ID], { description: "The ids of the contacts involved (see `contacts`)." })
  contactIds!: string[];

  @Field(() => [ID], { description: "The ids of the teammates who wrote at least one part (see `teammates`)." })
  teammateIds!: string[];

  @Field(() => JSONObject, { description: "Custom attributes of the conversation." })
  customAttributes!: Record<string, unknown>;

  @Field(() => ConversationFirstContactReply, { nullable: true })
  firstContactReply!: ConversationFirstContactReply | null;

  @Field(() => SlaApplied, { nullable: true })
  slaApplied!: SlaApplied | null;

  @Field(() => ConversationStatistics, { nullable: true })
  statistics!: ConversationStatistics | null;

  @Field(() => LinkedObjectList, { nullable: true })
  linkedObjects!: LinkedObjectList | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the AI Agent participated in the conversation." })
  aiAgentParticipated!: boolean | null;

  @Field(() => AiAgent, { nullable: true })
  aiAgent!: AiAgent | null;

  /** Present when the conversation was fetched by id; list and search results carry no parts. */
  partList?: ConversationPartList;

  // Not exposed: `type` (always "conversation"; __typename says it) and `topics`, which the
  // document lists as required but never defines (no schema; Intercom sends {}).
}

export const ConversationConnection = ConnectionType(Conversation, "Conversation");
export type ConversationConnection = InstanceType<typeof ConversationConnection>;

// ---- Mutation inputs -------------------------------------------------------

export enum AdminReplyType {
  COMMENT = "comment",
  NOTE = "note",
}
registerEnumType(AdminReplyType, { name: "AdminReplyType", description: "A comment is seen by the customer; a note only by teammates." });

export enum AssigneeType {
  ADMIN = "admin",
  TEAM = "team",
}
registerEnumType(AssigneeType, { name: "AssigneeType" });

@InputType({ description: "A reply written by an admin." })
export class AdminReplyInput {
  @Field(() => ID, { description: "The id of the admin who is authoring the reply." })
  adminId!: string;

  @Field(() => AdminReplyType, { defaultValue: AdminReplyType.COMMENT })
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
  @Field(() => AdminReplyInput, { nullable: true })
  admin?: AdminReplyInput;

  @Field(() => ContactReplyInput, { nullable: true })
  contact?: ContactReplyInput;
}

@InputType()
export class UpdateConversationInput {
  @Field(() => Boolean, { nullable: true, description: "Mark the conversation as read." })
  read?: boolean;

  @Field(() => JSONObject, { nullable: true, description: "Custom attributes to set (strings, numbers, booleans or null)." })
  customAttributes?: Record<string, unknown>;
}

@InputType()
export class CloseConversationInput {
  @Field(() => ID, { description: "The id of the admin who is closing the conversation." })
  adminId!: string;

  @Field(() => String, { nullable: true, description: "An optional message left in the conversation." })
  body?: string;
}

@InputType()
export class OpenConversationInput {
  @Field(() => ID, { description: "The id of the admin who is opening the conversation." })
  adminId!: string;
}

@InputType()
export class SnoozeConversationInput {
  @Field(() => ID, { description: "The id of the admin who is snoozing the conversation." })
  adminId!: string;

  @Field(() => DateTime, { description: "When the conversation reopens." })
  snoozedUntil!: Date;
}

@InputType()
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
  @Field(() => ConversationSenderInput)
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

@InputType()
export class AttachContactToConversationInput {
  @Field(() => ID, { description: "The id of the admin who is adding the new participant." })
  adminId!: string;

  @Field(() => ConversationCustomerInput)
  customer!: ConversationCustomerInput;
}

@InputType()
export class DetachContactFromConversationInput {
  @Field(() => ID, { description: "The id of the admin who is performing the action." })
  adminId!: string;
}

export enum RedactionType {
  CONVERSATION_PART = "conversation_part",
  SOURCE = "source",
}
registerEnumType(RedactionType, { name: "RedactionType", description: "What to redact: a conversation part, or the conversation's source message." });

@InputType({ description: "A part (conversationPartId) or the source message (sourceId) of a conversation to redact." })
export class RedactConversationInput {
  @Field(() => RedactionType)
  type!: RedactionType;

  @Field(() => ID, { description: "The id of the conversation." })
  conversationId!: string;

  @Field(() => ID, { nullable: true, description: "The id of the conversation part (type CONVERSATION_PART)." })
  conversationPartId?: string;

  @Field(() => ID, { nullable: true, description: "The id of the source (type SOURCE)." })
  sourceId?: string;
}
