// Articles, in one or more help center collections, with their translations.
import type { RestArticle, RestArticleContent, RestArticleStatistics, RestArticleTranslatedContent } from "../../../generated/rest/articles.js";
import type { Sent } from "../../records.js";

export type ArticleState = RestArticleContent["state"];

/** `article_content`: an article in one locale. `url` only for published content (a string in the schema, never null). */
export type ArticleContent = Sent<RestArticleContent, "created_at" | "updated_at">;

/**
 * `article_translated_content`, kept as a map from any locale code (the document names each
 * locale it allows), so writes can look a locale up and set it by its code.
 */
export type ArticleTranslatedContent = Required<Pick<RestArticleTranslatedContent, "type">> & { [locale: string]: ArticleContent | string };

export type ArticleStatistics = RestArticleStatistics;

/**
 * `article` (list items carry the same fields). parent_id is the first of parent_ids: every
 * collection or section the article is in (one per help center at most).
 */
export type ArticleRecord = Omit<Sent<RestArticle, "type" | "parent_ids">, "translated_content" | "statistics"> & {
  translated_content: ArticleTranslatedContent | null;
  statistics: ArticleStatistics; // every sandbox article has its statistics, never null
};

/** The workspace collections this group owns. */
export interface ArticlesState {
  articles: ArticleRecord[];
}
