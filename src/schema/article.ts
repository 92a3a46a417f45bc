import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { Article, ArticleParentType, ArticleSearchHighlight, ArticleState } from "../generated/graph/articles.js";
import { ConnectionType } from "./common.js";
import { HelpCenterLocale } from "./help-center.js";

// Article, its content, statistics, search results and highlights, their enums and DeletedArticle are
// generated from the document (scripts/graph-mapping.ts); links are in src/resolvers/article.ts.
export * from "../generated/graph/articles.js";

export enum ArticleSearchState {
  PUBLISHED = "published",
  DRAFT = "draft",
  ALL = "all",
}
registerEnumType(ArticleSearchState, {
  name: "ArticleSearchState",
  description: "Which articles a search returns.",
  valuesConfig: {
    PUBLISHED: { description: "Only published articles." },
    DRAFT: { description: "Only draft articles." },
    ALL: { description: "Published and draft articles." },
  },
});

export const ArticleConnection = ConnectionType(Article, "Article");
export type ArticleConnection = InstanceType<typeof ArticleConnection>;

export const ArticleSearchHighlightConnection = ConnectionType(ArticleSearchHighlight, "ArticleSearchHighlight");

// ---- Mutation inputs -------------------------------------------------------

@InputType({ description: "The content of an article in one locale." })
export class ArticleTranslationInput {
  @Field(() => HelpCenterLocale, { description: "The locale of this content." })
  locale!: HelpCenterLocale;

  @Field(() => String, { description: "The title of the article in this locale." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The description of the article in this locale; if omitted, the locale's current one (on update), else empty." })
  description?: string;

  @Field(() => String, { nullable: true, description: "The body of the article in this locale (HTML); if omitted, the locale's current one (on update), else empty." })
  body?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The author of this locale's content; if omitted, the locale's current author (on update), else the article's author. Must be a teammate.",
  })
  authorId?: string;

  @Field(() => ArticleState, {
    nullable: true,
    description:
      "Whether this locale's content is published or a draft; if omitted, the locale's current state (on update), else the article's (a new article's defaults to draft).",
  })
  state?: ArticleState;
}

@InputType({ description: "A new article." })
export class CreateArticleInput {
  @Field(() => String, { description: "The title of the article. For multilingual articles, this will be the title of the default language's content." })
  title!: string;

  @Field(() => ID, { description: "The id of the author of the article. Must be a teammate on the help center's workspace." })
  authorId!: string;

  @Field(() => String, { nullable: true, description: "The description of the article." })
  description?: string;

  @Field(() => String, { nullable: true, description: "The content of the article (HTML)." })
  body?: string;

  @Field(() => ArticleState, { nullable: true, description: "Whether the article will be `published` or will be a `draft`. Defaults to draft." })
  state?: ArticleState;

  @Field(() => ID, { nullable: true, description: "The id of the article's parent collection or section. An article without it stands alone." })
  parentId?: string;

  @Field(() => ArticleParentType, { nullable: true, description: "The type of parent, which can either be a `collection` or `section`." })
  parentType?: ArticleParentType;

  @Field(() => [ArticleTranslationInput], { nullable: true, description: "The article's content in other locales (multilingual help centers)." })
  translatedContent?: ArticleTranslationInput[];
}

@InputType({ description: "Changes to an article; omitted fields stay as they are." })
export class UpdateArticleInput {
  @Field(() => String, { nullable: true, description: "The title of the article." })
  title?: string;

  @Field(() => String, { nullable: true, description: "The description of the article." })
  description?: string;

  @Field(() => String, { nullable: true, description: "The content of the article (HTML)." })
  body?: string;

  @Field(() => ID, { nullable: true, description: "The id of the author of the article. Must be a teammate on the help center's workspace." })
  authorId?: string;

  @Field(() => ArticleState, {
    nullable: true,
    description: "Whether the article will be `published` or a `draft`. Omitting it leaves the publish state unchanged, so an edit to a published article goes live immediately.",
  })
  state?: ArticleState;

  @Field(() => ID, { nullable: true, description: "The id of the article's new parent collection or section." })
  parentId?: string;

  @Field(() => ArticleParentType, { nullable: true, description: "The type of parent, which can either be a `collection` or `section`." })
  parentType?: ArticleParentType;

  @Field(() => [ArticleTranslationInput], { nullable: true, description: "Content to set in the given locales; other locales stay as they are." })
  translatedContent?: ArticleTranslationInput[];
}
