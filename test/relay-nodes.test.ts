import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENTITIES } from "../src/schema/federation.js";
import { startStack, type Stack } from "./support/stack.js";

/**
 * Relay's Global Object Identification: every keyed type implements Node with a `nodeId` unique
 * across types, and `node`/`nodes` load through the same loaders as federation references and
 * links — the same objects, at the same upstream cost.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

/** Each node type's records in the sandbox. */
const RECORDS: Record<string, string> = {
  Admin: "admins",
  Team: "teams",
  Contact: "contacts",
  Conversation: "conversations",
  Company: "companies",
  Ticket: "tickets",
  TicketType: "ticketTypes",
  Tag: "tags",
  Segment: "segments",
  Article: "articles",
  Collection: "collections",
  HelpCenter: "helpCenters",
  Note: "notes",
  NewsItem: "newsItems",
  Newsfeed: "newsfeeds",
  SubscriptionType: "subscriptionTypes",
};

function idsOf(typename: string, n: number): string[] {
  const records = (stack.sandbox.workspace as unknown as Record<string, Array<{ id: string | number }>>)[RECORDS[typename]!]!;
  return records.slice(0, n).map((r) => String(r.id));
}

const NODE_IDS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Node { nodeId } } }`;

async function nodeIdsFor(typename: string, ids: string[]): Promise<string[]> {
  const res = await stack.query(NODE_IDS, { r: ids.map((id) => ({ __typename: typename, id })) });
  expect(res.errors, typename).toBeUndefined();
  return res.data._entities.map((e: { nodeId: string }) => e.nodeId);
}

describe("Node", () => {
  it("covers exactly the keyed (federation entity) types", () => {
    expect(Object.keys(RECORDS).sort()).toEqual(Object.keys(ENTITIES).sort());
  });

  it("every node type: node(id:) returns the object the entity reference returns, by its nodeId", async () => {
    for (const typename of Object.keys(RECORDS)) {
      const [id] = idsOf(typename, 1);
      const [nodeId] = await nodeIdsFor(typename, [id!]);
      const res = await stack.query(`query ($id: ID!) { node(id: $id) { __typename nodeId ... on ${typename} { id } } }`, { id: nodeId });
      expect(res.errors, typename).toBeUndefined();
      expect(res.data.node, typename).toEqual({ __typename: typename, nodeId, id });
    }
  });

  it("every node type: nodes(ids:) costs what the same federation references cost, for up to 50 of them", async () => {
    for (const typename of Object.keys(RECORDS)) {
      const ids = idsOf(typename, 50);
      const nodeIds = await nodeIdsFor(typename, ids);
      stack.resetUpstream();
      const refs = await stack.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`, {
        r: ids.map((id) => ({ __typename: typename, id })),
      });
      const referenceCalls = stack.upstream().length;
      stack.resetUpstream();
      const res = await stack.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on ${typename} { id } } }`, { ids: nodeIds });
      expect(res.errors, typename).toBeUndefined();
      expect(res.data.nodes, typename).toEqual(refs.data._entities);
      expect(stack.upstream().length, typename).toBe(referenceCalls);
    }
  });

  it("50 contacts as nodes cost one search, as 50 links do", async () => {
    const nodeIds = await nodeIdsFor("Contact", idsOf("Contact", 50));
    stack.resetUpstream();
    const res = await stack.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Contact { id email } } }`, { ids: nodeIds });
    expect(res.data.nodes).toHaveLength(50);
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /contacts/search"]);
  });

  it("ids shared by two types in Intercom have distinct nodeIds", async () => {
    const tag = stack.sandbox.workspace.tags[0]!;
    const [tagNode] = await nodeIdsFor("Tag", [String(tag.id)]);
    const [collectionNode] = await nodeIdsFor("Collection", [String(tag.id)]).catch(() => [undefined]);
    expect(tagNode).not.toBe(collectionNode);
    const res = await stack.query(`query ($id: ID!) { node(id: $id) { __typename } }`, { id: tagNode });
    expect(res.data.node.__typename).toBe("Tag");
  });

  it("an id that is not one of this graph's is BAD_USER_INPUT, before any upstream call", async () => {
    for (const id of ["", "nope", "Q29udGFjdA", Buffer.from("Nope:1").toString("base64url"), "x".repeat(500)]) {
      const res = await stack.query(`query ($id: ID!) { node(id: $id) { nodeId } }`, { id });
      expect(res.data?.node ?? null, id).toBeNull();
      expect(res.errors![0]!.extensions!.code, id).toBe("BAD_USER_INPUT");
    }
    expect(stack.upstream()).toHaveLength(0);
    // A well-formed global id whose Intercom id can't be a path segment is refused where paths are made.
    const dots = await stack.query(`query ($id: ID!) { node(id: $id) { nodeId } }`, { id: Buffer.from("Contact:..").toString("base64url") });
    expect(dots.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream().filter((r) => r.method === "GET")).toHaveLength(0);
    const tooMany = await stack.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { nodeId } }`, { ids: Array.from({ length: 151 }, () => "x") });
    expect(tooMany.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("in nodes, a bad or missing id is null with its own error; the others resolve", async () => {
    const [admin] = await nodeIdsFor("Admin", idsOf("Admin", 1));
    const missing = Buffer.from("Contact:000000000000000000000000").toString("base64url");
    const res = await stack.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename nodeId } }`, { ids: [admin, "bogus", missing] });
    expect(res.data.nodes).toEqual([{ __typename: "Admin", nodeId: admin }, null, null]);
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([
      [["nodes", 1], "BAD_USER_INPUT"],
      [["nodes", 2], "NOT_FOUND"],
    ]);
  });

  it("the query limits count nodes' ids per type, as they count federation references", async () => {
    const nodeIds = await nodeIdsFor("Contact", idsOf("Contact", 50));
    const admins = await nodeIdsFor("Admin", idsOf("Admin", 5));
    const res = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-query-cost": "1" },
      body: JSON.stringify({ query: `query ($ids: [ID!]!) { nodes(ids: $ids) { nodeId } }`, variables: { ids: [...nodeIds, ...admins] } }),
    });
    const body = (await res.json()) as any;
    // Contacts: a search page plus a GET for every id it might miss (ids are the client's); admins: one list.
    expect(body.extensions.cost).toMatchObject({ estimated: 1 + 50 + 1, upstreamCalls: 2 });
  });
});
