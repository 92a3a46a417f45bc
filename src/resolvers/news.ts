import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { NEWS_MAX_PAGE } from "../datasources/news.js";
import { loadExisting } from "../loaders/index.js";
import { Admin } from "../schema/admin.js";
import type { Connection } from "../schema/common.js";
import {
  CreateNewsItemInput,
  DeletedNewsItem,
  NewsItem,
  NewsItemConnection,
  Newsfeed,
  NewsfeedAssignment,
  NewsfeedConnection,
  UpdateNewsItemInput,
} from "../schema/news.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection, numberedPageConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class NewsPageArgs {
  @Field(() => Int, { nullable: true, description: `How many items (default 20, at most ${NEWS_MAX_PAGE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

const PAGE_LIMITS = { defaultSize: 20, maxSize: NEWS_MAX_PAGE };



@Resolver(() => NewsItem)
export class NewsItemResolver {
  @Query(() => NewsItemConnection, { nullable: true, description: rest("List all news items", "GET /news/news_items") })
  newsItems(@Args(() => NewsPageArgs) args: NewsPageArgs, @Ctx() { dataSources }: GatewayContext): Promise<Connection<NewsItem>> {
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => dataSources.news.listNewsItems(page, perPage));
  }

  @Query(() => NewsItem, { nullable: true, description: rest("Retrieve a news item", "GET /news/news_items/{news_item_id}") })
  newsItem(@Arg("id", () => ID, { description: "The id of the news item." }) id: string, @Ctx() { loaders }: GatewayContext): Promise<NewsItem> {
    return loaders.newsItem.load(id);
  }

  @Mutation(() => NewsItem, { nullable: true, description: rest("Create a news item", "POST /news/news_items") })
  async createNewsItem(
    @Arg("input", () => CreateNewsItemInput, { description: "The new news item: title, body, sender, state and the newsfeeds it appears in." }) input: CreateNewsItemInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<NewsItem> {
    return ctx.dataSources.news.createNewsItem(input);
  }

  @Mutation(() => NewsItem, { nullable: true, description: rest("Update a news item", "PUT /news/news_items/{news_item_id}") })
  async updateNewsItem(
    @Arg("id", () => ID, { description: "The id of the news item to update." }) id: string,
    @Arg("input", () => UpdateNewsItemInput, { description: "What to change; fields left out keep their value." }) input: UpdateNewsItemInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<NewsItem> {
    return ctx.dataSources.news.updateNewsItem(id, input);
  }

  @Mutation(() => DeletedNewsItem, { nullable: true, description: rest("Delete a news item", "DELETE /news/news_items/{news_item_id}") })
  async deleteNewsItem(
    @Arg("id", () => ID, { description: "The id of the news item to delete." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeletedNewsItem> {
    return ctx.dataSources.news.deleteNewsItem(id);
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The teammate who sends the news item." })
  sender(@Root() item: NewsItem, @Ctx() { loaders }: GatewayContext): Promise<Admin> {
    return loaders.admin.load(item.senderId);
  }

  @FieldResolver(() => [Newsfeed], { description: "The newsfeeds the news item is assigned to (one `GET /news/newsfeeds` per request)." })
  newsfeeds(@Root() item: NewsItem, @Ctx() { loaders }: GatewayContext): Promise<Newsfeed[]> {
    return loadExisting(loaders.newsfeed, item.newsfeedAssignments.map((a) => a.newsfeedId));
  }
}

@Resolver(() => NewsfeedAssignment)
export class NewsfeedAssignmentResolver {
  @FieldResolver(() => Newsfeed, { nullable: true, description: "The newsfeed the news item is assigned to (one `GET /news/newsfeeds` per request)." })
  newsfeed(@Root() assignment: NewsfeedAssignment, @Ctx() { loaders }: GatewayContext): Promise<Newsfeed> {
    return loaders.newsfeed.load(assignment.newsfeedId);
  }
}

@Resolver(() => Newsfeed)
export class NewsfeedResolver {
  @Query(() => NewsfeedConnection, { nullable: true, description: rest("List all newsfeeds", "GET /news/newsfeeds") })
  async newsfeeds(@Args(() => NewsPageArgs) args: NewsPageArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<Newsfeed>> {
    return arrayConnection(await loaders.allNewsfeeds(), args);
  }

  @Query(() => Newsfeed, { nullable: true, description: rest("Retrieve a newsfeed", "GET /news/newsfeeds/{newsfeed_id}") })
  newsfeed(@Arg("id", () => ID, { description: "The id of the newsfeed." }) id: string, @Ctx() { dataSources }: GatewayContext): Promise<Newsfeed> {
    return dataSources.news.getNewsfeed(id);
  }

  @Query(() => NewsItemConnection, { nullable: true, description: rest("List all live newsfeed items", "GET /news/newsfeeds/{newsfeed_id}/items") })
  newsfeedItems(
    @Arg("newsfeedId", () => ID, { description: "The id of the newsfeed whose live items to list." }) newsfeedId: string,
    @Args(() => NewsPageArgs) args: NewsPageArgs,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Connection<NewsItem>> {
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => dataSources.news.listNewsfeedItems(newsfeedId, page, perPage));
  }

  @FieldResolver(() => NewsItemConnection, { description: "The live news items on this newsfeed. Costs one `GET /news/newsfeeds/{id}/items` per newsfeed and page." })
  items(@Root() feed: Newsfeed, @Args(() => NewsPageArgs) args: NewsPageArgs, @Ctx() { dataSources }: GatewayContext): Promise<Connection<NewsItem>> {
    return numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => dataSources.news.listNewsfeedItems(feed.id, page, perPage));
  }
}

export const newsResolvers = [NewsItemResolver, NewsfeedAssignmentResolver, NewsfeedResolver] as const;
