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
registerEnumType(ConversationState, {
  name: "ConversationState",
  description: "Where a conversation is in its lifecycle.",
  valuesConfig: {
    OPEN: { description: "Waiting for a teammate: it appears in the inbox." },
    CLOSED: { description: "Done with; a new reply from the contact reopens it." },
    SNOOZED: { description: "Set aside until `snoozedUntil`, when it becomes open again." },
  },
});

export enum ConversationPriority {
  PRIORITY = "priority",
  NOT_PRIORITY = "not_priority",
}
registerEnumType(ConversationPriority, {
  name: "ConversationPriority",
  description: "Whether a teammate marked the conversation as a priority.",
  valuesConfig: {
    PRIORITY: { description: "Marked as a priority." },
    NOT_PRIORITY: { description: "Not marked as a priority." },
  },
});

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
registerEnumType(ConversationSourceType, {
  name: "ConversationSourceType",
  description: "The channel a conversation started on.",
  valuesConfig: {
    CONVERSATION: { description: "A message in the Intercom Messenger (web or mobile)." },
    EMAIL: { description: "An email sent to your inbox address." },
    FACEBOOK: { description: "A Facebook Messenger message." },
    INSTAGRAM: { description: "An Instagram direct message." },
    PHONE_CALL: { description: "A call through Intercom Phone." },
    PHONE_SWITCH: { description: "A phone call switched to a messaging channel (see `createPhoneSwitch`)." },
    PUSH: { description: "A mobile push notification." },
    SMS: { description: "An SMS text message." },
    TWITTER: { description: "A Twitter (X) direct message." },
    WHATSAPP: { description: "A WhatsApp message." },
  },
});

export enum SlaStatus {
  HIT = "hit",
  MISSED = "missed",
  CANCELLED = "cancelled",
  ACTIVE = "active",
}
registerEnumType(SlaStatus, {
  name: "SlaStatus",
  description: "How a conversation stands against the SLA applied to it.",
  valuesConfig: {
    HIT: { description: "At least one target was hit, and none was missed or cancelled." },
    MISSED: { description: "At least one target was missed (recorded at the next teammate reply, not when the SLA expires), and none was cancelled." },
    CANCELLED: { description: "The SLA was removed from the conversation." },
    ACTIVE: { description: "Applied but not yet fulfilled: no target has been hit, missed or cancelled so far." },
  },
});

export enum LinkedObjectType {
  TICKET = "ticket",
  CONVERSATION = "conversation",
}
registerEnumType(LinkedObjectType, {
  name: "LinkedObjectType",
  description: "What kind of object is linked to a conversation or ticket.",
  valuesConfig: {
    TICKET: { description: "A ticket (its `id` is the ticket's id, not its `ticketId`)." },
    CONVERSATION: { description: "A conversation, e.g. one linked to a tracker ticket." },
  },
});

export enum LinkedObjectCategory {
  CUSTOMER = "Customer",
  BACK_OFFICE = "Back-office",
  TRACKER = "Tracker",
}
registerEnumType(LinkedObjectCategory, {
  name: "LinkedObjectCategory",
  description: "The category of a linked ticket.",
  valuesConfig: {
    CUSTOMER: { description: "A customer ticket, shared with the customer." },
    BACK_OFFICE: { description: "A back-office ticket, worked on internally by teams." },
    TRACKER: { description: "A tracker ticket, which many conversations and customer tickets about one issue are linked to." },
  },
});

export enum AiAgentSourceType {
  ESSENTIALS_PLAN_SETUP = "essentials_plan_setup",
  PROFILE = "profile",
  WORKFLOW = "workflow",
  WORKFLOW_PREVIEW = "workflow_preview",
  FIN_PREVIEW = "fin_preview",
}
registerEnumType(AiAgentSourceType, {
  name: "AiAgentSourceType",
  description: "What brought the AI Agent (Fin) into a conversation.",
  valuesConfig: {
    ESSENTIALS_PLAN_SETUP: { description: "The AI Agent setup of the Essentials plan." },
    PROFILE: { description: "An AI Agent profile." },
    WORKFLOW: { description: "A live workflow that handed the conversation to the AI Agent." },
    WORKFLOW_PREVIEW: { description: "A preview of a workflow." },
    FIN_PREVIEW: { description: "A preview of Fin." },
  },
});

export enum AiAgentLastAnswerType {
  AI_ANSWER = "ai_answer",
  CUSTOM_ANSWER = "custom_answer",
}
registerEnumType(AiAgentLastAnswerType, {
  name: "AiAgentLastAnswerType",
  description: "The kind of the last answer the AI Agent gave.",
  valuesConfig: {
    AI_ANSWER: { description: "An answer the AI generated from the content sources." },
    CUSTOM_ANSWER: { description: "A custom answer written by the team." },
  },
});

export enum AiAgentResolutionState {
  ASSUMED_RESOLUTION = "assumed_resolution",
  CONFIRMED_RESOLUTION = "confirmed_resolution",
  ROUTED_TO_TEAM = "routed_to_team",
  ABANDONED = "abandoned",
}
registerEnumType(AiAgentResolutionState, {
  name: "AiAgentResolutionState",
  description: "How the AI Agent's part of a conversation ended.",
  valuesConfig: {
    ASSUMED_RESOLUTION: { description: "The customer left after an answer without asking for more help, so the answer is assumed to have resolved the question." },
    CONFIRMED_RESOLUTION: { description: "The customer confirmed the answer resolved the question." },
    ROUTED_TO_TEAM: { description: "The conversation was handed over to the team." },
    ABANDONED: { description: "The customer left without the question being resolved." },
  },
});

export enum ContentSourceType {
  FILE = "file",
  ARTICLE = "article",
  EXTERNAL_CONTENT = "external_content",
  CONTENT_SNIPPET = "content_snippet",
  WORKFLOW_CONNECTOR_ACTION = "workflow_connector_action",
}
registerEnumType(ContentSourceType, {
  name: "ContentSourceType",
  description: "The kind of content the AI Agent used to answer.",
  valuesConfig: {
    FILE: { description: "An uploaded file." },
    ARTICLE: { description: "A Help Center article." },
    EXTERNAL_CONTENT: { description: "Content synced from an external website." },
    CONTENT_SNIPPET: { description: "A snippet written for the AI Agent." },
    WORKFLOW_CONNECTOR_ACTION: { description: "A data connector action run by a workflow." },
  },
});

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

  @Field(() => [ConversationPart], { description: "The parts, oldest first." })
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
  @Field(() => DateTime, { description: "When the contact first wrote in the conversation." })
  createdAt!: Date;

  @Field(() => String, { description: "The channel of the first contact reply (e.g. conversation, email)." })
  type!: string;

  @Field(() => String, { nullable: true, description: "The URL of the page the contact wrote from, for messages sent from a website." })
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
  @Field(() => LinkedObjectType, { description: "Whether the linked object is a ticket or a conversation (see `object`)." })
  type!: LinkedObjectType;

  @Field(() => ID, { description: "The id of the linked ticket or conversation (see `object`)." })
  id!: string;

  @Field(() => LinkedObjectCategory, { nullable: true, description: "Category of the linked ticket." })
  category!: LinkedObjectCategory | null;
}

@ObjectType({ description: "Linked conversations and tickets (up to 1000)." })
export class LinkedObjectList {
  @Field(() => Int, { description: "The total number of linked objects." })
  totalCount!: number;

  @Field(() => Boolean, { description: "Whether there are more linked objects than returned." })
  hasMore!: boolean;

  @Field(() => [LinkedObject], { description: "The linked conversations and tickets." })
  nodes!: LinkedObject[];
}

@ObjectType({ description: "A content source used by AI Agent in the conversation." })
export class ContentSource {
  @Field(() => ContentSourceType, { description: "The kind of content source." })
  contentType!: ContentSourceType;

  @Field(() => String, { description: "The internal URL of the content source, for teammates." })
  url!: string;

  @Field(() => String, { description: "The title of the content source." })
  title!: string;

  @Field(() => String, { description: "The ISO 639 language code of the content source." })
  locale!: string;
}

@ObjectType({ description: "Data related to AI Agent involvement in the conversation." })
export class AiAgent {
  @Field(() => AiAgentSourceType, { nullable: true, description: "The kind of source that brought the AI Agent into the conversation." })
  sourceType!: AiAgentSourceType | null;

  @Field(() => String, { nullable: true, description: "The title of that source; null for ESSENTIALS_PLAN_SETUP." })
  sourceTitle!: string | null;

  @Field(() => AiAgentLastAnswerType, { nullable: true, description: "The kind of the last answer the AI Agent gave; null if it gave none." })
  lastAnswerType!: AiAgentLastAnswerType | null;

  @Field(() => AiAgentResolutionState, { nullable: true, description: "How the AI Agent's involvement ended; null if it gave no AI or custom answer." })
  resolutionState!: AiAgentResolutionState | null;

  @Field(() => Int, { nullable: true, description: "The customer satisfaction rating given to the AI Agent, from 1 to 5." })
  rating!: number | null;

  @Field(() => String, { nullable: true, description: "The remark the customer left with that rating." })
  ratingRemark!: string | null;

  @Field(() => [ContentSource], { description: "The content the AI Agent used to answer in the conversation." })
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

  @Field(() => ConversationState, { description: "Whether the conversation is open, closed or snoozed." })
  state!: ConversationState;

  @Field(() => Boolean, { description: "Whether the conversation has been read." })
  read!: boolean;

  @Field(() => ConversationPriority, { nullable: true, description: "Whether the conversation is marked as a priority." })
  priority!: ConversationPriority | null;

  @Field(() => ID, { nullable: true, description: "The id of the admin assigned (see `adminAssignee`)." })
  adminAssigneeId!: string | null;

  @Field(() => ID, { nullable: true, description: "The id of the team assigned (see `teamAssignee`)." })
  teamAssigneeId!: string | null;

  @Field(() => [Tag], { description: "The tags applied to the conversation." })
  tags!: Tag[];

  @Field(() => ConversationRating, { nullable: true, description: "The rating the contact gave the conversation; null if it was not rated." })
  conversationRating!: ConversationRating | null;

  @Field(() => ConversationSource, { description: "The message that started the conversation: its channel, author, subject and body." })
  source!: ConversationSource;

  @Field(() => [ID], { description: "The ids of the contacts involved (see `contacts`)." })
  contactIds!: string[];

  @Field(() => [ID], { description: "The ids of the teammates who wrote at least one part (see `teammates`)." })
  teammateIds!: string[];

  @Field(() => JSONObject, { description: "Custom attributes of the conversation." })
  customAttributes!: Record<string, unknown>;

  @Field(() => ConversationFirstContactReply, { nullable: true, description: "The contact's first message in the conversation (for a conversation a contact started, its original message)." })
  firstContactReply!: ConversationFirstContactReply | null;

  @Field(() => SlaApplied, { nullable: true, description: "The SLA applied to the conversation, if any." })
  slaApplied!: SlaApplied | null;

  @Field(() => ConversationStatistics, { nullable: true, description: "Reporting statistics: response times, assignment and close times, counts." })
  statistics!: ConversationStatistics | null;

  @Field(() => LinkedObjectList, { nullable: true, description: "The conversations and tickets linked to this conversation." })
  linkedObjects!: LinkedObjectList | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the AI Agent participated in the conversation." })
  aiAgentParticipated!: boolean | null;

  @Field(() => AiAgent, { nullable: true, description: "How the AI Agent took part in the conversation; null if it did not." })
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
