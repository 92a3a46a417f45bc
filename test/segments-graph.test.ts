import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** The segments reads of the graph. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;

describe("segments", () => {
  it("lists every segment with all its properties, counts only when asked", async () => {
    const plain = await stack.query(`{ segments { totalCount nodes { id name createdAt updatedAt personType count } } }`);
    expect(plain.errors).toBeUndefined();
    expect(plain.data.segments.totalCount).toBe(ws().segments.length);
    const first = ws().segments[0]!;
    expect(plain.data.segments.nodes[0]).toEqual({
      id: first.id,
      name: first.name,
      createdAt: new Date(first.created_at * 1000).toISOString(),
      updatedAt: new Date(first.updated_at * 1000).toISOString(),
      personType: first.person_type.toUpperCase(),
      count: null,
    });
    expect(stack.upstream().map((r) => r.query)).toEqual([{}]);

    const counted = await stack.query(`{ segments(includeCount: true) { nodes { name count } } }`);
    expect(counted.data.segments.nodes).toContainEqual({ name: "All leads", count: ws().contacts.filter((c) => c.role === "lead").length });
    expect(stack.upstream()[1]!.query).toEqual({ include_count: "true" });
  });

  it("pages the whole list without further calls", async () => {
    const q = `query ($after: String) { segments(first: 4, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const first = await stack.query(q);
    const second = await stack.query(q, { after: first.data.segments.pageInfo.endCursor });
    expect([...first.data.segments.nodes, ...second.data.segments.nodes].map((n: any) => n.id)).toEqual(ws().segments.slice(0, 8).map((s) => s.id));
  });

  it("segment(id) reads one segment; an unknown id is NOT_FOUND", async () => {
    const segment = ws().segments[3]!;
    const res = await stack.query(`query ($id: ID!) { segment(id: $id) { id name } }`, { id: segment.id });
    expect(res.data.segment).toEqual({ id: segment.id, name: segment.name });
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /segments/${segment.id}`]);
    const missing = await stack.query(`{ segment(id: "nope") { id } }`);
    expect(missing.data.segment).toBeNull();
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("contactSegments follows the segment rules (an unknown contact is NOT_FOUND)", async () => {
    const vip = ws().tags.find((t) => t.name === "VIP")!;
    const contact = ws().contacts.find((c) => c.tags.data.some((t) => t.id === vip.id))!;
    const res = await stack.query(`query ($id: ID!) { contactSegments(contactId: $id) { nodes { name } } }`, { id: contact.id });
    expect(res.data.contactSegments.nodes).toContainEqual({ name: "VIP customers" });
    const missing = await stack.query(`{ contactSegments(contactId: "000000000000000000000000") { nodes { id } } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
