// Contract test: the sandbox's articles and help center responses validated against the
// 200 (and error) response schemas of the Intercom 2.11 OpenAPI document, with ajv.
import { describe, expect, it } from "vitest";
import { contractSuite, specExists, warnIfSpecMissing } from "./support/openapi.js";

warnIfSpecMissing("sandbox-contract-help-center");

describe.skipIf(!specExists)("sandbox ⇄ OpenAPI: articles and help center", () => {
  const suite = contractSuite();

  const { call, check, checkError } = suite;

  const ws = () => suite.sandbox.workspace;

  it("seeds 2 help centers, nested collections and ~60 varied articles", () => {
    expect(ws().helpCenters).toHaveLength(2);
    expect(ws().collections.length).toBeGreaterThanOrEqual(12);
    expect(ws().collections.some((c) => c.parent_id !== null)).toBe(true);
    expect(ws().articles.length).toBeGreaterThanOrEqual(55);
    expect(new Set(ws().articles.map((a) => a.state))).toEqual(new Set(["published", "draft"]));
    expect(new Set(ws().articles.map((a) => a.author_id)).size).toBeGreaterThan(3);
    expect(ws().articles.filter((a) => a.translated_content !== null).length).toBeGreaterThan(5);
    expect(ws().articles.some((a) => a.parent_id === null)).toBe(true);
    expect(ws().articles.some((a) => a.parent_ids.length > 1)).toBe(true);
  });

  it("the article schema rejects a broken article (negative control)", async () => {
    const good = (await call("GET", `/articles/${ws().articles[0]!.id}`)).body;
    const validate = suite.validators.validatorFor("GET", "/articles/{article_id}");
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, state: "archived" })).toBe(false);
    expect(validate({ ...good, author_id: "7350001" })).toBe(false);
    const { statistics: _s, ...withoutStatistics } = good;
    expect(validate(withoutStatistics)).toBe(false);
  });

  it("GET /articles (every page) → article_list", async () => {
    let seen = 0;
    for (let page = 1; page <= 5; page++) {
      const body = await check("GET", "/articles", `/articles?page=${page}&per_page=15`);
      expect(body.total_count).toBe(ws().articles.length);
      seen += body.data.length;
    }
    expect(seen).toBe(ws().articles.length);
  });

  it("GET /articles/{article_id} → article, for every article", async () => {
    for (const a of ws().articles) await check("GET", "/articles/{article_id}", `/articles/${a.id}`);
    await checkError("GET", "/articles/1", 404, "not_found");
  });

  it("GET /articles/search → search_articles_response, with and without highlights", async () => {
    const hit = await check("GET", "/articles/search", "/articles/search?phrase=slack&highlight=true");
    expect(hit.total_count).toBeGreaterThan(0);
    expect(hit.data.highlights).toHaveLength(hit.data.articles.length);
    expect(hit.data.highlights[0].highlighted_title.some((c: any) => c.type === "highlight")).toBe(true);
    const drafts = await check("GET", "/articles/search", `/articles/search?state=draft&help_center_id=${ws().helpCenters[0]!.id}`);
    expect(drafts.data.articles.every((a: any) => a.state === "draft")).toBe(true);
    expect(drafts.data.highlights).toEqual([]);
    await checkError("GET", "/articles/search?state=archived", 400, "parameter_invalid");
  });

  it("POST, PUT, DELETE /articles → article, article, deleted_article_object", async () => {
    const author = ws().admins[0]!;
    const collection = ws().collections[0]!;
    const created = await check("POST", "/articles", "/articles", {
      title: "Contract article",
      body: "<p>Body</p>",
      author_id: Number(author.id),
      state: "published",
      parent_id: Number(collection.id),
      parent_type: "collection",
      translated_content: { fr: { title: "Article de contrat", author_id: Number(author.id), state: "draft" } },
    });
    expect(created).toMatchObject({ title: "Contract article", state: "published", parent_id: Number(collection.id) });
    expect(created.translated_content.fr.title).toBe("Article de contrat");
    const updated = await check("PUT", "/articles/{article_id}", `/articles/${created.id}`, { title: "Renamed", state: "draft" });
    expect(updated).toMatchObject({ id: created.id, title: "Renamed", state: "draft", url: null });
    const deleted = await check("DELETE", "/articles/{article_id}", `/articles/${created.id}`);
    expect(deleted).toEqual({ id: created.id, object: "article", deleted: true });
    await checkError("GET", `/articles/${created.id}`, 404, "not_found");
    await checkError("PUT", `/articles/${created.id}`, 404, "not_found", { title: "x" });
  });

  it("POST /articles validation: missing title or author, unknown author → 400", async () => {
    await checkError("POST", "/articles", 400, "parameter_not_found", { author_id: Number(ws().admins[0]!.id) });
    await checkError("POST", "/articles", 400, "parameter_not_found", { title: "No author" });
    await checkError("POST", "/articles", 400, "parameter_invalid", { title: "Ghost", author_id: 42 });
    await checkError("POST", "/articles", 400, "parameter_invalid", { title: "Bad", author_id: Number(ws().admins[0]!.id), state: "live" });
  });

  it("GET /help_center/collections (paged) and /help_center/collections/{id} → collection_list, collection", async () => {
    const first = await check("GET", "/help_center/collections", "/help_center/collections?per_page=5");
    expect(first.data).toHaveLength(5);
    expect(first.pages.total_pages).toBe(Math.ceil(ws().collections.length / 5));
    for (const c of ws().collections) await check("GET", "/help_center/collections/{collection_id}", `/help_center/collections/${c.id}`);
    await checkError("GET", "/help_center/collections/1", 404, "not_found");
  });

  it("POST, PUT, DELETE /help_center/collections → collection, collection, deleted_collection_object", async () => {
    const parent = ws().collections.find((c) => c.parent_id === null)!;
    const created = await check("POST", "/help_center/collections", "/help_center/collections", {
      name: "Contract collection",
      description: "For the contract test",
      parent_id: parent.id,
      translated_content: { type: "group_translated_content", fr: { type: "group_content", name: "Collection de contrat", description: "" } },
    });
    expect(created).toMatchObject({ name: "Contract collection", parent_id: parent.id, help_center_id: parent.help_center_id });
    const updated = await check("PUT", "/help_center/collections/{collection_id}", `/help_center/collections/${created.id}`, { name: "Renamed", parent_id: null });
    expect(updated).toMatchObject({ name: "Renamed", parent_id: null });
    const deleted = await check("DELETE", "/help_center/collections/{collection_id}", `/help_center/collections/${created.id}`);
    expect(deleted).toEqual({ id: created.id, object: "collection", deleted: true });
    await checkError("GET", `/help_center/collections/${created.id}`, 404, "not_found");
    await checkError("POST", "/help_center/collections", 400, "parameter_not_found", { description: "Missing required parameter" });
    await checkError("POST", "/help_center/collections", 400, "parameter_invalid", { name: "Orphan", parent_id: "1" });
  });

  it("GET /help_center/help_centers and /help_center/help_centers/{id} → help_center_list, help_center", async () => {
    const list = await check("GET", "/help_center/help_centers", "/help_center/help_centers");
    expect(list.data).toHaveLength(2);
    const paged = await check("GET", "/help_center/help_centers", "/help_center/help_centers?page=2&per_page=1");
    expect(paged.data).toEqual([list.data[1]]);
    for (const hc of ws().helpCenters) await check("GET", "/help_center/help_centers/{help_center_id}", `/help_center/help_centers/${hc.id}`);
    await checkError("GET", "/help_center/help_centers/1", 404, "not_found");
  });
});
