import { Field, ID, InputType } from "type-graphql";
import { NewsItem, NewsItemState, Newsfeed } from "../generated/graph/news.js";
import { ConnectionType } from "./common.js";
import { DateTime } from "./scalars.js";

// NewsItem, its newsfeed assignments, Newsfeed, DeletedNewsItem and NewsItemState are generated
// from the document (scripts/graph-mapping.ts); links are in src/resolvers/news.ts.
export * from "../generated/graph/news.js";

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
