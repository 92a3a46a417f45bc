import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, TEST_TOKEN, type Stack } from "./support/stack.js";

/**
 * Upstream-call budgets of the articles and help center links, proved by counting
 * the requests the sandbox served for each GraphQL query.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  // The seed holds 13 collections: add sections so collection links run over ≥ 20 parents.
  const ws = stack.sandbox.workspace;
  const tops = ws.collections.filter((c) => c.parent_id === null);
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${stack.sandbox.url}/help_center/collections`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: `Extra section ${i + 1}`, parent_id: tops[i % tops.length]!.id }),
    });
    expect(res.status).toBe(200);
  }
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const count = (prefix: string) => calls().filter((c) => c.startsWith(prefix)).length;

describe("Article links", () => {
  it("Article.author for 25 articles costs 2 calls: the list and GET /admins", async () => {
    const res = await stack.query(`{ articles(first: 25) { nodes { id authorId author { id name } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.articles.nodes;
    expect(nodes).toHaveLength(25);
    expect(new Set(nodes.map((n: any) => n.authorId)).size).toBeGreaterThan(3);
    for (const n of nodes) expect(n.author).toEqual({ id: n.authorId, name: ws().admins.find((a) => a.id === n.authorId)!.name });
    expect(calls().sort()).toEqual(["GET /admins", "GET /articles"]);
  });

  it("Article.parent for 25 articles costs 2 calls: the list and one page of GET /help_center/collections", async () => {
    const res = await stack.query(`{ articles(first: 25) { nodes { id parentId parentType parent { id name parentId } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.articles.nodes;
    const distinct = new Set(nodes.map((n: any) => n.parentId).filter(Boolean));
    expect(distinct.size).toBeGreaterThan(5); // without the list this would be 1 + distinct GETs
    for (const n of nodes) {
      if (n.parentId === null) expect(n.parent).toBeNull();
      else {
        const rest = ws().collections.find((c) => c.id === n.parentId)!;
        expect(n.parent).toEqual({ id: n.parentId, name: rest.name, parentId: rest.parent_id });
      }
    }
    expect(calls().sort()).toEqual(["GET /articles", "GET /help_center/collections"]);
  });

  it("Article.parents and Article.parent.parent for all 60 articles cost 2 calls: the list and one collections page", async () => {
    const res = await stack.query(`{ articles(first: 100) { nodes { id parentIds parents { id } parent { id parent { id name } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.articles.nodes;
    expect(nodes.length).toBe(ws().articles.length);
    expect(nodes.some((n: any) => n.parents.length > 1)).toBe(true);
    expect(nodes.some((n: any) => n.parent?.parent)).toBe(true);
    for (const n of nodes) expect(n.parents.map((p: any) => p.id)).toEqual(n.parentIds);
    expect(calls().sort()).toEqual(["GET /articles", "GET /help_center/collections"]);
  });

  it("one article's parent costs 2 calls: GET /articles/{id} and GET /help_center/collections/{id}", async () => {
    const article = ws().articles.find((a) => a.parent_id !== null)!;
    const res = await stack.query(`query ($id: ID!) { article(id: $id) { parent { id } } }`, { id: article.id });
    expect(res.data.article.parent.id).toBe(String(article.parent_id));
    expect(calls()).toEqual([`GET /articles/${article.id}`, `GET /help_center/collections/${article.parent_id}`]);
  });

  it("ArticleContent.author for 25 articles' translations costs 2 calls: the list and GET /admins", async () => {
    const res = await stack.query(`{ articles(first: 25) { nodes { author { id } translatedContent { locale authorId author { id name } } } } }`);
    expect(res.errors).toBeUndefined();
    const contents = res.data.articles.nodes.flatMap((n: any) => n.translatedContent ?? []);
    expect(contents.length).toBeGreaterThan(10);
    for (const c of contents) expect(c.author.id).toBe(c.authorId);
    expect(calls().sort()).toEqual(["GET /admins", "GET /articles"]);
  });

  it("25 articles by id (20 distinct, as aliases) cost 20 de-duplicated GETs", async () => {
    const ids = ws().articles.slice(0, 20).map((a) => a.id);
    const picks = [...ids, ...ids.slice(0, 5)];
    const query = `{ ${picks.map((id, i) => `a${i}: article(id: "${id}") { id }`).join(" ")} }`;
    const res = await stack.query(query);
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data).map((a: any) => a.id)).toEqual(picks);
    expect(calls()).toHaveLength(20);
    expect(new Set(calls())).toEqual(new Set(ids.map((id) => `GET /articles/${id}`)));
  });

  it("ArticleSearchHighlight.article for every highlight costs nothing beyond the search: 1 call", async () => {
    const res = await stack.query(`{ searchArticles(highlight: true) { totalCount highlights(first: 100) { nodes { articleId article { id title } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.searchArticles.highlights.nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(20);
    for (const n of nodes) expect(n.article.id).toBe(n.articleId);
    expect(calls()).toEqual(["GET /articles/search"]);
  });
});

describe("Collection links", () => {
  it("Collection.helpCenter for 23 collections costs 2 calls: the list and GET /help_center/help_centers", async () => {
    const res = await stack.query(`{ collections(first: 50) { nodes { id helpCenterId helpCenter { id identifier } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.collections.nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(20);
    expect(new Set(nodes.map((n: any) => n.helpCenter.id)).size).toBe(2);
    for (const n of nodes) expect(n.helpCenter.id).toBe(n.helpCenterId);
    expect(calls().sort()).toEqual(["GET /help_center/collections", "GET /help_center/help_centers"]);
  });

  it("Collection.parent for 23 collections costs 1 call: the parents come from the same page", async () => {
    const res = await stack.query(`{ collections(first: 50) { nodes { id parentId parent { id name } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.collections.nodes;
    expect(nodes.filter((n: any) => n.parent).length).toBeGreaterThanOrEqual(10);
    for (const n of nodes) expect(n.parent?.id ?? null).toBe(n.parentId);
    expect(calls()).toEqual(["GET /help_center/collections"]);
  });

  it("Collection.parent of 60 articles' parents, beside a 3-collection list, costs one more collections page (3 calls in all)", async () => {
    const res = await stack.query(`{ collections(first: 3) { nodes { id } } articles(first: 60) { nodes { parent { parent { id } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(count("GET /help_center/collections")).toBe(2);
    expect(count("GET /articles")).toBe(1);
  });

  it("ids the collections list does not hold are fetched by id; a missing one fails alone", async () => {
    const [a, b] = ws().collections;
    const res = await stack.query(`{ a: collection(id: "${a!.id}") { id } b: collection(id: "${b!.id}") { id } c: collection(id: "1") { id } }`);
    expect(res.data).toEqual({ a: { id: a!.id }, b: { id: b!.id }, c: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(calls().sort()).toEqual(["GET /help_center/collections", "GET /help_center/collections/1"]);
  });
});
