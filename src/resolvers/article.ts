import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import { loadExisting } from "../loaders/index.js";
import { Admin } from "../schema/admin.js";
import {
  Article,
  ArticleConnection,
  ArticleContent,
  ArticleSearchHighlight,
  ArticleSearchHighlightConnection,
  ArticleSearchResult,
  ArticleSearchState,
  CreateArticleInput,
  DeletedArticle,
  UpdateArticleInput,
} from "../schema/article.js";
import type { Connection } from "../schema/common.js";
import { Collection } from "../schema/help-center.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection, numberedPageConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class ArticlePageArgs {
  @Field(() => Int, { nullable: true, description: `How many articles (default 20, at most ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

@ArgsType()
class SearchPageArgs {
  @Field(() => Int, { nullable: true, description: "How many (default 50)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

const PAGE_LIMITS = { defaultSize: 20, maxSize: MAX_PAGE_SIZE };


@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, { nullable: true, description: rest("List all articles", "GET /articles") })
  async articles(@Args(() => ArticlePageArgs) args: ArticlePageArgs, @Ctx() { dataSources, loaders }: GatewayContext): Promise<Connection<Article>> {
    const connection = await numberedPageConnection(args, PAGE_LIMITS, (page, perPage) => dataSources.articles.list(page, perPage));
    // List items carry every field of an article: later reads by id in this request are free.
    for (const a of connection.nodes) loaders.article.prime(a.id, a);
    return connection;
  }

  @Query(() => Article, { nullable: true, description: rest("Retrieve an article", "GET /articles/{article_id}") })
  article(@Arg("id", () => ID, { description: "The id of the article." }) id: string, @Ctx() { loaders }: GatewayContext): Promise<Article> {
    return loaders.article.load(id);
  }

  @Query(() => ArticleSearchResult, {
    nullable: true,
    description: rest("Search for articles", "GET /articles/search"),
  })
  async searchArticles(
    @Arg("phrase", () => String, { nullable: true, description: "The phrase within your articles to search for." }) phrase: string | undefined,
    @Arg("state", () => ArticleSearchState, { nullable: true, description: "The state of the articles returned: published, draft or all." })
    state: ArticleSearchState | undefined,
    @Arg("helpCenterId", () => ID, { nullable: true, description: "The id of the Help Center to search in." }) helpCenterId: string | undefined,
    @Arg("highlight", () => Boolean, { nullable: true, description: "Return a highlighted version of the matching content within your articles." })
    highlight: boolean | undefined,
    @Ctx() { dataSources, loaders }: GatewayContext,
  ): Promise<ArticleSearchResult> {
    const result = await dataSources.articles.search({ phrase, state, helpCenterId, highlight });
    for (const a of result.articleList) loaders.article.prime(a.id, a);
    return result;
  }

  @Mutation(() => Article, { nullable: true, description: rest("Create an article", "POST /articles") })
  async createArticle(
    @Arg("input", () => CreateArticleInput, { description: "The article: title, author, content, state and where it sits in the Help Center." }) input: CreateArticleInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Article> {
    return await ctx.dataSources.articles.create(input);
  }

  @Mutation(() => Article, { nullable: true, description: rest("Update an article", "PUT /articles/{article_id}") })
  async updateArticle(
    @Arg("id", () => ID, { description: "The id of the article to update." }) id: string,
    @Arg("input", () => UpdateArticleInput, { description: "What to change; fields left out stay as they are." }) input: UpdateArticleInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Article> {
    return await ctx.dataSources.articles.update(id, input);
  }

  @Mutation(() => DeletedArticle, { nullable: true, description: rest("Delete an article", "DELETE /articles/{article_id}") })
  async deleteArticle(
    @Arg("id", () => ID, { description: "The id of the article to delete." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeletedArticle> {
    return ctx.dataSources.articles.remove(id);
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The teammate who wrote the article (of the default language's content)." })
  author(@Root() article: Article, @Ctx() { loaders }: GatewayContext): Promise<Admin> {
    return loaders.admin.load(article.authorId);
  }

  @FieldResolver(() => Collection, { nullable: true, description: "The article's parent collection or section; null for an article that stands alone." })
  parent(@Root() article: Article, @Ctx() { loaders }: GatewayContext): Promise<Collection> | null {
    return article.parentId ? loaders.collection.load(article.parentId) : null;
  }

  @FieldResolver(() => [Collection], { description: "Every collection or section the article is in (at most one per help center)." })
  parents(@Root() article: Article, @Ctx() { loaders }: GatewayContext): Promise<Collection[]> {
    return loadExisting(loaders.collection, article.parentIds);
  }
}

@Resolver(() => ArticleContent)
export class ArticleContentResolver {
  @FieldResolver(() => Admin, { nullable: true, description: "The teammate who wrote this locale's content." })
  author(@Root() content: ArticleContent, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return content.authorId ? loaders.admin.load(content.authorId) : null;
  }
}

@Resolver(() => ArticleSearchResult)
export class ArticleSearchResultResolver {
  @FieldResolver(() => ArticleConnection, { description: "The articles found (the upstream returns them in one response)." })
  articles(@Root() result: ArticleSearchResult, @Args(() => SearchPageArgs) args: SearchPageArgs): Connection<Article> {
    return arrayConnection(result.articleList, args);
  }

  @FieldResolver(() => ArticleSearchHighlightConnection, { description: "Highlighted titles and summaries of the articles found; empty unless `highlight` was asked for." })
  highlights(@Root() result: ArticleSearchResult, @Args(() => SearchPageArgs) args: SearchPageArgs): Connection<ArticleSearchHighlight> {
    return arrayConnection(result.highlightList, args);
  }
}

@Resolver(() => ArticleSearchHighlight)
export class ArticleSearchHighlightResolver {
  @FieldResolver(() => Article, { nullable: true, description: "The article highlighted (from the same search response: no extra call)." })
  article(@Root() highlight: ArticleSearchHighlight, @Ctx() { loaders }: GatewayContext): Promise<Article> {
    return loaders.article.load(highlight.articleId);
  }
}

export const articleResolvers = [ArticleResolver, ArticleContentResolver, ArticleSearchResultResolver, ArticleSearchHighlightResolver] as const;
