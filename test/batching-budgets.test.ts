import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/**
 * Upstream-call budgets of the loader catalogue, proved by counting the
 * requests the sandbox served for each GraphQL query.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const INBOX = /* GraphQL */ `
  query Inbox($first: Int) {
    conversations(first: $first) {
      nodes {
        id
        adminAssigneeId
        adminAssignee { id name }
        teamAssigneeId
        teamAssignee { id name }
        contactIds
        contacts { id name email }
        source {
          authorType
          authorId
          author { __typename id name email }
        }
      }
    }
  }
`;

const calls = (stack: Stack) => stack.upstream().map((r) => `${r.method} ${r.path}`);

describe("inbox of conversations with assignees, contacts and source authors", () => {
  it("20 conversations cost at most 4 upstream requests: the list, admins, teams, one contact search", async () => {
    const res = await stack.query(INBOX, { first: 20 });
    expect(res.errors).toBeUndefined();
    const nodes = res.data.conversations.nodes;
    expect(nodes).toHaveLength(20);
    // The links really resolved.
    expect(nodes.some((c: any) => c.adminAssignee?.name)).toBe(true);
    expect(nodes.some((c: any) => c.teamAssignee?.name)).toBe(true);
    expect(nodes.every((c: any) => c.contacts.length === c.contactIds.length)).toBe(true);

    const made = calls(stack);
    expect(made.length).toBeLessThanOrEqual(4);
    expect(made.filter((c) => c === "GET /conversations")).toHaveLength(1);
    expect(made.filter((c) => c === "GET /admins")).toHaveLength(1);
    expect(made.filter((c) => c === "POST /contacts/search")).toHaveLength(1);
    expect(made.filter((c) => c.startsWith("GET /contacts/"))).toHaveLength(0);
  });

  it("150 conversations cost exactly 3 + ceil(distinct contacts / 150) requests", async () => {
    const res = await stack.query(INBOX, { first: 150 });
    expect(res.errors).toBeUndefined();
    const nodes = res.data.conversations.nodes;
    expect(nodes).toHaveLength(150);

    const contactIds = new Set<string>();
    for (const c of nodes) {
      c.contactIds.forEach((id: string) => contactIds.add(id));
      if (c.source.author.__typename === "Contact") contactIds.add(c.source.authorId);
    }
    const usesTeams = nodes.some((c: any) => c.teamAssigneeId !== null || c.source.author.__typename === "Team");
    const usesAdmins = nodes.some((c: any) => c.adminAssigneeId !== null || c.source.author.__typename === "Admin");
    expect(usesTeams && usesAdmins).toBe(true);
    const minimum = 3 + Math.ceil(contactIds.size / 150);

    expect(calls(stack)).toHaveLength(minimum);
    // Every contact id went through the search, none through a direct GET.
    const searched = stack
      .upstream()
      .filter((r) => r.path === "/contacts/search")
      .flatMap((r) => (r.body as any).query.value as string[]);
    expect(new Set(searched)).toEqual(contactIds);
    expect(searched).toHaveLength(contactIds.size);
  });
});

describe("one conversation with all its parts and their authors", () => {
  const QUERY = /* GraphQL */ `
    query ($id: ID!) {
      conversation(id: $id) {
        id
        conversationParts {
          totalCount
          nodes {
            id
            authorType
            authorId
            author { __typename id name email }
            assignedTo { __typename ... on Admin { name } ... on Team { name } }
          }
        }
      }
    }
  `;

  it("costs 1 call plus one per kind of author present (admins list, teams list, one contact search): at most 4", async () => {
    // The seeded conversation with the most parts and the most kinds of author.
    const kindsOf = (c: (typeof stack.sandbox.workspace.conversations)[number]) =>
      new Set(c.conversation_parts.conversation_parts.map((p) => p.author.type));
    const target = [...stack.sandbox.workspace.conversations].sort(
      (a, b) => kindsOf(b).size - kindsOf(a).size || b.conversation_parts.total_count - a.conversation_parts.total_count,
    )[0]!;

    const res = await stack.query(QUERY, { id: target.id });
    expect(res.errors).toBeUndefined();
    const parts = res.data.conversation.conversationParts.nodes;
    expect(parts.length).toBe(target.conversation_parts.conversation_parts.length);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(part.author).not.toBeNull();

    const kinds = new Set<string>();
    for (const part of parts) {
      kinds.add(part.author.__typename);
      if (part.assignedTo) kinds.add(part.assignedTo.__typename);
    }
    const expected =
      1 + (kinds.has("Admin") ? 1 : 0) + (kinds.has("Team") ? 1 : 0) + (kinds.has("Contact") ? 1 : 0);
    expect(kinds.size).toBeGreaterThanOrEqual(2);
    expect(calls(stack)).toHaveLength(expected);
    expect(expected).toBeLessThanOrEqual(4);
  });

  it("asking for the same conversation twice in one query costs one GET", async () => {
    const res = await stack.query(
      `query ($id: ID!) { a: conversation(id: $id) { id } b: conversation(id: $id) { id title } }`,
      { id: stack.sandbox.workspace.conversations[0]!.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.a.id).toBe(res.data.b.id);
    expect(calls(stack)).toEqual([`GET /conversations/${res.data.a.id}`]);
  });

  it("admins and teams come from one list call each, however many links ask", async () => {
    const res = await stack.query(`{ admins { id teams { id name admins { id name } } } teams { id admins { name } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.admins.length).toBeGreaterThanOrEqual(8);
    expect(calls(stack).sort()).toEqual(["GET /admins", "GET /teams"]);
  });
});

describe("every upstream request", () => {
  it("sends the configured Intercom-Version header", async () => {
    await stack.query(`{ me { id } admins { id } conversations(first: 5) { nodes { contacts { id } teamAssignee { id } } } }`);
    expect(stack.upstream().length).toBeGreaterThanOrEqual(4);
    expect(new Set(stack.upstream().map((r) => r.intercomVersion))).toEqual(new Set(["2.11"]));

    const other = await startStack({ gateway: { intercomVersion: "2.12" } });
    try {
      await other.query(`{ admins { id } }`);
      expect(other.upstream().map((r) => r.intercomVersion)).toEqual(["2.12"]);
    } finally {
      await other.close();
    }
  });
});

describe("contacts the search index has not caught up with", () => {
  it("are fetched by id after the batched search misses them: one search plus one GET per miss", async () => {
    const lagging = await startStack({ sandbox: { searchIndexLagMs: 60_000 } });
    try {
      const conversations = lagging.sandbox.workspace.conversations.slice(0, 10);
      const contactIds = [...new Set(conversations.flatMap((c) => c.contacts.contacts.map((x) => x.id)))];
      const fresh = contactIds.slice(0, 2);
      for (const id of fresh) lagging.sandbox.workspace.lastWriteAt.contacts.set(id, Date.now());
      lagging.resetUpstream();

      const ids = conversations.map((c) => c.id);
      const res = await lagging.query(
        `query ($ids: [String!]!) { searchConversations(query: { field: ID, operator: IN, value: { strings: $ids } }, first: 10) { nodes { contactIds contacts { id name } } } }`,
        { ids },
      );
      expect(res.errors).toBeUndefined();
      for (const node of res.data.searchConversations.nodes) {
        expect(node.contacts.map((c: any) => c.id)).toEqual(node.contactIds);
      }
      const calls = lagging.upstream().map((r) => `${r.method} ${r.path}`);
      expect(calls.filter((c) => c === "POST /contacts/search")).toHaveLength(1);
      expect(calls.filter((c) => c.startsWith("GET /contacts/")).sort()).toEqual(fresh.map((id) => `GET /contacts/${id}`).sort());
    } finally {
      await lagging.close();
    }
  });
});
