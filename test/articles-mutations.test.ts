import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Each article write returns the changed article, and the next read sees it. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const FIELDS = `id title description body authorId author { id name } state url parentId parentType parent { id name }
  translatedContent { locale title state authorId author { id } }`;

async function readBack(id: string) {
  const res = await stack.query(`query ($id: ID!) { article(id: $id) { ${FIELDS} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data.article;
}

const CREATE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input) { ${FIELDS} } }`;

describe("article writes", () => {
  it("createArticle sends the document's body and returns the new article with its links", async () => {
    const author = ws().admins[2]!;
    const translator = ws().admins[3]!;
    const section = ws().collections.find((c) => c.parent_id !== null)!;
    const res = await stack.query(CREATE, {
      input: {
        title: "Export invoices to your accounting tool",
        authorId: author.id,
        description: "A short guide",
        body: "<p>Open Billing.</p>",
        state: "PUBLISHED",
        parentId: section.id,
        parentType: "SECTION",
        translatedContent: [{ locale: "FR", title: "Exporter les factures", authorId: translator.id, state: "DRAFT" }],
      },
    });
    expect(res.errors).toBeUndefined();
    const created = res.data.createArticle;
    expect(created).toMatchObject({
      title: "Export invoices to your accounting tool",
      description: "A short guide",
      body: "<p>Open Billing.</p>",
      authorId: author.id,
      author: { id: author.id, name: author.name },
      state: "PUBLISHED",
      parentId: section.id,
      parentType: "SECTION",
      parent: { id: section.id, name: section.name },
    });
    expect(created.url).toContain(`/articles/${created.id}-`);
    expect(created.translatedContent).toContainEqual({ locale: "fr", title: "Exporter les factures", state: "DRAFT", authorId: translator.id, author: { id: translator.id } });

    const post = stack.upstream().find((r) => r.method === "POST")!;
    expect(post.path).toBe("/articles");
    expect(post.body).toEqual({
      title: "Export invoices to your accounting tool",
      description: "A short guide",
      body: "<p>Open Billing.</p>",
      author_id: Number(author.id),
      state: "published",
      parent_id: Number(section.id),
      parent_type: "section",
      translated_content: {
        type: "article_translated_content",
        // article_content requires description and body too: the translation gave none, so they are empty.
        fr: { type: "article_content", title: "Exporter les factures", description: "", body: "", author_id: Number(translator.id), state: "draft" },
      },
    });

    expect(await readBack(created.id)).toEqual(created);
    const listed = await stack.query(`{ searchArticles(phrase: "accounting tool") { articles { nodes { id } } } }`);
    expect(listed.data.searchArticles.articles.nodes).toEqual([{ id: created.id }]);
  });

  it("updateArticle changes only the given fields", async () => {
    const article = ws().articles.find((a) => a.state === "published" && a.translated_content === null)!;
    const before = await readBack(article.id);
    const newAuthor = ws().admins.find((a) => Number(a.id) !== article.author_id)!;
    stack.resetUpstream();
    const res = await stack.query(
      `mutation ($id: ID!, $input: UpdateArticleInput!) {
        updateArticle(id: $id, input: $input) { id title authorId state }
      }`,
      { id: article.id, input: { title: "Renamed article", authorId: newAuthor.id, state: "DRAFT" } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateArticle).toEqual({ id: article.id, title: "Renamed article", authorId: newAuthor.id, state: "DRAFT" });
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /articles/${article.id}`]);
    expect(stack.upstream()[0]!.body).toEqual({ title: "Renamed article", author_id: Number(newAuthor.id), state: "draft" });
    const after = await readBack(article.id);
    expect(after).toMatchObject({ title: "Renamed article", state: "DRAFT", url: null, body: before.body, parentId: before.parentId });
  });

  it("updateArticle moves an article to another collection and adds a translation", async () => {
    const article = ws().articles.find((a) => a.parent_id === null)!;
    const target = ws().collections.find((c) => c.parent_id === null)!;
    const res = await stack.query(UPDATE, {
      id: article.id,
      input: { parentId: target.id, translatedContent: [{ locale: "DE", title: "Statusseite" }] },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateArticle).toMatchObject({ parentId: target.id, parentType: "COLLECTION", parent: { id: target.id } });
    expect(res.data.updateArticle.translatedContent.map((c: any) => c.locale)).toEqual(["en", "de"]);
    // article_content requires every field: the new locale takes the article's author and state (read first), and empty text.
    expect(stack.upstream().slice(0, 2).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /articles/${article.id}`, `PUT /articles/${article.id}`]);
    expect(stack.upstream().find((r) => r.method === "PUT")!.body).toEqual({
      parent_id: target.id,
      translated_content: {
        type: "article_translated_content",
        de: { type: "article_content", title: "Statusseite", description: "", body: "", author_id: article.author_id, state: article.state },
      },
    });
  });

  it("updateArticle retitling an existing translation keeps the rest of that locale's content (article_content needs all of it)", async () => {
    const article = ws().articles.find((a) => a.translated_content && Object.keys(a.translated_content).some((k) => k !== "type"))!;
    const [locale, content] = Object.entries(article.translated_content!).find(([k]) => k !== "type") as [string, any];
    const graphLocale = locale.toUpperCase().replace("-", "_");
    const res = await stack.query(UPDATE, { id: article.id, input: { translatedContent: [{ locale: graphLocale, title: "Only the title" }] } });
    expect(res.errors).toBeUndefined();
    expect(stack.upstream().find((r) => r.method === "PUT")!.body).toEqual({
      translated_content: {
        type: "article_translated_content",
        [locale]: { type: "article_content", title: "Only the title", description: content.description, body: content.body, author_id: content.author_id, state: content.state },
      },
    });
    const after = (await readBack(article.id)).translatedContent.find((c: any) => c.locale === locale);
    expect(after).toMatchObject({ title: "Only the title", state: content.state.toUpperCase(), authorId: String(content.author_id) });
  });

  it("deleteArticle returns DeletedArticle; later reads and deletes answer NOT_FOUND", async () => {
    const article = ws().articles.at(-1)!;
    const res = await stack.query(
      `mutation ($id: ID!) { deleteArticle(id: $id) { id object deleted } }`,
      { id: article.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteArticle).toEqual({ id: article.id, object: "article", deleted: true });
    const read = await stack.query(`query ($id: ID!) { article(id: $id) { id } }`, { id: article.id });
    expect(read.data.article).toBeNull();
    expect(read.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const again = await stack.query(`mutation ($id: ID!) { deleteArticle(id: $id) { id } }`, { id: article.id });
    expect(again.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("validation: unknown author → BAD_USER_INPUT with Intercom's code; non-numeric ids rejected before any call", async () => {
    const unknown = await stack.query(CREATE, { input: { title: "Ghost written", authorId: "42" } });
    expect(unknown.data.createArticle).toBeNull();
    expect(unknown.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(unknown.errors![0]!.extensions!.intercom.errors[0].code).toBe("parameter_invalid");

    const blank = await stack.query(CREATE, { input: { title: "", authorId: ws().admins[0]!.id } });
    expect(blank.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(blank.errors![0]!.extensions!.intercom.errors[0].code).toBe("parameter_not_found");

    stack.resetUpstream();
    const badId = await stack.query(CREATE, { input: { title: "x", authorId: "ava" } });
    expect(badId.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const missing = await stack.query(`mutation { createArticle(input: { title: "No author" }) { id } }`);
    expect(missing.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(stack.upstream()).toHaveLength(0);

    const nowhere = await stack.query(UPDATE, { id: "1", input: { title: "x" } });
    expect(nowhere.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
