import { build, fromUnix, toUnix } from "../schema/scalars.js";
import { DeletedNewsItem, NewsItem, Newsfeed, type NewsItemState } from "../schema/news.js";
import { requiredId } from "./reducers.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";

export interface RestNewsItem {
  type?: "news-item";
  id: string | number;
  workspace_id: string;
  title: string;
  body?: string | null;
  sender_id: number | string;
  state: string;
  newsfeed_assignments?: Array<{ newsfeed_id: number | string; published_at?: number | null }> | null;
  labels?: Array<string | null> | null;
  cover_image_url?: string | null;
  reactions?: Array<string | null> | null;
  deliver_silently?: boolean | null;
  created_at: number;
  updated_at?: number | null;
}

export interface RestNewsfeed {
  type?: "newsfeed";
  id: string | number;
  name: string;
  created_at: number;
  updated_at?: number | null;
}

interface RestList<T> {
  data: T[];
  total_count?: number;
  pages?: { page?: number; per_page?: number; total_pages?: number } | null;
}

/** One page of a page-numbered news list (the shape numberedPageConnection reads). */
export interface NewsPage<T> {
  items: T[];
  totalPages: number | null;
  totalCount: number | null;
}

/** The most items one news list page may hold. */
export const NEWS_MAX_PAGE = 150;

const present = (list: Array<string | null> | null | undefined) => (list ?? []).filter((s): s is string => s !== null && s !== undefined);

export function newsItemReducer(rest: RestNewsItem): NewsItem {
  return build(NewsItem, {
    id: requiredId(rest.id),
    workspaceId: rest.workspace_id,
    title: rest.title,
    body: rest.body ?? null,
    senderId: String(rest.sender_id),
    state: rest.state as NewsItemState,
    newsfeedAssignments: (rest.newsfeed_assignments ?? []).map((a) => ({ newsfeedId: String(a.newsfeed_id), publishedAt: fromUnix(a.published_at) })),
    // Intercom sends nulls in these lists (its examples show reactions: [null, null, …]); they carry nothing.
    labels: present(rest.labels),
    coverImageUrl: rest.cover_image_url ?? null,
    reactions: present(rest.reactions),
    deliverSilently: rest.deliver_silently ?? null,
    createdAt: fromUnix(rest.created_at)!,
    updatedAt: fromUnix(rest.updated_at),
  });
}

export function newsfeedReducer(rest: RestNewsfeed): Newsfeed {
  return build(Newsfeed, { id: requiredId(rest.id), name: rest.name, createdAt: fromUnix(rest.created_at)!, updatedAt: fromUnix(rest.updated_at) });
}

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
    return this.page(await this.get<RestList<RestNewsItem>>(path`news/news_items`, { params: this.pageParams(page, perPage) }), newsItemReducer);
  }

  async getNewsItem(id: string): Promise<NewsItem> {
    return newsItemReducer(await this.get<RestNewsItem>(path`news/news_items/${id}`));
  }

  async createNewsItem(input: NewsItemChanges): Promise<NewsItem> {
    if (!input.title || input.title.trim() === "") throw badInput("title must not be empty", "input.title");
    checkAssignments(input);
    return this.write(WRITE_EFFECTS.createNewsItem, input, async () => newsItemReducer(await this.post<RestNewsItem>(path`news/news_items`, { body: newsItemBody(input, new Date()) })));
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
    return this.write(WRITE_EFFECTS.updateNewsItem, { id }, async () => newsItemReducer(await this.put<RestNewsItem>(at, { body: newsItemBody(complete, new Date()) })));
  }

  async deleteNewsItem(id: string): Promise<DeletedNewsItem> {
    return this.write(WRITE_EFFECTS.deleteNewsItem, { id }, async () => {
      const body = await this.delete<{ id: string | number; object?: string; deleted: boolean }>(path`news/news_items/${id}`);
      return build(DeletedNewsItem, { id: requiredId(body.id), object: body.object ?? "news-item", deleted: body.deleted });
    });
  }

  /** A page of the newsfeeds (`paginated_newsfeed_response`: Intercom lists 10 a page unless told otherwise). */
  async listNewsfeeds(page: number, perPage: number): Promise<NewsPage<Newsfeed>> {
    return this.page(await this.get<RestList<RestNewsfeed>>(path`news/newsfeeds`, { params: this.pageParams(page, perPage) }), newsfeedReducer);
  }

  async getNewsfeed(id: string): Promise<Newsfeed> {
    return newsfeedReducer(await this.get<RestNewsfeed>(path`news/newsfeeds/${id}`));
  }

  /** The live news items of a newsfeed. */
  async listNewsfeedItems(newsfeedId: string, page: number, perPage: number): Promise<NewsPage<NewsItem>> {
    const body = await this.get<RestList<RestNewsItem>>(path`news/newsfeeds/${newsfeedId}/items`, { params: this.pageParams(page, perPage) });
    return this.page(body, newsItemReducer);
  }

  private pageParams(page: number, perPage: number) {
    return { page: String(page), per_page: String(perPage) };
  }

  private page<R, T>(body: RestList<R>, reduce: (rest: R) => T): NewsPage<T> {
    return { items: body.data.map(reduce), totalPages: body.pages?.total_pages ?? null, totalCount: body.total_count ?? null };
  }
}
