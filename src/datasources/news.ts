import { reduceDeletedNewsItem, reduceNewsItem, reduceNewsfeed } from "../generated/reducers/news.js";
import type { RestCursorPages } from "../generated/rest/common.js";
import type { RestDeletedObject, RestNewsItem, RestNewsfeed, RestPaginatedNewsItemResponse, RestPaginatedNewsfeedResponse } from "../generated/rest/news.js";
import { toUnix } from "../schema/scalars.js";
import type { DeletedNewsItem, NewsItem, Newsfeed, NewsItemState } from "../schema/news.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";

/** One page of a page-numbered news list (the shape numberedPageConnection reads). */
export interface NewsPage<T> {
  items: T[];
  totalPages: number | null;
  totalCount: number | null;
}

/** The most items one news list page may hold. */
export const NEWS_MAX_PAGE = 150;

/** Plain inputs of news item writes; undefined/null fields are not sent. */
export interface NewsItemChanges {
  title?: string | null;
  body?: string | null;
  senderId?: string | null;
  state?: NewsItemState | null;
  deliverSilently?: boolean | null;
  labels?: string[] | null;
  reactions?: string[] | null;
  newsfeedAssignments?: Array<{ newsfeedId: string; publishedAt?: Date | null }> | null;
}

/** Ids are integers in the document's request bodies; send a numeric id as a number, anything else as given. */
const integerId = (id: string) => (/^\d+$/.test(id) ? Number(id) : id);

function newsItemBody(changes: NewsItemChanges, now: Date): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (changes.title !== undefined && changes.title !== null) body.title = changes.title;
  if (changes.body !== undefined && changes.body !== null) body.body = changes.body;
  if (changes.senderId !== undefined && changes.senderId !== null) body.sender_id = integerId(changes.senderId);
  if (changes.state) body.state = changes.state;
  if (changes.deliverSilently !== undefined && changes.deliverSilently !== null) body.deliver_silently = changes.deliverSilently;
  if (changes.labels) body.labels = changes.labels;
  if (changes.reactions) body.reactions = changes.reactions;
  if (changes.newsfeedAssignments) {
    body.newsfeed_assignments = changes.newsfeedAssignments.map((a) => ({
      newsfeed_id: integerId(a.newsfeedId),
      published_at: toUnix(a.publishedAt ?? now),
    }));
  }
  return body;
}

/** News: news items (CRUD) and newsfeeds (read-only), page-numbered lists. */
/** Intercom publishes at once: a publish date in the future is refused (schedule in Intercom instead). */
function checkAssignments(input: { newsfeedAssignments?: Array<{ publishedAt?: Date | null }> | null }): void {
  const future = (input.newsfeedAssignments ?? []).some((a) => a.publishedAt && a.publishedAt.getTime() > Date.now());
  if (future) throw badInput("Publish dates cannot be in the future; schedule news items in Intercom instead", "input.newsfeedAssignments");
}

export class NewsAPI extends IntercomDataSource {
  async listNewsItems(page: number, perPage: number): Promise<NewsPage<NewsItem>> {
    return this.page(await this.get<RestPaginatedNewsItemResponse>(path`news/news_items`, { params: this.pageParams(page, perPage) }), reduceNewsItem);
  }

  async getNewsItem(id: string): Promise<NewsItem> {
    return reduceNewsItem(await this.get<RestNewsItem>(path`news/news_items/${id}`));
  }

  async createNewsItem(input: NewsItemChanges): Promise<NewsItem> {
    if (!input.title || input.title.trim() === "") throw badInput("title must not be empty", "input.title");
    checkAssignments(input);
    return this.write(WRITE_EFFECTS.createNewsItem, input, async () => reduceNewsItem(await this.post<RestNewsItem>(path`news/news_items`, { body: newsItemBody(input, new Date()) })));
  }

  /**
   * PUT /news/news_items/{id} takes `news_item_request`, which requires `title` and `sender_id`
   * however little changes: where the changes leave either out, the item's current one is sent
   * (one GET before the write).
   */
  async updateNewsItem(id: string, changes: NewsItemChanges): Promise<NewsItem> {
    checkAssignments(changes);
    const at = path`news/news_items/${id}`;
    let complete = changes;
    if (!changes.title || !changes.senderId) {
      const current = await this.get<RestNewsItem>(at);
      complete = { ...changes, title: changes.title || current.title, senderId: changes.senderId || String(current.sender_id) };
    }
    return this.write(WRITE_EFFECTS.updateNewsItem, { id }, async () => reduceNewsItem(await this.put<RestNewsItem>(at, { body: newsItemBody(complete, new Date()) })));
  }

  async deleteNewsItem(id: string): Promise<DeletedNewsItem> {
    return this.write(WRITE_EFFECTS.deleteNewsItem, { id }, async () => {
      return reduceDeletedNewsItem(await this.delete<RestDeletedObject>(path`news/news_items/${id}`));
    });
  }

  /** A page of the newsfeeds (`paginated_newsfeed_response`: Intercom lists 10 a page unless told otherwise). */
  async listNewsfeeds(page: number, perPage: number): Promise<NewsPage<Newsfeed>> {
    return this.page(await this.get<RestPaginatedNewsfeedResponse>(path`news/newsfeeds`, { params: this.pageParams(page, perPage) }), reduceNewsfeed);
  }

  async getNewsfeed(id: string): Promise<Newsfeed> {
    return reduceNewsfeed(await this.get<RestNewsfeed>(path`news/newsfeeds/${id}`));
  }

  /** The live news items of a newsfeed. */
  async listNewsfeedItems(newsfeedId: string, page: number, perPage: number): Promise<NewsPage<NewsItem>> {
    const body = await this.get<RestPaginatedNewsItemResponse>(path`news/newsfeeds/${newsfeedId}/items`, { params: this.pageParams(page, perPage) });
    return this.page(body, reduceNewsItem);
  }

  private pageParams(page: number, perPage: number) {
    return { page: String(page), per_page: String(perPage) };
  }

  private page<R, T>(body: { data: R[]; total_count?: number; pages?: RestCursorPages }, reduce: (rest: R) => T): NewsPage<T> {
    return { items: body.data.map(reduce), totalPages: body.pages?.total_pages ?? null, totalCount: body.total_count ?? null };
  }
}
