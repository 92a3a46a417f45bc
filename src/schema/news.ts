import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "./common.js";
import { DateTime } from "./scalars.js";

export enum NewsItemState {
  DRAFT = "draft",
  LIVE = "live",
}
registerEnumType(NewsItemState, {
  name: "NewsItemState",
  description: "News items will not be visible to your users in the assigned newsfeeds until they are set live.",
  valuesConfig: {
    DRAFT: { description: "Not visible to users yet." },
    LIVE: { description: "Visible to users in the newsfeeds it is assigned to." },
  },
});

@ObjectType({ description: "Assigns a news item to a newsfeed." })
export class NewsfeedAssignment {
  @Field(() => ID, { description: "The id of the newsfeed (see `newsfeed`)." })
  newsfeedId!: string;

  @Field(() => DateTime, { nullable: true, description: "Publish date of the news item on the newsfeed." })
  publishedAt!: Date | null;
}

@ObjectType({
  description:
    "A News Item is a content type in Intercom enabling you to announce product updates, company news, promotions, events and more with your customers.",
})
export class NewsItem {
  @Field(() => ID, { description: "The unique identifier for the news item which is given by Intercom." })
  id!: string;

  @Field(() => ID, { description: "The id of the workspace which the news item belongs to." })
  workspaceId!: string;

  @Field(() => String, { description: "The title of the news item." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The news item body, which may contain HTML." })
  body!: string | null;

  @Field(() => ID, { description: "The id of the teammate who sends the news item (see `sender`)." })
  senderId!: string;

  @Field(() => NewsItemState, { description: "Whether the news item is live or a draft." })
  state!: NewsItemState;

  @Field(() => [NewsfeedAssignment], { description: "The newsfeeds the news item is assigned to, with its publish date on each." })
  newsfeedAssignments!: NewsfeedAssignment[];

  @Field(() => [String], { description: "Label names displayed to users to categorize the news item." })
  labels!: string[];

  @Field(() => String, { nullable: true, description: "URL of the image used as cover." })
  coverImageUrl!: string | null;

  @Field(() => [String], { description: "Ordered list of emoji reactions to the news item. When empty, reactions are disabled." })
  reactions!: string[];

  @Field(() => Boolean, { nullable: true, description: "When true, the news item appears in the messenger newsfeed without a notification badge." })
  deliverSilently!: boolean | null;

  @Field(() => DateTime, { description: "When the news item was created." })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "When the news item was last updated." })
  updatedAt!: Date | null;
}

@ObjectType({ description: "A newsfeed is a collection of news items, targeted to a specific audience." })
export class Newsfeed {
  @Field(() => ID, { description: "The unique identifier for the newsfeed which is given by Intercom." })
  id!: string;

  @Field(() => String, { description: "The name of the newsfeed. This name will never be visible to your users." })
  name!: string;

  @Field(() => DateTime, { description: "When the newsfeed was created." })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "When the newsfeed was last updated." })
  updatedAt!: Date | null;
}

@ObjectType({ description: "The answer to deleting a news item." })
export class DeletedNewsItem {
  @Field(() => ID, { description: "The id of the deleted news item." })
  id!: string;

  @Field(() => String, { description: "The type of object which was deleted: news-item." })
  object!: string;

  @Field(() => Boolean, { description: "Whether the news item was deleted." })
  deleted!: boolean;
}

export const NewsItemConnection = ConnectionType(NewsItem, "NewsItem");
export const NewsfeedConnection = ConnectionType(Newsfeed, "Newsfeed");

@InputType({ description: "Put a news item on a newsfeed." })
export class NewsfeedAssignmentInput {
  @Field(() => ID, { description: "The id of the newsfeed to put the news item on." })
  newsfeedId!: string;

  @Field(() => DateTime, {
    nullable: true,
    description: "Publish date on the newsfeed (not in the future; ignored while the item is a draft). Defaults to now.",
  })
  publishedAt?: Date | null;
}

@InputType({ description: "A new news item." })
export class CreateNewsItemInput {
  @Field(() => String, { description: "The title of the news item." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The news item body, which may contain HTML." })
  body?: string | null;

  @Field(() => ID, { description: "The id of the sender. Must be a teammate on the workspace." })
  senderId!: string;

  @Field(() => NewsItemState, { nullable: true, description: "Defaults to DRAFT." })
  state?: NewsItemState | null;

  @Field(() => Boolean, { nullable: true, description: "Show the news item without a notification badge." })
  deliverSilently?: boolean | null;

  @Field(() => [String], { nullable: true, description: "Label names displayed to users to categorize the news item." })
  labels?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Ordered list of emoji reactions. When empty, reactions are disabled." })
  reactions?: string[] | null;

  @Field(() => [NewsfeedAssignmentInput], { nullable: true, description: "The newsfeeds to put the news item on." })
  newsfeedAssignments?: NewsfeedAssignmentInput[] | null;
}

@InputType({ description: "Changes to a news item; fields left out keep their value." })
export class UpdateNewsItemInput {
  @Field(() => String, {
    nullable: true,
    description: "The title of the news item; unchanged if omitted (Intercom's update requires a title, so the gateway then sends the current one).",
  })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "The news item body, which may contain HTML." })
  body?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The id of the sender. Must be a teammate on the workspace. Unchanged if omitted (Intercom's update requires a sender, so the gateway then sends the current one).",
  })
  senderId?: string | null;

  @Field(() => NewsItemState, { nullable: true, description: "Set LIVE to publish, DRAFT to unpublish." })
  state?: NewsItemState | null;

  @Field(() => Boolean, { nullable: true, description: "Show the news item without a notification badge." })
  deliverSilently?: boolean | null;

  @Field(() => [String], { nullable: true, description: "Label names (replaces the current ones)." })
  labels?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Emoji reactions (replaces the current ones)." })
  reactions?: string[] | null;

  @Field(() => [NewsfeedAssignmentInput], { nullable: true, description: "The newsfeeds (replaces the current assignments)." })
  newsfeedAssignments?: NewsfeedAssignmentInput[] | null;
}
