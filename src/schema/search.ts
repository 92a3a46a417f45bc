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
  @Field(() => String, { nullable: true })
  string?: string;

  @Field(() => [String], { nullable: true, description: "For IN and NIN." })
  strings?: string[];

  @Field(() => Int, { nullable: true })
  int?: number;

  @Field(() => [Int], { nullable: true, description: "For IN and NIN." })
  ints?: number[];

  @Field(() => Boolean, { nullable: true })
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
registerEnumType(ConversationSearchField, { name: "ConversationSearchField" });

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
  @Field(() => ConversationSearchField, { nullable: true })
  field?: ConversationSearchField;

  @Field(() => SearchOperator, { nullable: true })
  operator?: SearchOperator;

  @Field(() => SearchValueInput, { nullable: true })
  value?: SearchValueInput;

  @Field(() => [ConversationSearchQuery], { nullable: true, description: "All of these must match." })
  and?: ConversationSearchQuery[];

  @Field(() => [ConversationSearchQuery], { nullable: true, description: "Any of these must match." })
  or?: ConversationSearchQuery[];
}
