import { reduceArticle, reduceArticleContent, reduceArticleSearchResult, reduceDeletedArticle } from "../generated/reducers/articles.js";
import type {
  RestArticle,
  RestArticleContent,
  RestArticleList,
  RestArticleListItem,
  RestDeletedArticleObject,
  RestSearchArticlesResponse,
} from "../generated/rest/articles.js";
import { ArticleParentType, type Article, type ArticleSearchResult, type ArticleState, type DeletedArticle } from "../schema/article.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

/** One page of a page/per_page list (the shape `numberedPageConnection` pages over). */
export interface NumberedList<T> {
  items: T[];
  totalPages: number | null;
  totalCount: number | null;
}

/** `parent_type` is documented as `collection` or `section`; anything else reads as unknown. */
const parentTypeOf = (type: string | null | undefined): ArticleParentType | null =>
  type === ArticleParentType.COLLECTION || type === ArticleParentType.SECTION ? type : null;

/** The entries of a per-locale map (`{ type, en: {...}, fr: {...} }`), without `type`. */
export function localeEntries<T>(map: object | null | undefined): Array<[string, T]> {
  if (!map) return [];
  return Object.entries(map).filter((entry): entry is [string, T] => entry[0] !== "type" && typeof entry[1] === "object" && entry[1] !== null);
}

/**
 * The generated reducer ends here, with what is not mechanical: translated content is a map keyed by
 * locale (listed here, each entry with its locale), older payloads carry `parent_id` alone (the
 * parent list then holds just that parent), and a parent type other than the two documented reads
 * as unknown.
 */
export function finishArticle(article: Article, rest: RestArticle | RestArticleListItem): Article {
  article.translatedContent = rest.translated_content
    ? localeEntries<RestArticleContent>(rest.translated_content).map(([locale, content]) => Object.assign(reduceArticleContent(content), { locale }))
    : null;
  if (article.parentIds.length === 0 && article.parentId) article.parentIds = [article.parentId];
  article.parentType = parentTypeOf(rest.parent_type);
  return article;
}

/** Ids the document types as integers (author_id, parent_id of a new article): digits only. */
export function integerId(id: string, field: string): number {
  if (!/^\d+$/.test(id)) throw badInput(`${field} must be a numeric id`, field);
  return Number(id);
}

/** Plain inputs of the article writes; the datasource turns them into Intercom's bodies. */
export interface ArticleTranslation {
  locale: string;
  title: string;
  description?: string | null;
  body?: string | null;
  authorId?: string | null;
  state?: ArticleState | null;
}

export interface ArticleChanges {
  title?: string | null;
  authorId?: string | null;
  description?: string | null;
  body?: string | null;
  state?: ArticleState | null;
  parentId?: string | null;
  parentType?: ArticleParentType | null;
  translatedContent?: ArticleTranslation[] | null;
}

export interface ArticleSearchParams {
  phrase?: string | null;
  state?: string | null;
  helpCenterId?: string | null;
  highlight?: boolean | null;
}

/**
 * What a translation falls back on for what `article_content` requires (title, description,
 * body, author_id and state, every one) and the input leaves out: the locale's current content
 * (on update), else the article's author and state, and empty text.
 */
interface TranslationDefaults {
  current: Map<string, RestArticleContent>;
  authorId: number;
  state: string;
}

/** Whether a translation names everything `article_content` requires (then no defaults are needed). */
const completeTranslation = (t: ArticleTranslation) => Boolean(t.authorId && t.state) && t.description != null && t.body != null;

/** `article_translated_content` from a list of locale entries. */
function translatedContentBody(entries: ArticleTranslation[], field: string, defaults: TranslationDefaults): Record<string, unknown> {
  const body: Record<string, unknown> = { type: "article_translated_content" };
  for (const t of entries) {
    if (t.locale in body) throw badInput(`${field} lists locale ${t.locale} twice`, field);
    const current = defaults.current.get(t.locale);
    const currentAuthor = current?.author_id !== undefined && current.author_id !== null && /^\d+$/.test(String(current.author_id)) ? Number(current.author_id) : null;
    body[t.locale] = {
      type: "article_content",
      title: t.title,
      description: t.description ?? current?.description ?? "",
      body: t.body ?? current?.body ?? "",
      author_id: t.authorId ? integerId(t.authorId, `${field}.authorId`) : (currentAuthor ?? defaults.authorId),
      state: t.state ?? current?.state ?? defaults.state,
    };
  }
  return body;
}

/** The body of POST /articles or PUT /articles/{id}: only the fields given (translations whole, see TranslationDefaults). */
function articleBody(input: ArticleChanges, parentIdAsInteger: boolean, defaults: TranslationDefaults): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== null) body[key] = value;
  };
  set("title", input.title);
  set("description", input.description);
  set("body", input.body);
  if (input.authorId) body.author_id = integerId(input.authorId, "input.authorId");
  set("state", input.state);
  // The create schema types parent_id as an integer, the update schema as a string.
  if (input.parentId) body.parent_id = parentIdAsInteger ? integerId(input.parentId, "input.parentId") : input.parentId;
  set("parent_type", input.parentType);
  if (input.translatedContent) body.translated_content = translatedContentBody(input.translatedContent, "input.translatedContent", defaults);
  return body;
}

/** Articles: list, retrieve, search, create, update and delete. */
export class ArticlesAPI extends IntercomDataSource {
  async list(page: number, perPage: number): Promise<NumberedList<Article>> {
    const body = await this.get<RestArticleList>(path`articles`, {
      params: { page: String(page), per_page: String(perPage) },
    });
    return { items: (body.data ?? []).map(reduceArticle), totalPages: body.pages?.total_pages ?? null, totalCount: body.total_count ?? null };
  }

  async getById(id: string): Promise<Article> {
    return reduceArticle(await this.get<RestArticle>(path`articles/${id}`));
  }

  async search(params: ArticleSearchParams): Promise<ArticleSearchResult> {
    const query: Record<string, string> = {};
    if (params.phrase) query.phrase = params.phrase;
    if (params.state) query.state = params.state;
    if (params.helpCenterId) query.help_center_id = String(integerId(params.helpCenterId, "helpCenterId"));
    if (params.highlight !== undefined && params.highlight !== null) query.highlight = String(params.highlight);
    return reduceArticleSearchResult(await this.get<RestSearchArticlesResponse>(path`articles/search`, { params: query }));
  }

  /** A new article's translations default to its author and state (a new article is a draft unless said otherwise). */
  async create(input: ArticleChanges & { title: string; authorId: string }): Promise<Article> {
    const defaults = { current: new Map(), authorId: integerId(input.authorId, "input.authorId"), state: input.state ?? "draft" };
    return this.write(WRITE_EFFECTS.createArticle, input, async () => reduceArticle(await this.post<RestArticle>(path`articles`, { body: articleBody(input, true, defaults) })));
  }

  /**
   * Translations that leave out what `article_content` requires keep the locale's current
   * content, else take the article's author and state: one GET of the article before the write,
   * only then.
   */
  async update(id: string, changes: ArticleChanges): Promise<Article> {
    const at = path`articles/${id}`;
    // Complete translations need no defaults: these are never read then.
    let defaults: TranslationDefaults = { current: new Map(), authorId: 0, state: "draft" };
    if (changes.translatedContent?.some((t) => !completeTranslation(t))) {
      const article = await this.get<RestArticle>(at);
      defaults = {
        current: new Map(localeEntries<RestArticleContent>(article.translated_content)),
        authorId: changes.authorId ? integerId(changes.authorId, "input.authorId") : Number(article.author_id),
        state: changes.state ?? article.state,
      };
    }
    return this.write(WRITE_EFFECTS.updateArticle, { id }, async () => reduceArticle(await this.put<RestArticle>(at, { body: articleBody(changes, false, defaults) })));
  }

  async remove(id: string): Promise<DeletedArticle> {
    return this.write(WRITE_EFFECTS.deleteArticle, { id }, async () => reduceDeletedArticle(await this.delete<RestDeletedArticleObject>(path`articles/${id}`)));
  }
}
