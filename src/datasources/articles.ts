import {
  Article,
  ArticleContent,
  ArticleSearchHighlight,
  ArticleSearchResult,
  ArticleStatistics,
  DeletedArticle,
  ArticleParentType,
  type ArticleState,
  type HighlightType,
} from "../schema/article.js";
import { build, fromUnix } from "../schema/scalars.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";
import { idOrNull, requiredId } from "./reducers.js";

/** One page of a page/per_page list (the shape `numberedPageConnection` pages over). */
export interface NumberedList<T> {
  items: T[];
  totalPages: number | null;
  totalCount: number | null;
}

export interface RestNumberedPages {
  page?: number;
  per_page?: number;
  total_pages?: number;
}

interface RestArticleContent {
  type?: string;
  title?: string;
  description?: string | null;
  body?: string | null;
  author_id?: number | string | null;
  state?: string | null;
  created_at?: number | null;
  updated_at?: number | null;
  url?: string | null;
}

export interface RestArticle {
  type?: "article";
  id: string;
  workspace_id: string;
  title: string;
  description: string | null;
  body: string | null;
  author_id: number | string;
  state: string;
  created_at: number;
  updated_at: number;
  url: string | null;
  parent_id: number | string | null;
  parent_ids?: Array<number | string> | null;
  parent_type: string | null;
  default_locale?: string | null;
  translated_content?: ({ type?: string } & Record<string, RestArticleContent | string | undefined>) | null;
  statistics?: {
    views: number;
    conversions: number;
    reactions: number;
    happy_reaction_percentage: number;
    neutral_reaction_percentage: number;
    sad_reaction_percentage: number;
  } | null;
}

interface RestHighlightChunk {
  type: string;
  text: string;
}

interface RestSearchResponse {
  total_count: number;
  data: {
    articles?: RestArticle[];
    highlights?: Array<{ article_id: string | number; highlighted_title?: RestHighlightChunk[]; highlighted_summary?: RestHighlightChunk[][] }>;
  };
}


/** `parent_type` is documented as `collection` or `section`; anything else reads as unknown. */
const parentTypeOf = (type: string | null | undefined): ArticleParentType | null =>
  type === ArticleParentType.COLLECTION || type === ArticleParentType.SECTION ? type : null;

/** The entries of a per-locale map (`{ type, en: {...}, fr: {...} }`), without `type`. */
export function localeEntries<T>(map: ({ type?: string } & Record<string, T | string | undefined>) | null | undefined): Array<[string, T]> {
  if (!map) return [];
  return Object.entries(map).filter((entry): entry is [string, T] => entry[0] !== "type" && typeof entry[1] === "object" && entry[1] !== null);
}

export function articleReducer(rest: RestArticle): Article {
  const s = rest.statistics;
  const parentIds = (rest.parent_ids ?? []).map(String);
  const parentId = idOrNull(rest.parent_id);
  return build(Article, {
    id: requiredId(rest.id),
    workspaceId: rest.workspace_id,
    title: rest.title,
    description: rest.description ?? null,
    body: rest.body ?? null,
    authorId: String(rest.author_id),
    state: rest.state as ArticleState,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at)!,
    url: rest.url ?? null,
    parentId,
    // Older payloads carry parent_id alone: the list then holds just that parent.
    parentIds: parentIds.length > 0 ? parentIds : parentId ? [parentId] : [],
    parentType: parentTypeOf(rest.parent_type),
    defaultLocale: rest.default_locale ?? null,
    translatedContent: rest.translated_content
      ? localeEntries(rest.translated_content).map(([locale, c]) =>
          build(ArticleContent, {
            locale,
            title: c.title ?? "",
            description: c.description ?? null,
            body: c.body ?? null,
            authorId: idOrNull(c.author_id),
            state: (c.state ?? null) as ArticleState | null,
            createdAt: fromUnix(c.created_at),
            updatedAt: fromUnix(c.updated_at),
            url: c.url ?? null,
          }),
        )
      : null,
    statistics: s
      ? build(ArticleStatistics, {
          views: s.views,
          conversions: s.conversions,
          reactions: s.reactions,
          happyReactionPercentage: s.happy_reaction_percentage,
          neutralReactionPercentage: s.neutral_reaction_percentage,
          sadReactionPercentage: s.sad_reaction_percentage,
        })
      : null,
  });
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
    const body = await this.get<{ data: RestArticle[]; total_count?: number; pages?: RestNumberedPages }>(path`articles`, {
      params: { page: String(page), per_page: String(perPage) },
    });
    return { items: (body.data ?? []).map(articleReducer), totalPages: body.pages?.total_pages ?? null, totalCount: body.total_count ?? null };
  }

  async getById(id: string): Promise<Article> {
    return articleReducer(await this.get<RestArticle>(path`articles/${id}`));
  }

  async search(params: ArticleSearchParams): Promise<ArticleSearchResult> {
    const query: Record<string, string> = {};
    if (params.phrase) query.phrase = params.phrase;
    if (params.state) query.state = params.state;
    if (params.helpCenterId) query.help_center_id = String(integerId(params.helpCenterId, "helpCenterId"));
    if (params.highlight !== undefined && params.highlight !== null) query.highlight = String(params.highlight);
    const body = await this.get<RestSearchResponse>(path`articles/search`, { params: query });
    const chunks = (list: RestHighlightChunk[] | undefined) => (list ?? []).map((c) => ({ type: c.type as HighlightType, text: c.text }));
    return build(ArticleSearchResult, {
      totalCount: body.total_count,
      articleList: (body.data?.articles ?? []).map(articleReducer),
      highlightList: (body.data?.highlights ?? []).map((h) =>
        build(ArticleSearchHighlight, {
          articleId: String(h.article_id),
          highlightedTitle: chunks(h.highlighted_title),
          highlightedSummary: (h.highlighted_summary ?? []).map(chunks),
        }),
      ),
    });
  }

  /** A new article's translations default to its author and state (a new article is a draft unless said otherwise). */
  async create(input: ArticleChanges & { title: string; authorId: string }): Promise<Article> {
    const defaults = { current: new Map(), authorId: integerId(input.authorId, "input.authorId"), state: input.state ?? "draft" };
    return this.write(WRITE_EFFECTS.createArticle, input, async () => articleReducer(await this.post<RestArticle>(path`articles`, { body: articleBody(input, true, defaults) })));
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
        current: new Map(localeEntries(article.translated_content)),
        authorId: changes.authorId ? integerId(changes.authorId, "input.authorId") : Number(article.author_id),
        state: changes.state ?? article.state,
      };
    }
    return this.write(WRITE_EFFECTS.updateArticle, { id }, async () => articleReducer(await this.put<RestArticle>(at, { body: articleBody(changes, false, defaults) })));
  }

  async remove(id: string): Promise<DeletedArticle> {
    return this.write(WRITE_EFFECTS.deleteArticle, { id }, async () => {
      const body = await this.delete<{ id: string | number; object?: string; deleted: boolean }>(path`articles/${id}`);
      return build(DeletedArticle, { id: requiredId(body.id), object: body.object ?? "article", deleted: body.deleted });
    });
  }
}
