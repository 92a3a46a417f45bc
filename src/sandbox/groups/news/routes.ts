// News: news items (listed newest first, read, created, updated, deleted), newsfeeds (listed,
// read) and a newsfeed's live items.
import type {
  RestDeletedObject,
  RestNewsfeed,
  RestNewsItem,
  RestPaginatedNewsfeedResponse,
  RestPaginatedNewsItemResponse,
} from "../../../generated/rest/news.js";
import { badRequest, notFound } from "../../errors.js";
import { findAdmin } from "../../lookups.js";
import { pagesOf, pageSlice, parsePage, parsePerPage } from "../../paging.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { isObject, nowSeconds, requireBody } from "../../validate.js";
import type { NewsfeedRecord, NewsItemRecord } from "./records.js";

/** `paginated_news_item_response` / `paginated_newsfeed_response`. */
function newsPage<T>(records: T[], query: Record<string, string>) {
  // per_page is checked before page here.
  const perPage = parsePerPage(query.per_page, 10, { overflow: "accept" });
  const page = parsePage(query.page);
  const { data, totalPages } = pageSlice(records, page, perPage);
  return { type: "list" as const, pages: pagesOf(page, perPage, totalPages), total_count: records.length, data };
}

/** Newest first, as Intercom lists news. */
const newestFirst = (items: NewsItemRecord[]) => [...items].sort((a, b) => b.created_at - a.created_at || Number(b.id) - Number(a.id));

function findItem(ctx: RouteContext, id: string | undefined): NewsItemRecord {
  const item = ctx.ws.newsItems.find((n) => n.id === id);
  if (!item) throw notFound("not_found", "Resource Not Found");
  return item;
}

function findFeed(ctx: RouteContext, id: string | undefined): NewsfeedRecord {
  const feed = ctx.ws.newsfeeds.find((f) => f.id === id);
  if (!feed) throw notFound("not_found", "Resource Not Found");
  return feed;
}

function stringList(body: Record<string, unknown>, field: string, allowNull: boolean): Array<string | null> | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((s) => !(typeof s === "string" || (allowNull && s === null)))) {
    throw badRequest("parameter_invalid", `${field} must be an array of strings`, field);
  }
  return v as Array<string | null>;
}

/**
 * The fields of a `news_item_request`, checked; `required` for create. Unknown fields are ignored.
 * Writes only what was sent (so an update keeps the rest).
 */
function applyRequest(ctx: RouteContext, item: Partial<NewsItemRecord>, rawBody: unknown, required: boolean): void {
  const body = requireBody(rawBody);
  const { title, sender_id: sender, state, deliver_silently: silently } = body;
  if (required && (title === undefined || title === null)) throw badRequest("parameter_not_found", "title is a required parameter", "title");
  if (title !== undefined && title !== null && (typeof title !== "string" || title.trim() === "")) {
    throw badRequest("parameter_invalid", "title must be a non-empty string", "title");
  }
  if (body.body !== undefined && body.body !== null && typeof body.body !== "string") throw badRequest("parameter_invalid", "body must be a string", "body");
  if (required && (sender === undefined || sender === null)) throw badRequest("parameter_not_found", "sender_id is a required parameter", "sender_id");
  if (sender !== undefined && sender !== null) {
    if ((typeof sender !== "number" && typeof sender !== "string") || !findAdmin(ctx.ws, sender)) {
      throw badRequest("parameter_invalid", "sender_id must be the id of a teammate on the workspace", "sender_id");
    }
  }
  if (state !== undefined && state !== null && state !== "draft" && state !== "live") {
    throw badRequest("parameter_invalid", "state must be one of draft, live", "state");
  }
  if (silently !== undefined && silently !== null && typeof silently !== "boolean") {
    throw badRequest("parameter_invalid", "deliver_silently must be a boolean", "deliver_silently");
  }
  const labels = stringList(body, "labels", false);
  const reactions = stringList(body, "reactions", true);
  let assignments: NewsItemRecord["newsfeed_assignments"] | undefined;
  const rawAssignments = body.newsfeed_assignments;
  if (rawAssignments !== undefined && rawAssignments !== null) {
    if (!Array.isArray(rawAssignments)) throw badRequest("parameter_invalid", "newsfeed_assignments must be an array", "newsfeed_assignments");
    const now = nowSeconds(ctx);
    assignments = rawAssignments.map((a: unknown) => {
      if (!isObject(a) || a.newsfeed_id === undefined || a.newsfeed_id === null) {
        throw badRequest("parameter_not_found", "newsfeed_id is a required parameter", "newsfeed_assignments.newsfeed_id");
      }
      const feed = ctx.ws.newsfeeds.find((f) => f.id === String(a.newsfeed_id));
      if (!feed) throw badRequest("parameter_invalid", `Newsfeed ${String(a.newsfeed_id)} not found`, "newsfeed_assignments.newsfeed_id");
      const published = a.published_at ?? now;
      if (typeof published !== "number" || !Number.isInteger(published) || published < 0) {
        throw badRequest("parameter_invalid", "published_at must be a Unix timestamp", "newsfeed_assignments.published_at");
      }
      if (published > now) throw badRequest("parameter_invalid", "Publish dates cannot be in the future", "newsfeed_assignments.published_at");
      return { newsfeed_id: Number(feed.id), published_at: published };
    });
  }

  if (typeof title === "string") item.title = title;
  if (typeof body.body === "string") item.body = body.body;
  if (sender !== undefined && sender !== null) item.sender_id = Number(sender);
  if (state === "draft" || state === "live") item.state = state;
  if (typeof silently === "boolean") item.deliver_silently = silently;
  if (labels) item.labels = labels;
  if (reactions) item.reactions = reactions;
  if (assignments) item.newsfeed_assignments = assignments;
}

function createNewsItem(ctx: RouteContext, { body }: RouteInput): RestNewsItem {
  const now = nowSeconds(ctx);
  const item: NewsItemRecord = {
    type: "news-item",
    id: "",
    workspace_id: ctx.ws.app.id_code,
    title: "",
    body: "",
    sender_id: 0,
    state: "draft",
    newsfeed_assignments: [],
    labels: [],
    cover_image_url: null,
    reactions: [],
    deliver_silently: false,
    created_at: now,
    updated_at: now,
  };
  applyRequest(ctx, item, body, true);
  item.id = String(ctx.ws.nextNewsItemId++);
  ctx.ws.newsItems.push(item);
  return item;
}

function updateNewsItem(ctx: RouteContext, { params, body }: RouteInput): RestNewsItem {
  const item = findItem(ctx, params.news_item_id);
  // Check everything before changing anything.
  const changes: Partial<NewsItemRecord> = {};
  applyRequest(ctx, changes, body, false);
  Object.assign(item, changes, { updated_at: Math.max(item.updated_at, nowSeconds(ctx)) });
  return item;
}

function deleteNewsItem(ctx: RouteContext, { params }: RouteInput): RestDeletedObject {
  const item = findItem(ctx, params.news_item_id);
  ctx.ws.newsItems = ctx.ws.newsItems.filter((n) => n !== item);
  return { id: item.id, object: "news-item", deleted: true };
}

/** GET /news/newsfeeds/{id}/items — the live items assigned to the feed. */
function liveNewsfeedItems(ctx: RouteContext, { params, query }: RouteInput): RestPaginatedNewsItemResponse {
  const feed = findFeed(ctx, params.newsfeed_id);
  const live = ctx.ws.newsItems.filter((n) => n.state === "live" && n.newsfeed_assignments.some((a) => String(a.newsfeed_id) === feed.id));
  return newsPage(newestFirst(live), query);
}

export const newsGroup: ApiGroup = {
  tag: "News",
  routes: [
    { operationId: "listNewsItems", method: "GET", path: "/news/news_items", handler: ({ ws }, { query }): RestPaginatedNewsItemResponse => newsPage(newestFirst(ws.newsItems), query) },
    { operationId: "createNewsItem", method: "POST", path: "/news/news_items", handler: createNewsItem },
    { operationId: "retrieveNewsItem", method: "GET", path: "/news/news_items/:news_item_id", handler: (ctx, { params }): RestNewsItem => findItem(ctx, params.news_item_id) },
    { operationId: "updateNewsItem", method: "PUT", path: "/news/news_items/:news_item_id", handler: updateNewsItem },
    { operationId: "deleteNewsItem", method: "DELETE", path: "/news/news_items/:news_item_id", handler: deleteNewsItem },
    { operationId: "listNewsfeeds", method: "GET", path: "/news/newsfeeds", handler: ({ ws }, { query }): RestPaginatedNewsfeedResponse => newsPage(ws.newsfeeds, query) },
    { operationId: "retrieveNewsfeed", method: "GET", path: "/news/newsfeeds/:newsfeed_id", handler: (ctx, { params }): RestNewsfeed => findFeed(ctx, params.newsfeed_id) },
    { operationId: "listLiveNewsfeedItems", method: "GET", path: "/news/newsfeeds/:newsfeed_id/items", handler: liveNewsfeedItems },
  ],
};
