import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "./common.js";
import { HelpCenterLocale } from "./help-center.js";
import { DateTime } from "./scalars.js";

export enum ArticleState {
  PUBLISHED = "published",
  DRAFT = "draft",
}
registerEnumType(ArticleState, {
  name: "ArticleState",
  description: "Whether an article is `published` or a `draft`.",
  valuesConfig: {
    PUBLISHED: { description: "Visible in the Help Center." },
    DRAFT: { description: "Not visible in the Help Center yet." },
  },
});

export enum ArticleParentType {
  COLLECTION = "collection",
  SECTION = "section",
}
registerEnumType(ArticleParentType, {
  name: "ArticleParentType",
  description: "The type of an article's parent: a collection or a section (a nested collection).",
  valuesConfig: {
    COLLECTION: { description: "A top-level collection of the Help Center." },
    SECTION: { description: "A section: a collection nested in another collection." },
  },
});

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

export enum HighlightType {
  HIGHLIGHT = "highlight",
  PLAIN = "plain",
}
registerEnumType(HighlightType, {
  name: "HighlightType",
  description: "A chunk of highlighted (matching) or plain text.",
  valuesConfig: {
    HIGHLIGHT: { description: "Text that matches the search phrase." },
    PLAIN: { description: "Text around the matches." },
  },
});

@ObjectType({ description: "The statistics of an article." })
export class ArticleStatistics {
  @Field(() => Int, { description: "The number of total views the article has received." })
  views!: number;

  @Field(() => Int, { description: "The number of conversations started from the article." })
  conversions!: number;

  @Field(() => Int, { description: "The number of total reactions the article has received." })
  reactions!: number;

  @Field(() => Float, { description: "The percentage of happy reactions the article has received against other types of reaction." })
  happyReactionPercentage!: number;

  @Field(() => Float, { description: "The percentage of neutral reactions the article has received against other types of reaction." })
  neutralReactionPercentage!: number;

  @Field(() => Float, { description: "The percentage of sad reactions the article has received against other types of reaction." })
  sadReactionPercentage!: number;
}

@ObjectType({ description: "The content of an article in one locale (an entry of `translated_content`)." })
export class ArticleContent {
  @Field(() => String, { description: "The locale code of this content, e.g. `en`, `fr`, `pt-BR`." })
  locale!: string;

  @Field(() => String, { description: "The title of the article." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The description of the article." })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "The body of the article." })
  body!: string | null;

  @Field(() => ID, { nullable: true, description: "The ID of the author of the article (see `author`)." })
  authorId!: string | null;

  @Field(() => ArticleState, { nullable: true, description: "Whether the article is `published` or is a `draft`." })
  state!: ArticleState | null;

  @Field(() => DateTime, { nullable: true, description: "The time when the article was created." })
  createdAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The time when the article was last updated." })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The URL of the article." })
  url!: string | null;
}

@ObjectType({
  description:
    "The Articles API is a central place to gather all information and take actions on your articles. Articles can live within collections and sections, or alternatively they can stand alone.",
})
export class Article {
  @Field(() => ID, { description: "The unique identifier for the article which is given by Intercom." })
  id!: string;

  @Field(() => String, { description: "The id of the workspace which the article belongs to." })
  workspaceId!: string;

  @Field(() => String, { description: "The title of the article. For multilingual articles, this will be the title of the default language's content." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The description of the article. For multilingual articles, this will be the description of the default language's content." })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "The body of the article in HTML. For multilingual articles, this will be the body of the default language's content." })
  body!: string | null;

  @Field(() => ID, { description: "The id of the author of the article (see `author`). Must be a teammate on the help center's workspace." })
  authorId!: string;

  @Field(() => ArticleState, { description: "Whether the article is `published` or is a `draft`. For multilingual articles, this will be the state of the default language's content." })
  state!: ArticleState;

  @Field(() => DateTime, { description: "The time when the article was created." })
  createdAt!: Date;

  @Field(() => DateTime, { description: "The time when the article was last updated." })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: "The URL of the article. For multilingual articles, this will be the URL of the default language's content." })
  url!: string | null;

  @Field(() => ID, { nullable: true, description: "The id of the article's parent collection or section (see `parent`). An article without this field stands alone." })
  parentId!: string | null;

  @Field(() => [ID], { description: "The ids of the article's parent collections or sections (see `parents`)." })
  parentIds!: string[];

  @Field(() => ArticleParentType, { nullable: true, description: "The type of parent, which can either be a `collection` or `section`." })
  parentType!: ArticleParentType | null;

  @Field(() => String, { nullable: true, description: "The default locale of the help center. This field is only returned for multilingual help centers." })
  defaultLocale!: string | null;

  @Field(() => [ArticleContent], {
    nullable: true,
    description: "The translated content of the article: its content in each locale, the default locale included. Null for articles that are not multilingual.",
  })
  translatedContent!: ArticleContent[] | null;

  @Field(() => ArticleStatistics, { nullable: true, description: "The statistics of the article." })
  statistics!: ArticleStatistics | null;
}

export const ArticleConnection = ConnectionType(Article, "Article");
export type ArticleConnection = InstanceType<typeof ArticleConnection>;

@ObjectType({ description: "A chunk of an article's title or summary: highlighted (matching the search) or plain." })
export class HighlightedText {
  @Field(() => HighlightType, { description: "The type of text - `highlight` or `plain`." })
  type!: HighlightType;

  @Field(() => String, { description: "The text of the chunk." })
  text!: string;
}

@ObjectType({ description: "The highlighted results of an article search, for one article." })
export class ArticleSearchHighlight {
  @Field(() => ID, { description: "The ID of the corresponding article (see `article`)." })
  articleId!: string;

  @Field(() => [HighlightedText], { description: "The article title, highlighted." })
  highlightedTitle!: HighlightedText[];

  @Field(() => [[HighlightedText]], { description: "The article description and body text, highlighted: one list of chunks per excerpt." })
  highlightedSummary!: HighlightedText[][];
}

export const ArticleSearchHighlightConnection = ConnectionType(ArticleSearchHighlight, "ArticleSearchHighlight");

@ObjectType({ description: "The results of an article search, with highlights when asked for." })
export class ArticleSearchResult {
  @Field(() => Int, { description: "The total number of articles matching the search query." })
  totalCount!: number;

  /** Every article and highlight of the response; the connections below page over them. */
  articleList!: Article[];
  highlightList!: ArticleSearchHighlight[];
}

@ObjectType({ description: "Response returned when an article is deleted." })
export class DeletedArticle {
  @Field(() => ID, { description: "The unique identifier for the article which you provided in the URL." })
  id!: string;

  @Field(() => String, { description: "The type of object which was deleted: `article`." })
  object!: string;

  @Field(() => Boolean, { description: "Whether the article was deleted successfully or not." })
  deleted!: boolean;
}

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
