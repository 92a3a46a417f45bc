import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, walkPages, type Stack } from "./support/stack.js";

/** Reading articles through the graph: list paging, retrieve, search with highlights. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

const ARTICLE_FIELDS = `id workspaceId title description body authorId state createdAt updatedAt url parentId parentIds parentType defaultLocale
  translatedContent { locale title description body authorId state createdAt updatedAt url }
  statistics { views conversions reactions happyReactionPercentage neutralReactionPercentage sadReactionPercentage }`;

describe("articles", () => {
  it("article(id) maps every field of the REST article", async () => {
    const rest = ws().articles.find((a) => a.translated_content !== null && a.state === "published")!;
    const res = await stack.query(`query ($id: ID!) { article(id: $id) { ${ARTICLE_FIELDS} } }`, { id: rest.id });
    expect(res.errors).toBeUndefined();
    const a = res.data.article;
    expect(a).toMatchObject({
      id: rest.id,
      workspaceId: rest.workspace_id,
      title: rest.title,
      description: rest.description,
      body: rest.body,
      authorId: String(rest.author_id),
      state: "PUBLISHED",
      createdAt: new Date(rest.created_at * 1000).toISOString(),
      updatedAt: new Date(rest.updated_at * 1000).toISOString(),
      url: rest.url,
      parentId: String(rest.parent_id),
      parentIds: rest.parent_ids.map(String),
      parentType: rest.parent_type!.toUpperCase(),
      defaultLocale: "en",
      statistics: {
        views: rest.statistics.views,
        conversions: rest.statistics.conversions,
        reactions: rest.statistics.reactions,
        happyReactionPercentage: rest.statistics.happy_reaction_percentage,
      },
    });
    const locales = Object.keys(rest.translated_content!).filter((k) => k !== "type");
    expect(a.translatedContent.map((c: any) => c.locale)).toEqual(locales);
    const fr = a.translatedContent.find((c: any) => c.locale === "fr");
    expect(fr.title).toBe((rest.translated_content!.fr as any).title);
    expect(calls()).toEqual([`GET /articles/${rest.id}`]);
  });

  it("article(id) of an unknown id is null with NOT_FOUND", async () => {
    const res = await stack.query(`{ article(id: "1") { id } }`);
    expect(res.data).toEqual({ article: null });
    expect(res.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("articles pages through every article with page-number cursors, one call per page", async () => {
    const pages = await walkPages(async (after) => {
      const res: any = await stack.query(
        `query ($after: String) { articles(first: 25, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.articles.totalCount).toBe(ws().articles.length);
      return res.data.articles;
    }, 10);
    const seen = pages.flatMap((page) => page.nodes.map((n: any) => n.id));
    expect(seen).toEqual(ws().articles.map((a) => a.id));
    expect(calls()).toHaveLength(pages.length);
    expect(stack.upstream().every((r) => r.path === "/articles")).toBe(true);
  });

  it("rejects a cursor the graph did not make", async () => {
    const res = await stack.query(`{ articles(after: "nonsense") { nodes { id } } }`);
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(calls()).toHaveLength(0);
  });
});

describe("searchArticles", () => {
  const SEARCH = `query ($phrase: String, $state: ArticleSearchState, $helpCenterId: ID, $highlight: Boolean) {
    searchArticles(phrase: $phrase, state: $state, helpCenterId: $helpCenterId, highlight: $highlight) {
      totalCount
      articles { totalCount nodes { id title state } }
      highlights(first: 50) { nodes { articleId article { id title } highlightedTitle { type text } highlightedSummary { type text } } }
    }
  }`;

  it("finds articles by phrase and highlights the matches, costing one call", async () => {
    const res = await stack.query(SEARCH, { phrase: "slack", highlight: true });
    expect(res.errors).toBeUndefined();
    const result = res.data.searchArticles;
    const expected = ws().articles.filter((a) => /\bslack\b/i.test(`${a.title} ${a.description} ${a.body}`));
    expect(result.totalCount).toBe(expected.length);
    expect(result.articles.nodes.map((n: any) => n.id).sort()).toEqual(expected.map((a) => a.id).sort());
    expect(result.highlights.nodes).toHaveLength(expected.length);
    const first = result.highlights.nodes[0];
    expect(first.article.id).toBe(first.articleId);
    expect(first.highlightedTitle).toContainEqual({ type: "HIGHLIGHT", text: "Slack" });
    expect(first.highlightedSummary.length).toBeGreaterThan(0);
    expect(stack.upstream()).toHaveLength(1);
    expect(stack.upstream()[0]!.query).toEqual({ phrase: "slack", highlight: "true" });
  });

  it("passes state and help center through and filters on them", async () => {
    const hc = ws().helpCenters[1]!;
    const res = await stack.query(SEARCH, { state: "DRAFT", helpCenterId: hc.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.searchArticles.articles.nodes.every((n: any) => n.state === "DRAFT")).toBe(true);
    expect(res.data.searchArticles.highlights.nodes).toEqual([]);
    expect(stack.upstream()[0]!.query).toEqual({ state: "draft", help_center_id: hc.id });
  });

  it("rejects a help center id that is not numeric before any call", async () => {
    const res = await stack.query(SEARCH, { phrase: "x", helpCenterId: "abc" });
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(calls()).toHaveLength(0);
  });
});
