import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Depth, aliases, root fields and estimated upstream cost are checked before any upstream call. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ gateway: { queryLimits: { maxDepth: 6, maxAliases: 3, maxRootFields: 4, maxCost: 60 } } });
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

async function rejected(query: string, limit: string, value: number) {
  const res = await stack.query(query);
  expect(res.status).toBe(400);
  expect(res.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit, value });
  expect(res.errors![0]!.message).toContain(String(value));
  expect(stack.upstream()).toHaveLength(0);
}

describe("query limits", () => {
  it("rejects a query deeper than the maximum, saying how deep it is", async () => {
    await rejected(
      `{ conversations(first: 1) { nodes { adminAssignee { teams { admins { teams { name } } } } } } }`,
      "depth",
      7,
    );
  });

  it("rejects too many aliases", async () => {
    await rejected(`{ a: admins { id } b: admins { id } c: teams { id } d: teams { id } }`, "aliases", 4);
  });

  it("rejects too many root fields", async () => {
    await rejected(`{ admins { id } teams { id } me { id } tags { nodes { id } } segments { nodes { id } } }`, "root fields", 5);
  });

  it("estimates upstream cost: a list of N parents with an unbatchable child counts N", async () => {
    // 1 list + 100 GET /conversations/{id} for the parts: 101.
    await rejected(`{ conversations(first: 100) { nodes { conversationParts { totalCount } } } }`, "estimated cost (upstream requests)", 101);
    // Batched links cost one call however many parents: this passes and really costs 4.
    const ok = await stack.query(`{ conversations(first: 100) { nodes { adminAssignee { name } teamAssignee { name } contacts { email } } } }`);
    expect(ok.errors).toBeUndefined();
    expect(stack.upstream().length).toBeLessThanOrEqual(4);
  });

  it("measures a repeated document again for other variables: the same query passes with few items and is refused with many", async () => {
    const query = `query Parts($first: Int) { conversations(first: $first) { nodes { conversationParts { totalCount } } } }`;
    for (const first of [10, 10]) expect((await stack.query(query, { first })).errors).toBeUndefined();
    stack.resetUpstream();
    const res = await stack.query(query, { first: 100 });
    expect(res.status).toBe(400);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "estimated cost (upstream requests)", value: 101 });
    expect(stack.upstream()).toHaveLength(0);
    // Variables too long to keep the cost under are measured every time.
    const long = await stack.query(query, { first: 100, padding: "x".repeat(300) });
    expect(long.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", value: 101 });
  });

  it("lets a normal inbox query and introspection through", async () => {
    const inbox = await stack.query(`{ conversations(first: 20) { nodes { id adminAssignee { name } source { author { name } } } } }`);
    expect(inbox.errors).toBeUndefined();
    const introspection = await stack.query(`{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`);
    expect(introspection.errors).toBeUndefined();
  });
});
