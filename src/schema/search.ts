import { Field, InputType, Int, registerEnumType } from "type-graphql";
import { DateTime } from "./scalars.js";

export enum SearchOperator {
  EQ = "=",
  NEQ = "!=",
  IN = "IN",
  NIN = "NIN",
  LT = "<",
  LTE = "<=",
  GT = ">",
  GTE = ">=",
  CONTAINS = "~",
  NOT_CONTAINS = "!~",
  STARTS_WITH = "^",
  ENDS_WITH = "$",
}
registerEnumType(SearchOperator, {
  name: "SearchOperator",
  description: "How a search condition compares a field with its value (Intercom's search operators).",
  valuesConfig: {
    EQ: { description: "`=` equals" },
    NEQ: { description: "`!=` does not equal" },
    IN: { description: "`IN` one of a list (not for dates or tag ids)" },
    NIN: { description: "`NIN` none of a list (not for dates or tag ids)" },
    LT: { description: "`<` lower than (integers and dates)" },
    LTE: { description: "`<=` lower than or equal" },
    GT: { description: "`>` greater than (integers and dates)" },
    GTE: { description: "`>=` greater than or equal" },
    CONTAINS: { description: "`~` contains (strings)" },
    NOT_CONTAINS: { description: "`!~` does not contain (strings)" },
    STARTS_WITH: { description: "`^` starts with (strings)" },
    ENDS_WITH: { description: "`$` ends with (strings)" },
  },
});

@InputType({ description: "A typed search value: set exactly one member." })
export class SearchValueInput {
  @Field(() => String, { nullable: true, description: "A string (also ids, and enum-like fields such as `state`, as Intercom spells them)." })
  string?: string;

  @Field(() => [String], { nullable: true, description: "For IN and NIN." })
  strings?: string[];

  @Field(() => Int, { nullable: true, description: "An integer (counts, durations in seconds, scores, integer ids)." })
  int?: number;

  @Field(() => [Int], { nullable: true, description: "For IN and NIN." })
  ints?: number[];

  @Field(() => Boolean, { nullable: true, description: "A boolean, for fields such as `open` and `read`." })
  boolean?: boolean;

  @Field(() => DateTime, { nullable: true, description: "Sent to Intercom as a Unix timestamp." })
  dateTime?: Date;

  @Field(() => Boolean, { nullable: true, description: "Set to true to compare with null." })
  null?: boolean;
}

/** Searchable conversation fields, from the 2.11 document's "Accepted Fields" table. */
export enum ConversationSearchField {
  ID = "id",
  CREATED_AT = "created_at",
  UPDATED_AT = "updated_at",
  SOURCE_TYPE = "source.type",
  SOURCE_ID = "source.id",
  SOURCE_DELIVERED_AS = "source.delivered_as",
  SOURCE_SUBJECT = "source.subject",
  SOURCE_BODY = "source.body",
  SOURCE_AUTHOR_ID = "source.author.id",
  SOURCE_AUTHOR_TYPE = "source.author.type",
  SOURCE_AUTHOR_NAME = "source.author.name",
  SOURCE_AUTHOR_EMAIL = "source.author.email",
  SOURCE_URL = "source.url",
  CONTACT_IDS = "contact_ids",
  TEAMMATE_IDS = "teammate_ids",
  ADMIN_ASSIGNEE_ID = "admin_assignee_id",
  TEAM_ASSIGNEE_ID = "team_assignee_id",
  CHANNEL_INITIATED = "channel_initiated",
  OPEN = "open",
  READ = "read",
  STATE = "state",
  WAITING_SINCE = "waiting_since",
  SNOOZED_UNTIL = "snoozed_until",
  TAG_IDS = "tag_ids",
  PRIORITY = "priority",
  STATISTICS_TIME_TO_ASSIGNMENT = "statistics.time_to_assignment",
  STATISTICS_TIME_TO_ADMIN_REPLY = "statistics.time_to_admin_reply",
  STATISTICS_TIME_TO_FIRST_CLOSE = "statistics.time_to_first_close",
  STATISTICS_TIME_TO_LAST_CLOSE = "statistics.time_to_last_close",
  STATISTICS_MEDIAN_TIME_TO_REPLY = "statistics.median_time_to_reply",
  STATISTICS_FIRST_CONTACT_REPLY_AT = "statistics.first_contact_reply_at",
  STATISTICS_FIRST_ASSIGNMENT_AT = "statistics.first_assignment_at",
  STATISTICS_FIRST_ADMIN_REPLY_AT = "statistics.first_admin_reply_at",
  STATISTICS_FIRST_CLOSE_AT = "statistics.first_close_at",
  STATISTICS_LAST_ASSIGNMENT_AT = "statistics.last_assignment_at",
  STATISTICS_LAST_ASSIGNMENT_ADMIN_REPLY_AT = "statistics.last_assignment_admin_reply_at",
  STATISTICS_LAST_CONTACT_REPLY_AT = "statistics.last_contact_reply_at",
  STATISTICS_LAST_ADMIN_REPLY_AT = "statistics.last_admin_reply_at",
  STATISTICS_LAST_CLOSE_AT = "statistics.last_close_at",
  STATISTICS_LAST_CLOSED_BY_ID = "statistics.last_closed_by_id",
  STATISTICS_COUNT_REOPENS = "statistics.count_reopens",
  STATISTICS_COUNT_ASSIGNMENTS = "statistics.count_assignments",
  STATISTICS_COUNT_CONVERSATION_PARTS = "statistics.count_conversation_parts",
  CONVERSATION_RATING_REQUESTED_AT = "conversation_rating.requested_at",
  CONVERSATION_RATING_REPLIED_AT = "conversation_rating.replied_at",
  CONVERSATION_RATING_SCORE = "conversation_rating.score",
  CONVERSATION_RATING_REMARK = "conversation_rating.remark",
  CONVERSATION_RATING_CONTACT_ID = "conversation_rating.contact_id",
  CONVERSATION_RATING_ADMIN_ID = "conversation_rating.admin_id",
  AI_AGENT_PARTICIPATED = "ai_agent_participated",
  AI_AGENT_RESOLUTION_STATE = "ai_agent.resolution_state",
  AI_AGENT_LAST_ANSWER_TYPE = "ai_agent.last_answer_type",
  AI_AGENT_RATING = "ai_agent.rating",
  AI_AGENT_RATING_REMARK = "ai_agent.rating_remark",
  AI_AGENT_SOURCE_TYPE = "ai_agent.source_type",
  AI_AGENT_SOURCE_TITLE = "ai_agent.source_title",
}
registerEnumType(ConversationSearchField, {
  name: "ConversationSearchField",
  description: "A searchable conversation field. Each value's description names Intercom's field and its type; set the matching member of `SearchValueInput` (`dateTime` for a date).",
  valuesConfig: {
    ID: { description: "`id` (string): the conversation's id." },
    CREATED_AT: { description: "`created_at` (date): when the conversation was created." },
    UPDATED_AT: { description: "`updated_at` (date): when the conversation was last updated." },
    SOURCE_TYPE: { description: "`source.type` (string): the channel it started on, as Intercom spells it (`conversation`, `email`, `facebook`, `instagram`, `phone_call`, `phone_switch`, `push`, `sms`, `twitter`, `whatsapp`)." },
    SOURCE_ID: { description: "`source.id` (string): the id of the message that started it." },
    SOURCE_DELIVERED_AS: { description: "`source.delivered_as` (string): how it was initiated (`customer_initiated`, `operator_initiated`, `automated`, …)." },
    SOURCE_SUBJECT: { description: "`source.subject` (string): the subject of the message that started it." },
    SOURCE_BODY: { description: "`source.body` (string): the body of the message that started it, matched word by word (EQ `support` finds \"I need support\"; `need support` does not)." },
    SOURCE_AUTHOR_ID: { description: "`source.author.id` (string): the id of who started it." },
    SOURCE_AUTHOR_TYPE: { description: "`source.author.type` (string): the type of who started it (`user`, `lead`, `admin`, `bot`, …)." },
    SOURCE_AUTHOR_NAME: { description: "`source.author.name` (string): the name of who started it." },
    SOURCE_AUTHOR_EMAIL: { description: "`source.author.email` (string): the email of who started it." },
    SOURCE_URL: { description: "`source.url` (string): the URL of the page where it was started." },
    CONTACT_IDS: { description: "`contact_ids` (string): the id of a contact involved." },
    TEAMMATE_IDS: { description: "`teammate_ids` (string): the id of a teammate who wrote in it." },
    ADMIN_ASSIGNEE_ID: { description: "`admin_assignee_id` (integer): the id of the assigned admin." },
    TEAM_ASSIGNEE_ID: { description: "`team_assignee_id` (integer): the id of the assigned team." },
    CHANNEL_INITIATED: { description: "`channel_initiated` (string): the channel the conversation was initiated on, as Intercom records it." },
    OPEN: { description: "`open` (boolean): whether it is open." },
    READ: { description: "`read` (boolean): whether it has been read." },
    STATE: { description: "`state` (string): `open`, `closed` or `snoozed`." },
    WAITING_SINCE: { description: "`waiting_since` (date): since when the contact has been waiting for a reply." },
    SNOOZED_UNTIL: { description: "`snoozed_until` (date): when a snoozed conversation reopens." },
    TAG_IDS: { description: "`tag_ids` (string): the id of a tag applied to it (no IN or NIN)." },
    PRIORITY: { description: "`priority` (string): `priority` or `not_priority`." },
    STATISTICS_TIME_TO_ASSIGNMENT: { description: "`statistics.time_to_assignment` (integer): seconds until the last assignment before the first admin reply." },
    STATISTICS_TIME_TO_ADMIN_REPLY: { description: "`statistics.time_to_admin_reply` (integer): seconds until the first admin reply." },
    STATISTICS_TIME_TO_FIRST_CLOSE: { description: "`statistics.time_to_first_close` (integer): seconds until it was first closed." },
    STATISTICS_TIME_TO_LAST_CLOSE: { description: "`statistics.time_to_last_close` (integer): seconds until it was last closed." },
    STATISTICS_MEDIAN_TIME_TO_REPLY: { description: "`statistics.median_time_to_reply` (integer): median seconds of the admin replies after a contact reply." },
    STATISTICS_FIRST_CONTACT_REPLY_AT: { description: "`statistics.first_contact_reply_at` (date): the first text part from a contact." },
    STATISTICS_FIRST_ASSIGNMENT_AT: { description: "`statistics.first_assignment_at` (date): the first assignment after the first contact reply." },
    STATISTICS_FIRST_ADMIN_REPLY_AT: { description: "`statistics.first_admin_reply_at` (date): the first admin reply after the first contact reply." },
    STATISTICS_FIRST_CLOSE_AT: { description: "`statistics.first_close_at` (date): the first close after the first contact reply." },
    STATISTICS_LAST_ASSIGNMENT_AT: { description: "`statistics.last_assignment_at` (date): the last assignment after the first contact reply." },
    STATISTICS_LAST_ASSIGNMENT_ADMIN_REPLY_AT: { description: "`statistics.last_assignment_admin_reply_at` (date): the first admin reply since the most recent assignment." },
    STATISTICS_LAST_CONTACT_REPLY_AT: { description: "`statistics.last_contact_reply_at` (date): the last part from a contact." },
    STATISTICS_LAST_ADMIN_REPLY_AT: { description: "`statistics.last_admin_reply_at` (date): the last part from an admin." },
    STATISTICS_LAST_CLOSE_AT: { description: "`statistics.last_close_at` (date): the last close." },
    STATISTICS_LAST_CLOSED_BY_ID: { description: "`statistics.last_closed_by_id` (string): the id of the admin who last closed it." },
    STATISTICS_COUNT_REOPENS: { description: "`statistics.count_reopens` (integer): reopens after the first contact reply." },
    STATISTICS_COUNT_ASSIGNMENTS: { description: "`statistics.count_assignments` (integer): assignments after the first contact reply." },
    STATISTICS_COUNT_CONVERSATION_PARTS: { description: "`statistics.count_conversation_parts` (integer): the number of parts." },
    CONVERSATION_RATING_REQUESTED_AT: { description: "`conversation_rating.requested_at` (date): when a rating was requested." },
    CONVERSATION_RATING_REPLIED_AT: { description: "`conversation_rating.replied_at` (date): when the contact rated." },
    CONVERSATION_RATING_SCORE: { description: "`conversation_rating.score` (integer): the rating, 1 to 5." },
    CONVERSATION_RATING_REMARK: { description: "`conversation_rating.remark` (string): the remark left with the rating." },
    CONVERSATION_RATING_CONTACT_ID: { description: "`conversation_rating.contact_id` (string): the id of the contact who rated." },
    CONVERSATION_RATING_ADMIN_ID: { description: "`conversation_rating.admin_id` (string): the id of the teammate rated." },
    AI_AGENT_PARTICIPATED: { description: "`ai_agent_participated` (boolean): whether the AI Agent took part." },
    AI_AGENT_RESOLUTION_STATE: { description: "`ai_agent.resolution_state` (string): how the AI Agent's part ended (`assumed_resolution`, `confirmed_resolution`, `routed_to_team`, `abandoned`)." },
    AI_AGENT_LAST_ANSWER_TYPE: { description: "`ai_agent.last_answer_type` (string): `ai_answer` or `custom_answer`." },
    AI_AGENT_RATING: { description: "`ai_agent.rating` (integer): the rating given to the AI Agent, 1 to 5." },
    AI_AGENT_RATING_REMARK: { description: "`ai_agent.rating_remark` (string): the remark left with that rating." },
    AI_AGENT_SOURCE_TYPE: { description: "`ai_agent.source_type` (string): what brought the AI Agent in (`essentials_plan_setup`, `profile`, `workflow`, `workflow_preview`, `fin_preview`)." },
    AI_AGENT_SOURCE_TITLE: { description: "`ai_agent.source_title` (string): the title of that source." },
  },
});

/** Fields that reject IN/NIN, per the document: dates and tag ids. */
export const CONVERSATION_NO_LIST_FIELDS: ReadonlySet<string> = new Set([
  ...Object.values(ConversationSearchField).filter((f) => f.endsWith("_at") || f === "waiting_since" || f === "snoozed_until"),
  ConversationSearchField.TAG_IDS,
]);

@InputType({
  description:
    "A conversation search: either one condition (`field`, `operator`, `value`) or a group (`and` or `or`) of nested queries. At most 2 levels of groups and 15 members per group.",
})
export class ConversationSearchQuery {
  @Field(() => ConversationSearchField, { nullable: true, description: "The field a condition compares." })
  field?: ConversationSearchField;

  @Field(() => SearchOperator, { nullable: true, description: "How a condition compares the field with `value`." })
  operator?: SearchOperator;

  @Field(() => SearchValueInput, { nullable: true, description: "The value a condition compares the field with." })
  value?: SearchValueInput;

  @Field(() => [ConversationSearchQuery], { nullable: true, description: "All of these must match." })
  and?: ConversationSearchQuery[];

  @Field(() => [ConversationSearchQuery], { nullable: true, description: "Any of these must match." })
  or?: ConversationSearchQuery[];
}
