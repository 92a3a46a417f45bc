import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Link budgets of news items and newsfeeds. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

describe("NewsItem links", () => {
  it("NewsItem.sender for 25 news items costs 2 calls: the list and GET /admins", async () => {
    const res = await stack.query(`{ newsItems(first: 100) { nodes { senderId sender { id name } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.newsItems.nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(25);
    expect(new Set(nodes.map((n: any) => n.senderId)).size).toBeGreaterThan(3);
    for (const n of nodes) expect(n.sender.id).toBe(n.senderId);
    expect(calls().sort()).toEqual(["GET /admins", "GET /news/news_items"]);
  });

  it("NewsItem.newsfeeds and NewsfeedAssignment.newsfeed for 25 news items cost 2 calls: the list and GET /news/newsfeeds", async () => {
    const res = await stack.query(`{
      newsItems(first: 100) { nodes { id newsfeeds { id name } newsfeedAssignments { newsfeedId newsfeed { id name } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.newsItems.nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(25);
    for (const n of nodes) {
      const rest = ws().newsItems.find((x) => x.id === n.id)!;
      expect(n.newsfeeds.map((f: any) => f.id)).toEqual(rest.newsfeed_assignments.map((a) => String(a.newsfeed_id)));
      for (const a of n.newsfeedAssignments) expect(a.newsfeed.id).toBe(a.newsfeedId);
    }
    expect(nodes.some((n: any) => n.newsfeeds.length > 1)).toBe(true);
    expect(calls().sort()).toEqual(["GET /news/news_items", "GET /news/newsfeeds"]);
  });

  it("news items read by id, 25 distinct and repeated, cost one page of the list (and the admins list for senders)", async () => {
    const ids = ws().newsItems.slice(0, 25).map((n) => n.id);
    const picks = [...ids, ...ids.slice(0, 5)];
    const query = `{ ${picks.map((id, i) => `n${i}: newsItem(id: "${id}") { id sender { id } }`).join("\n")} }`;
    const res = await stack.query(query);
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data).map((n: any) => n.id)).toEqual(picks);
    expect(calls().sort()).toEqual(["GET /admins", "GET /news/news_items"]);
  });

  it("one news item read by id costs its GET, not a page of the list", async () => {
    const item = ws().newsItems[3]!;
    const res = await stack.query(`{ newsItem(id: "${item.id}") { id title } }`);
    expect(res.data.newsItem).toEqual({ id: item.id, title: item.title });
    expect(calls()).toEqual([`GET /news/news_items/${item.id}`]);
  });
});

describe("Newsfeed links", () => {
  it("Newsfeed.items for every newsfeed costs 1 + one GET /news/newsfeeds/{id}/items per newsfeed, and item senders 1 more", async () => {
    const res = await stack.query(`{ newsfeeds { nodes { id items(first: 150) { totalCount nodes { id state sender { id } } } } } }`);
    expect(res.errors).toBeUndefined();
    const feeds = res.data.newsfeeds.nodes;
    expect(feeds).toHaveLength(ws().newsfeeds.length);
    for (const f of feeds) {
      const live = ws().newsItems.filter((n) => n.state === "live" && n.newsfeed_assignments.some((a) => String(a.newsfeed_id) === f.id));
      expect(f.items.totalCount).toBe(live.length);
    }
    const made = calls();
    expect(made.filter((c) => /^GET \/news\/newsfeeds\/\d+\/items$/.test(c))).toHaveLength(feeds.length);
    expect(made).toHaveLength(2 + feeds.length);
  });
});
