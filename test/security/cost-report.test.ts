import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inMemoryStore, ResponseCache } from "../../src/datasources/cache.js";
import { startStack, type Stack } from "../support/stack.js";

/** `X-Query-Cost: 1` asks for the estimate and the real upstream cost in the response's extensions. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ gateway: { queryLimits: { maxDepth: 15, maxAliases: 50, maxRootFields: 50, maxCost: 200 }, cache: new ResponseCache({ store: inMemoryStore(), defaultTtlSeconds: 60 }) } });
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

async function post(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as any };
}

const INBOX = `{ conversations(first: 20) { nodes { id adminAssignee { name } teamAssignee { name } contacts { email } conversationParts { totalCount } } } }`;

describe("the cost report", () => {
  it("says what the operation was estimated to cost and what it cost in upstream calls", async () => {
    const { body } = await post(INBOX, { "x-query-cost": "1" });
    expect(body.errors).toBeUndefined();
    const calls = stack.upstream().length;
    expect(calls).toBeGreaterThan(20); // a GET per conversation for its parts, plus the batches
    expect(body.extensions.cost).toEqual({ estimated: expect.any(Number), upstreamCalls: calls, limit: 200 });
    expect(body.extensions.cost.estimated).toBeGreaterThanOrEqual(calls);
  });

  it("counts cached reads as free", async () => {
    await post(`{ admins { id } }`);
    stack.resetUpstream();
    const { body } = await post(`{ admins { id } }`, { "x-query-cost": "true" });
    expect(stack.upstream()).toHaveLength(0);
    expect(body.extensions.cost).toMatchObject({ estimated: 1, upstreamCalls: 0 });
  });

  it("reports a refused operation's estimate, having cost nothing", async () => {
    const { status, body } = await post(`{ a: conversations(first: 150) { nodes { conversationParts { totalCount } } } b: conversations(first: 150) { nodes { conversationParts { totalCount } } } }`, { "x-query-cost": "1" });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(body.extensions.cost).toMatchObject({ upstreamCalls: 0, limit: 200 });
    expect(stack.upstream()).toHaveLength(0);
  });

  it("is left out unless asked for", async () => {
    const { body } = await post(`{ admins { id } }`);
    expect(body.extensions?.cost).toBeUndefined();
    const declined = await post(`{ admins { id } }`, { "x-query-cost": "0" });
    expect(declined.body.extensions?.cost).toBeUndefined();
  });
});
