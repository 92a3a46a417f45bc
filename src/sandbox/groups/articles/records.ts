// Articles, in one or more help center collections, with their translations.

export type ArticleState = "published" | "draft";

/** `article_content`: an article in one locale. */
export interface ArticleContent {
  type: "article_content";
  title: string;
  description: string;
  body: string;
  author_id: number;
  state: ArticleState;
  created_at: number;
  updated_at: number;
  /** Only for published content (a string in the schema, never null). */
  url?: string;
}

export type ArticleTranslatedContent = { type: "article_translated_content" } & { [locale: string]: ArticleContent | string };

export interface ArticleStatistics {
  type: "article_statistics";
  views: number;
  conversions: number;
  reactions: number;
  happy_reaction_percentage: number;
  neutral_reaction_percentage: number;
  sad_reaction_percentage: number;
}

/** `article` schema (list items carry the same fields). */
export interface ArticleRecord {
  type: "article";
  id: string;
  workspace_id: string;
  title: string;
  description: string | null;
  body: string | null;
  author_id: number;
  state: ArticleState;
  created_at: number;
  updated_at: number;
  url: string | null;
  /** The first of parent_ids; integers per the schema. */
  parent_id: number | null;
  /** Every collection or section the article is in (one per help center at most). */
  parent_ids: number[];
  parent_type: "collection" | "section" | null;
  default_locale: string;
  translated_content: ArticleTranslatedContent | null;
  statistics: ArticleStatistics;
}

/** The workspace collections this group owns. */
export interface ArticlesState {
  articles: ArticleRecord[];
}
