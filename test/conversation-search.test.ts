import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** searchConversations: typed filters, nested groups, limits checked before any upstream call. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const SEARCH = `query ($query: ConversationSearchQuery!, $first: Int, $after: String) {
  searchConversations(query: $query, first: $first, after: $after) {
    totalCount nodes { id state adminAssigneeId source { type } } pageInfo { hasNextPage endCursor }
  }
}`;

describe("searchConversations", () => {
  it("one condition: state = open", async () => {
    const res = await stack.query(SEARCH, { query: { field: "STATE", operator: "EQ", value: { string: "open" } }, first: 150 });
    expect(res.errors).toBeUndefined();
    const expected = stack.sandbox.workspace.conversations.filter((c) => c.state === "open").length;
    expect(res.data.searchConversations.totalCount).toBe(expected);
    expect(res.data.searchConversations.nodes.every((n: any) => n.state === "OPEN")).toBe(true);
    expect(stack.upstream()[0]!.body).toMatchObject({ query: { field: "state", operator: "=", value: "open" } });
  });

  it("nested AND/OR groups with typed values", async () => {
    const ws = stack.sandbox.workspace;
    const admin = ws.admins.find((a) => ws.conversations.some((c) => String(c.admin_assignee_id) === a.id))!;
    const since = new Date(1000 * Math.min(...ws.conversations.map((c) => c.created_at)) + 86_400_000 * 10);
    const query = {
      and: [
        { or: [
          { field: "SOURCE_TYPE", operator: "EQ", value: { string: "email" } },
          { field: "SOURCE_TYPE", operator: "EQ", value: { string: "conversation" } },
        ] },
        { field: "ADMIN_ASSIGNEE_ID", operator: "IN", value: { ints: [Number(admin.id)] } },
        { field: "CREATED_AT", operator: "GT", value: { dateTime: since.toISOString() } },
      ],
    };
    const expected = ws.conversations.filter(
      (c) =>
        ["email", "conversation"].includes(c.source.type) &&
        String(c.admin_assignee_id) === admin.id &&
        c.created_at > since.getTime() / 1000,
    );
    expect(expected.length).toBeGreaterThan(0);
    const res = await stack.query(SEARCH, { query, first: 150 });
    expect(res.errors).toBeUndefined();
    expect(res.data.searchConversations.nodes.map((n: any) => n.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(stack.upstream()[0]!.body).toMatchObject({
      query: {
        operator: "AND",
        value: [
          { operator: "OR", value: [{ field: "source.type", operator: "=", value: "email" }, expect.anything()] },
          { field: "admin_assignee_id", operator: "IN", value: [Number(admin.id)] },
          { field: "created_at", operator: ">", value: Math.floor(since.getTime() / 1000) },
        ],
      },
    });
  });

  it("pages through search results with the upstream cursor", async () => {
    const query = { field: "OPEN", operator: "EQ", value: { boolean: true } };
    const first = await stack.query(SEARCH, { query, first: 10 });
    expect(first.data.searchConversations.pageInfo.hasNextPage).toBe(true);
    const second = await stack.query(SEARCH, { query, first: 10, after: first.data.searchConversations.pageInfo.endCursor });
    const ids = [...first.data.searchConversations.nodes, ...second.data.searchConversations.nodes].map((n: any) => n.id);
    expect(new Set(ids).size).toBe(20);
  });

  it.each([
    ["three levels of groups", { and: [{ or: [{ and: [{ field: "OPEN", operator: "EQ", value: { boolean: true } }] }] }] }],
    ["16 filters in one group", { or: Array.from({ length: 16 }, (_, i) => ({ field: "ID", operator: "EQ", value: { string: String(i) } })) }],
    ["a condition and a group at once", { field: "OPEN", operator: "EQ", value: { boolean: true }, and: [{ field: "READ", operator: "EQ", value: { boolean: true } }] }],
    ["IN with a single value", { field: "ID", operator: "IN", value: { string: "1" } }],
    ["IN on a date field", { field: "CREATED_AT", operator: "IN", value: { ints: [1] } }],
    ["two value members", { field: "ID", operator: "EQ", value: { string: "1", int: 1 } }],
    ["> on a string", { field: "STATE", operator: "GT", value: { string: "open" } }],
  ])("rejects %s with BAD_USER_INPUT and no upstream call", async (_name, query) => {
    const res = await stack.query(SEARCH, { query });
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });
});
