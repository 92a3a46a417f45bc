// Sandbox resource module: News. Three newsfeeds (read-only through the API) and news items
// sent by the workspace's admins, live or draft, with page-numbered lists.
import { badRequest, notFound } from "../errors.js";
import type { ResourceModule } from "../resource.js";
import type { Rng } from "../rng.js";
import type { RouteContext, RouteInput } from "../routes.js";
import { MAX_PER_PAGE } from "../search.js";
import { SEED_BASE_TIME } from "../seed.js";
import type { Workspace } from "../types.js";
import { isObject, nowSeconds } from "../validate.js";

/** `newsfeed` schema. */
export interface NewsfeedRecord {
  type: "newsfeed";
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
}

/** `news_item` schema. */
export interface NewsItemRecord {
  type: "news-item";
  id: string;
  workspace_id: string;
  title: string;
  body: string;
  sender_id: number;
  state: "draft" | "live";
  newsfeed_assignments: Array<{ newsfeed_id: number; published_at: number }>;
  labels: string[];
  cover_image_url: string | null;
  reactions: Array<string | null>;
  deliver_silently: boolean;
  created_at: number;
  updated_at: number;
}

/** The workspace collections this module owns. */
export interface NewsState {
  newsfeeds: NewsfeedRecord[];
  newsItems: NewsItemRecord[];
  /** Next id handed to a created news item. */
  nextNewsItemId: number;
}

const DAY = 86_400;
const FEEDS = ["Visitor Feed", "Customer Feed", "Enterprise Feed"] as const;
const TITLES = [
  "Introducing dark mode", "Faster dashboards", "New: Slack integration", "SSO for every plan", "Bulk user import",
  "Our autumn launch week", "Webhooks get retries", "Mobile reports tab", "Invoices as CSV", "Meet the new inbox",
  "Price update for Growth", "Scheduled exports", "Two-factor for all teammates", "Custom roles", "API v3 preview",
  "Holiday support hours", "Okta SCIM provisioning", "Data residency in the EU", "Audit log export", "Keyboard shortcuts",
  "Smarter search", "Read receipts", "Team workload view", "Status page subscriptions", "Accessibility improvements",
] as const;
const LABELS = ["Product", "Update", "New", "Improvement", "Announcement", "Billing"] as const;
const REACTIONS = ["👍", "❤️", "🎉", "😆", "😮", "🚀"] as const;

function seed(ws: Workspace, rng: Rng): void {
  ws.newsfeeds = FEEDS.map((name, i) => {
    const created = SEED_BASE_TIME - (400 - 30 * i) * DAY;
    return { type: "newsfeed", id: String(53 + i), name, created_at: created, updated_at: created + rng.int(0, 30) * DAY };
  });
  ws.newsItems = TITLES.map((title, i) => {
    const created = SEED_BASE_TIME - rng.int(5, 300) * DAY - rng.int(0, DAY);
    const live = rng.chance(0.7);
    const feeds = rng.sample(ws.newsfeeds, rng.weighted([[0, 1], [1, 5], [2, 3], [3, 1]] as const));
    return {
      type: "news-item",
      id: String(29 + i),
      workspace_id: ws.app.id_code,
      title,
      body: `<p>${title}: here is what changed and how to try it.</p>`,
      sender_id: Number(rng.pick(ws.admins).id),
      state: live ? "live" : "draft",
      newsfeed_assignments: feeds.map((f) => ({ newsfeed_id: Number(f.id), published_at: created + rng.int(0, 3) * DAY })),
      labels: rng.sample(LABELS, rng.int(0, 3)),
      cover_image_url: rng.chance(0.4) ? `https://static.northwind.example/news/${29 + i}.png` : null,
      reactions: rng.chance(0.8) ? rng.sample(REACTIONS, rng.int(2, 4)) : [],
      deliver_silently: rng.chance(0.2),
      created_at: created,
      updated_at: created + rng.int(0, 4) * DAY,
    };
  });
  ws.nextNewsItemId = 29 + TITLES.length;
}


/** page (1-based) and per_page from the query string. */
function pageParams(query: Record<string, string>): { page: number; perPage: number } {
  const int = (name: string, fallback: number) => {
    const raw = query[name];
    if (raw === undefined || raw === "") return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest("parameter_invalid", `${name} must be a positive integer`, name);
    return Number(raw);
  };
  const perPage = int("per_page", 10);
  if (perPage > MAX_PER_PAGE) throw badRequest("parameter_invalid", `per_page must be at most ${MAX_PER_PAGE}`, "per_page");
  return { page: int("page", 1), perPage };
}

/** `paginated_news_item_response` / `paginated_newsfeed_response`. */
function pageOf<T>(records: T[], query: Record<string, string>) {
  const { page, perPage } = pageParams(query);
  return {
    type: "list",
    pages: { type: "pages", page, per_page: perPage, total_pages: Math.ceil(records.length / perPage) },
    total_count: records.length,
    data: records.slice((page - 1) * perPage, page * perPage),
  };
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
function applyRequest(ctx: RouteContext, item: Partial<NewsItemRecord>, body: unknown, required: boolean): void {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const { title, sender_id: sender, state, deliver_silently: silently } = body;
  if (required && (title === undefined || title === null)) throw badRequest("parameter_not_found", "title is a required parameter", "title");
  if (title !== undefined && title !== null && (typeof title !== "string" || title.trim() === "")) {
    throw badRequest("parameter_invalid", "title must be a non-empty string", "title");
  }
  if (body.body !== undefined && body.body !== null && typeof body.body !== "string") throw badRequest("parameter_invalid", "body must be a string", "body");
  if (required && (sender === undefined || sender === null)) throw badRequest("parameter_not_found", "sender_id is a required parameter", "sender_id");
  if (sender !== undefined && sender !== null) {
    if ((typeof sender !== "number" && typeof sender !== "string") || !ctx.ws.admins.some((a) => a.id === String(sender))) {
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
  if (labels) item.labels = labels as string[];
  if (reactions) item.reactions = reactions;
  if (assignments) item.newsfeed_assignments = assignments;
}

function createNewsItem(ctx: RouteContext, { body }: RouteInput): NewsItemRecord {
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

function updateNewsItem(ctx: RouteContext, { params, body }: RouteInput): NewsItemRecord {
  const item = findItem(ctx, params.news_item_id);
  // Check everything before changing anything.
  const changes: Partial<NewsItemRecord> = {};
  applyRequest(ctx, changes, body, false);
  Object.assign(item, changes, { updated_at: Math.max(item.updated_at, nowSeconds(ctx)) });
  return item;
}

function deleteNewsItem(ctx: RouteContext, { params }: RouteInput) {
  const item = findItem(ctx, params.news_item_id);
  ctx.ws.newsItems = ctx.ws.newsItems.filter((n) => n !== item);
  return { id: item.id, object: "news-item", deleted: true };
}

/** GET /news/newsfeeds/{id}/items — the live items assigned to the feed. */
function liveNewsfeedItems(ctx: RouteContext, { params, query }: RouteInput) {
  const feed = findFeed(ctx, params.newsfeed_id);
  const live = ctx.ws.newsItems.filter((n) => n.state === "live" && n.newsfeed_assignments.some((a) => String(a.newsfeed_id) === feed.id));
  return pageOf(newestFirst(live), query);
}

export const newsResource: ResourceModule = {
  name: "news",
  seed,
  routes: [
    { operationId: "listNewsItems", method: "GET", path: "/news/news_items", handler: ({ ws }, { query }) => pageOf(newestFirst(ws.newsItems), query) },
    { operationId: "createNewsItem", method: "POST", path: "/news/news_items", handler: createNewsItem },
    { operationId: "retrieveNewsItem", method: "GET", path: "/news/news_items/:news_item_id", handler: (ctx, { params }) => findItem(ctx, params.news_item_id) },
    { operationId: "updateNewsItem", method: "PUT", path: "/news/news_items/:news_item_id", handler: updateNewsItem },
    { operationId: "deleteNewsItem", method: "DELETE", path: "/news/news_items/:news_item_id", handler: deleteNewsItem },
    { operationId: "listNewsfeeds", method: "GET", path: "/news/newsfeeds", handler: ({ ws }, { query }) => pageOf(ws.newsfeeds, query) },
    { operationId: "listLiveNewsfeedItems", method: "GET", path: "/news/newsfeeds/:newsfeed_id/items", handler: liveNewsfeedItems },
    { operationId: "retrieveNewsfeed", method: "GET", path: "/news/newsfeeds/:newsfeed_id", handler: (ctx, { params }) => findFeed(ctx, params.newsfeed_id) },
  ],
};
