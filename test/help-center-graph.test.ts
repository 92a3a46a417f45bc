import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Help centers and collections through the graph: reads, paging and writes. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

const COLLECTION_FIELDS = `id workspaceId name description createdAt updatedAt url icon order defaultLocale
  translatedContent { locale name description } parentId helpCenterId`;
const HELP_CENTER_FIELDS = `id workspaceId createdAt updatedAt identifier websiteTurnedOn displayName url customDomain`;

describe("help centers", () => {
  it("helpCenters lists both help centers with every field", async () => {
    const res = await stack.query(`{ helpCenters { nodes { ${HELP_CENTER_FIELDS} } pageInfo { hasNextPage } } }`);
    expect(res.errors).toBeUndefined();
    const rest = ws().helpCenters;
    expect(res.data.helpCenters.nodes).toEqual(
      rest.map((h) => ({
        id: h.id,
        workspaceId: h.workspace_id,
        createdAt: new Date(h.created_at * 1000).toISOString(),
        updatedAt: new Date(h.updated_at * 1000).toISOString(),
        identifier: h.identifier,
        websiteTurnedOn: h.website_turned_on,
        displayName: h.display_name,
        url: h.url,
        customDomain: h.custom_domain,
      })),
    );
    expect(res.data.helpCenters.pageInfo.hasNextPage).toBe(false);
    expect(calls()).toEqual(["GET /help_center/help_centers"]);
  });

  it("helpCenter(id) retrieves one with a direct GET; unknown → NOT_FOUND", async () => {
    const hc = ws().helpCenters[1]!;
    const res = await stack.query(`query ($id: ID!) { helpCenter(id: $id) { id displayName customDomain } }`, { id: hc.id });
    expect(res.data.helpCenter).toEqual({ id: hc.id, displayName: hc.display_name, customDomain: null });
    expect(calls()).toEqual([`GET /help_center/help_centers/${hc.id}`]);
    const missing = await stack.query(`{ helpCenter(id: "9") { id } }`);
    expect(missing.data.helpCenter).toBeNull();
    expect(missing.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("collections", () => {
  it("collection(id) maps every field, including translations", async () => {
    const rest = ws().collections.find((c) => c.translated_content !== null && c.parent_id !== null)!;
    const res = await stack.query(`query ($id: ID!) { collection(id: $id) { ${COLLECTION_FIELDS} } }`, { id: rest.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.collection).toMatchObject({
      id: rest.id,
      workspaceId: rest.workspace_id,
      name: rest.name,
      description: rest.description,
      url: rest.url,
      icon: rest.icon,
      order: rest.order,
      defaultLocale: "en",
      parentId: rest.parent_id,
      helpCenterId: String(rest.help_center_id),
    });
    expect(res.data.collection.translatedContent[0]).toEqual({ locale: "en", name: rest.name, description: rest.description });
    expect(calls()).toEqual([`GET /help_center/collections/${rest.id}`]);
  });

  it("collections pages with page-number cursors", async () => {
    const first = await stack.query(`{ collections(first: 5) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`);
    expect(first.errors).toBeUndefined();
    expect(first.data.collections.totalCount).toBe(ws().collections.length);
    const rest = await stack.query(`query ($after: String) { collections(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage } } }`, {
      after: first.data.collections.pageInfo.endCursor,
    });
    const ids = [...first.data.collections.nodes, ...rest.data.collections.nodes].map((n: any) => n.id);
    expect(ids).toEqual(ws().collections.map((c) => c.id));
    expect(rest.data.collections.pageInfo.hasNextPage).toBe(false);
  });
});

describe("collection writes", () => {
  const FIELDS = `id name description parentId parent { id name } helpCenterId helpCenter { id identifier } translatedContent { locale name description }`;

  it("createCollection creates a section under a parent, in the parent's help center", async () => {
    const parent = ws().collections.find((c) => c.parent_id === null && c.help_center_id === Number(ws().helpCenters[1]!.id))!;
    const res = await stack.query(`mutation ($input: CreateCollectionInput!) { createCollection(input: $input) { ${FIELDS} } }`, {
      input: { name: "GraphQL API", description: "Our new graph", parentId: parent.id, translatedContent: [{ locale: "FR", name: "API GraphQL" }] },
    });
    expect(res.errors).toBeUndefined();
    const created = res.data.createCollection;
    expect(created).toMatchObject({
      name: "GraphQL API",
      description: "Our new graph",
      parentId: parent.id,
      parent: { id: parent.id, name: parent.name },
      helpCenterId: String(parent.help_center_id),
      helpCenter: { id: String(parent.help_center_id) },
    });
    expect(created.translatedContent).toContainEqual({ locale: "fr", name: "API GraphQL", description: "" });
    expect(stack.upstream().find((r) => r.method === "POST")!.body).toEqual({
      name: "GraphQL API",
      description: "Our new graph",
      parent_id: parent.id,
      translated_content: { type: "group_translated_content", fr: { type: "group_content", name: "API GraphQL", description: "" } },
    });
    const read = await stack.query(`query ($id: ID!) { collection(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.data.collection).toEqual(created);
    const listed = await stack.query(`{ collections(first: 150) { nodes { id } } }`);
    expect(listed.data.collections.nodes.map((n: any) => n.id)).toContain(created.id);
  });

  it("createCollection without a parent goes to the help center given", async () => {
    const hc = ws().helpCenters[1]!;
    const res = await stack.query(`mutation ($hc: ID!) { createCollection(input: { name: "Changelog", helpCenterId: $hc }) { id parentId helpCenterId } }`, { hc: hc.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.createCollection).toMatchObject({ parentId: null, helpCenterId: hc.id });
    expect(stack.upstream()[0]!.body).toEqual({ name: "Changelog", help_center_id: Number(hc.id) });
  });

  it("updateCollection renames and moves to the first level with an explicit null parent", async () => {
    const section = ws().collections.find((c) => c.parent_id !== null)!;
    const res = await stack.query(
      `mutation ($id: ID!) {
        updateCollection(id: $id, input: { name: "Moved section", parentId: null }) { id name parentId parent { id } }
      }`,
      { id: section.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateCollection).toEqual({ id: section.id, name: "Moved section", parentId: null, parent: null });
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /help_center/collections/${section.id}`]);
    expect(stack.upstream()[0]!.body).toEqual({ name: "Moved section", parent_id: null });
  });

  it("deleteCollection deletes it and its sections; its articles lose that parent", async () => {
    const top = ws().collections.find((c) => c.parent_id === null && ws().collections.some((s) => s.parent_id === c.id))!;
    const section = ws().collections.find((s) => s.parent_id === top.id)!;
    const article = ws().articles.find((a) => a.parent_id === Number(section.id) && a.parent_ids.length === 1)!;
    const res = await stack.query(`mutation ($id: ID!) { deleteCollection(id: $id) { id object deleted } }`, { id: top.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteCollection).toEqual({ id: top.id, object: "collection", deleted: true });
    for (const id of [top.id, section.id]) {
      const read = await stack.query(`query ($id: ID!) { collection(id: $id) { id } }`, { id });
      expect(read.data.collection).toBeNull();
      expect(read.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    }
    const orphan = await stack.query(`query ($id: ID!) { article(id: $id) { parentId parent { id } } }`, { id: article.id });
    expect(orphan.data.article).toEqual({ parentId: null, parent: null });
  });

  it("validation errors: missing name upstream, unknown parent, unknown collection", async () => {
    const blank = await stack.query(`mutation { createCollection(input: { name: "" }) { id } }`);
    expect(blank.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(blank.errors![0]!.extensions!.intercom.errors[0].code).toBe("parameter_not_found");
    const orphan = await stack.query(`mutation { createCollection(input: { name: "Orphan", parentId: "1" }) { id } }`);
    expect(orphan.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const unknown = await stack.query(`mutation { updateCollection(id: "1", input: { name: "x" }) { id } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const gone = await stack.query(`mutation { deleteCollection(id: "1") { id } }`);
    expect(gone.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    stack.resetUpstream();
    const badHc = await stack.query(`mutation { createCollection(input: { name: "x", helpCenterId: "main" }) { id } }`);
    expect(badHc.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });
});
