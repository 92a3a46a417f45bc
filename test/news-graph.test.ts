import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_BASE_TIME } from "../src/sandbox/index.js";
import { startStack, type Stack } from "./support/stack.js";

/** News items and newsfeeds over the graph: lists, reads and write round trips. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const iso = (unix: number) => new Date(unix * 1000).toISOString();
const ITEM = `id workspaceId title body senderId state labels coverImageUrl reactions deliverSilently createdAt updatedAt
  newsfeedAssignments { newsfeedId publishedAt }`;
const READ = `query ($id: ID!) { newsItem(id: $id) { ${ITEM} } }`;

describe("news item reads", () => {
  it("newsItems lists every item newest first with every property mapped", async () => {
    const res = await stack.query(`{ newsItems(first: 100) { totalCount nodes { ${ITEM} } pageInfo { hasNextPage } } }`);
    expect(res.errors).toBeUndefined();
    const rest = [...ws().newsItems].sort((a, b) => b.created_at - a.created_at || Number(b.id) - Number(a.id));
    expect(res.data.newsItems.totalCount).toBe(rest.length);
    expect(res.data.newsItems.nodes.map((n: any) => n.id)).toEqual(rest.map((n) => n.id));
    const r = rest[0]!;
    expect(res.data.newsItems.nodes[0]).toEqual({
      id: r.id,
      workspaceId: r.workspace_id,
      title: r.title,
      body: r.body,
      senderId: String(r.sender_id),
      state: r.state.toUpperCase(),
      labels: r.labels,
      coverImageUrl: r.cover_image_url,
      reactions: r.reactions,
      deliverSilently: r.deliver_silently,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      newsfeedAssignments: r.newsfeed_assignments.map((a) => ({ newsfeedId: String(a.newsfeed_id), publishedAt: iso(a.published_at) })),
    });
    expect(stack.upstream()).toHaveLength(1);
  });

  it("pages through news items with first/after", async () => {
    const first = await stack.query(`{ newsItems(first: 10) { nodes { id } pageInfo { hasNextPage endCursor } } }`);
    const second = await stack.query(`query ($after: String) { newsItems(first: 10, after: $after) { nodes { id } } }`, {
      after: first.data.newsItems.pageInfo.endCursor,
    });
    const all = await stack.query(`{ newsItems(first: 20) { nodes { id } } }`);
    expect([...first.data.newsItems.nodes, ...second.data.newsItems.nodes]).toEqual(all.data.newsItems.nodes);
    expect(first.data.newsItems.pageInfo.hasNextPage).toBe(true);
  });

  it("newsfeeds, newsfeed and newsfeedItems (live items only)", async () => {
    const feed = ws().newsfeeds[0]!;
    const res = await stack.query(
      `query ($id: ID!) {
        newsfeeds { totalCount nodes { id name createdAt updatedAt } }
        newsfeed(id: $id) { id name }
        newsfeedItems(newsfeedId: $id, first: 150) { totalCount nodes { id state } }
      }`,
      { id: feed.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.newsfeeds.nodes).toEqual(ws().newsfeeds.map((f) => ({ id: f.id, name: f.name, createdAt: iso(f.created_at), updatedAt: iso(f.updated_at) })));
    expect(res.data.newsfeed).toEqual({ id: feed.id, name: feed.name });
    const live = ws().newsItems.filter((n) => n.state === "live" && n.newsfeed_assignments.some((a) => String(a.newsfeed_id) === feed.id));
    expect(res.data.newsfeedItems.totalCount).toBe(live.length);
    expect(res.data.newsfeedItems.nodes.every((n: any) => n.state === "LIVE")).toBe(true);
  });

  it("an unknown news item or newsfeed is NOT_FOUND", async () => {
    const res = await stack.query(`{ newsItem(id: "999999") { id } newsfeed(id: "0") { id } }`);
    expect(res.data).toEqual({ newsItem: null, newsfeed: null });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND", "NOT_FOUND"]);
  });
});

describe("news item writes", () => {
  const CREATE = `mutation ($input: CreateNewsItemInput!) { createNewsItem(input: $input) { ${ITEM} sender { id } newsfeeds { id } } }`;
  const UPDATE = `mutation ($id: ID!, $input: UpdateNewsItemInput!) { updateNewsItem(id: $id, input: $input) { ${ITEM} } }`;
  const DELETE = `mutation ($id: ID!) { deleteNewsItem(id: $id) { id object deleted } }`;

  it("creates, reads back, updates, and deletes a news item", async () => {
    const sender = ws().admins[1]!;
    const feed = ws().newsfeeds[1]!;
    const publishedAt = iso(SEED_BASE_TIME - 86_400);
    const created = await stack.query(CREATE, {
      input: {
        title: "Halloween is here!",
        body: "<p>New costumes in store</p>",
        senderId: sender.id,
        state: "LIVE",
        labels: ["Product", "New"],
        reactions: ["😆", "😅"],
        deliverSilently: true,
        newsfeedAssignments: [{ newsfeedId: feed.id, publishedAt }],
      },
    });
    expect(created.errors).toBeUndefined();
    const item = created.data.createNewsItem;
    expect(item).toMatchObject({
      title: "Halloween is here!",
      senderId: sender.id,
      sender: { id: sender.id },
      state: "LIVE",
      labels: ["Product", "New"],
      reactions: ["😆", "😅"],
      deliverSilently: true,
      newsfeedAssignments: [{ newsfeedId: feed.id, publishedAt }],
      newsfeeds: [{ id: feed.id }],
    });
    expect(stack.upstream().find((r) => r.method === "POST")!.body).toMatchObject({
      title: "Halloween is here!",
      sender_id: Number(sender.id),
      state: "live",
      newsfeed_assignments: [{ newsfeed_id: Number(feed.id), published_at: SEED_BASE_TIME - 86_400 }],
    });
    expect((await stack.query(READ, { id: item.id })).data.newsItem).toEqual(
      Object.fromEntries(Object.entries(item).filter(([k]) => k !== "sender" && k !== "newsfeeds")),
    );

    const updated = await stack.query(UPDATE, { id: item.id, input: { title: "Christmas is here!", state: "DRAFT", labels: [] } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateNewsItem).toMatchObject({ id: item.id, title: "Christmas is here!", state: "DRAFT", labels: [], reactions: ["😆", "😅"] });
    expect((await stack.query(READ, { id: item.id })).data.newsItem.title).toBe("Christmas is here!");

    const deleted = await stack.query(DELETE, { id: item.id });
    expect(deleted.data.deleteNewsItem).toEqual({ id: item.id, object: "news-item", deleted: true });
    const gone = await stack.query(READ, { id: item.id });
    expect(gone.data.newsItem).toBeNull();
    expect(gone.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("an update without a title or sender sends the current ones: Intercom's update requires both", async () => {
    const item = ws().newsItems.find((n) => n.body)!;
    stack.resetUpstream();
    const res = await stack.query(UPDATE, { id: item.id, input: { body: "<p>New body</p>" } });
    expect(res.errors).toBeUndefined();
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /news/news_items/${item.id}`, `PUT /news/news_items/${item.id}`]);
    expect(stack.upstream()[1]!.body).toEqual({ title: item.title, sender_id: Number(item.sender_id), body: "<p>New body</p>" });
    expect(res.data.updateNewsItem).toMatchObject({ title: item.title, senderId: String(item.sender_id), body: "<p>New body</p>" });

    // Given both, there is nothing to read first.
    stack.resetUpstream();
    const both = await stack.query(UPDATE, { id: item.id, input: { title: "Retitled", senderId: ws().admins[1]!.id } });
    expect(both.errors).toBeUndefined();
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /news/news_items/${item.id}`]);
  });

  it("two updates in one request apply in order", async () => {
    const item = ws().newsItems[0]!;
    const res = await stack.query(
      `mutation ($id: ID!) {
        a: updateNewsItem(id: $id, input: { title: "First" }) { title }
        b: updateNewsItem(id: $id, input: { title: "Second" }) { title }
      }`,
      { id: item.id },
    );
    expect(res.data).toEqual({ a: { title: "First" }, b: { title: "Second" } });
  });

  it("validation errors: an unknown sender is BAD_USER_INPUT upstream, a future publish date before any call", async () => {
    const unknownSender = await stack.query(CREATE, { input: { title: "x", senderId: "1" } });
    expect(unknownSender.data.createNewsItem).toBeNull();
    expect(unknownSender.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unknownSender.errors?.[0]?.extensions?.intercom?.errors?.[0]?.code).toBe("parameter_invalid");
    stack.resetUpstream();
    const future = await stack.query(CREATE, {
      input: { title: "x", senderId: ws().admins[0]!.id, newsfeedAssignments: [{ newsfeedId: ws().newsfeeds[0]!.id, publishedAt: "2999-01-01T00:00:00Z" }] },
    });
    expect(future.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
    const missing = await stack.query(UPDATE, { id: "999999", input: { title: "x" } });
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missingDelete = await stack.query(DELETE, { id: "999999" });
    expect(missingDelete.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
