import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Upstream-call budgets of every link of tickets and ticket types, over 20+ parents each. */
let stack: Stack;
beforeAll(async () => {
  // Search lags behind writes; seeded tickets are indexed, tickets marked as just written are not.
  stack = await startStack({ sandbox: { searchIndexLagMs: 60_000 } });
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const count = (call: string) => calls().filter((c) => c === call).length;
const ws = () => stack.sandbox.workspace;

/** 25 open tickets, newest first (one search). */
function search(selection: string) {
  return stack.query(`{ searchTickets(query: { field: OPEN, operator: EQ, value: { boolean: true } }, first: 25) { nodes { id ${selection} } } }`);
}

describe("Ticket links", () => {
  it("Ticket.adminAssignee and Ticket.teamAssignee for 25 tickets cost 3 calls: the search, GET /admins, GET /teams", async () => {
    const res = await search("adminAssigneeId adminAssignee { id name } teamAssigneeId teamAssignee { id name }");
    expect(res.errors).toBeUndefined();
    const nodes = res.data.searchTickets.nodes;
    expect(nodes).toHaveLength(25);
    expect(nodes.filter((t: any) => t.adminAssigneeId).length).toBeGreaterThan(5);
    expect(nodes.filter((t: any) => t.teamAssigneeId).length).toBeGreaterThan(5);
    for (const t of nodes) {
      expect(t.adminAssignee?.id ?? null).toBe(t.adminAssigneeId);
      expect(t.teamAssignee?.id ?? null).toBe(t.teamAssigneeId);
    }
    expect(calls().sort()).toEqual(["GET /admins", "GET /teams", "POST /tickets/search"]);
  });

  it("Ticket.contacts for 25 tickets costs 2 calls: the search and one contact search with id IN", async () => {
    const res = await search("contactIds contacts { totalCount nodes { id email } }");
    expect(res.errors).toBeUndefined();
    const nodes = res.data.searchTickets.nodes;
    const ids = new Set(nodes.flatMap((t: any) => t.contactIds));
    expect(ids.size).toBeGreaterThan(15);
    for (const t of nodes) expect(t.contacts.nodes.map((c: any) => c.id)).toEqual(t.contactIds);
    expect(calls().sort()).toEqual(["POST /contacts/search", "POST /tickets/search"]);
    const searched = stack.upstream().find((r) => r.path === "/contacts/search")!.body as any;
    expect(new Set(searched.query.value)).toEqual(ids);
  });

  it("Ticket.ticketParts authors for 25 tickets cost 3 calls: the search, GET /admins, one contact search (bots need none)", async () => {
    const res = await search("ticketParts(first: 500) { nodes { authorType authorId author { __typename id name } } }");
    expect(res.errors).toBeUndefined();
    const parts = res.data.searchTickets.nodes.flatMap((t: any) => t.ticketParts.nodes);
    expect(parts.length).toBeGreaterThan(50);
    const types = new Set(parts.map((p: any) => p.author.__typename));
    expect(types).toEqual(new Set(["Admin", "Bot", "Contact"]));
    for (const p of parts) expect(p.author.id).toBe(p.authorId);
    expect(calls().sort()).toEqual(["GET /admins", "POST /contacts/search", "POST /tickets/search"]);
  });

  it("TicketPart.assignedTo for 25 tickets costs 3 calls: the search, GET /admins, GET /teams", async () => {
    const res = await search("ticketParts(first: 500) { nodes { assignedToType assignedToId assignedTo { __typename ... on Admin { id } ... on Team { id } } } }");
    expect(res.errors).toBeUndefined();
    const assignments = res.data.searchTickets.nodes.flatMap((t: any) => t.ticketParts.nodes).filter((p: any) => p.assignedToId);
    expect(new Set(assignments.map((p: any) => p.assignedTo.__typename))).toEqual(new Set(["Admin", "Team"]));
    expect(calls().sort()).toEqual(["GET /admins", "GET /teams", "POST /tickets/search"]);
  });

  it("Ticket.ticketType and Ticket.tags for 25 tickets cost 1 call: both come embedded in the search answer", async () => {
    const res = await search("ticketTypeId ticketType { id name ticketTypeAttributes { nodes { name } } } tags { nodes { id name } }");
    expect(res.errors).toBeUndefined();
    const nodes = res.data.searchTickets.nodes;
    expect(new Set(nodes.map((t: any) => t.ticketType.name)).size).toBeGreaterThanOrEqual(4);
    expect(nodes.every((t: any) => t.ticketType.id === t.ticketTypeId)).toBe(true);
    // The 2.11 ticket schema has no tags, so the sandbox sends none.
    expect(nodes.every((t: any) => t.tags.nodes.length === 0)).toBe(true);
    expect(calls()).toEqual(["POST /tickets/search"]);
  });
});

describe("Ticket.tags", () => {
  it("tags Intercom sends beside the schema, with appliedBy, for 25 tickets cost 2 calls: the search and GET /admins", async () => {
    // The sandbox answers the documented ticket (no tags); answer this one search as Intercom may, with each ticket's tags.
    const documented: any = await fetch(`${stack.sandbox.url}/tickets/search`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: JSON.stringify({ query: { field: "open", operator: "=", value: true }, pagination: { per_page: 25 } }),
    }).then((r) => r.json());
    const withTags = { ...documented, tickets: documented.tickets.map((t: any) => ({ ...t, tags: ws().tickets.find((x) => x.id === t.id)!.tags })) };
    stack.sandbox.injectFault({ method: "POST", path: "/tickets/search", status: 200, body: withTags });
    stack.resetUpstream();
    const res = await search("tags { nodes { id appliedById appliedBy { id } } }");
    expect(res.errors).toBeUndefined();
    const tags = res.data.searchTickets.nodes.flatMap((t: any) => t.tags.nodes);
    expect(tags.length).toBeGreaterThan(5);
    for (const tag of tags) expect(tag.appliedBy.id).toBe(tag.appliedById);
    expect(calls().sort()).toEqual(["GET /admins", "POST /tickets/search"]);
  });
});

describe("LinkedObject.object", () => {
  const linkedConversations = () => ws().conversations.filter((c) => c.linked_objects.data.some((o) => o.type === "ticket")).slice(0, 25);
  const QUERY = /* GraphQL */ `
    query($ids: [String!]!) {
      searchConversations(query: { field: ID, operator: IN, value: { strings: $ids } }, first: 25) {
        nodes { id linkedObjects { nodes { type id object { __typename ... on Ticket { id ticketState ticketType { name } } } } } }
      }
    }
  `;

  it("25 conversations' linked tickets cost 2 calls: the conversation search and one ticket search with id IN", async () => {
    const conversations = linkedConversations();
    expect(conversations).toHaveLength(25);
    const res = await stack.query(QUERY, { ids: conversations.map((c) => c.id) });
    expect(res.errors).toBeUndefined();
    const links = res.data.searchConversations.nodes.flatMap((c: any) => c.linkedObjects.nodes);
    const ticketIds = new Set(conversations.flatMap((c) => c.linked_objects.data.map((o) => o.id)));
    expect(links).toHaveLength(conversations.reduce((n, c) => n + c.linked_objects.data.length, 0));
    for (const link of links) expect(link.object).toMatchObject({ __typename: "Ticket", id: link.id });
    expect(calls().sort()).toEqual(["POST /conversations/search", "POST /tickets/search"]);
    const searched = stack.upstream().find((r) => r.path === "/tickets/search")!.body as any;
    expect(new Set(searched.query.value)).toEqual(ticketIds);
  });

  it("tickets the search has not indexed yet cost one GET each: 25 conversations with 3 fresh tickets cost 2 + 3 calls", async () => {
    const conversations = linkedConversations();
    const fresh = [...new Set(conversations.map((c) => c.linked_objects.data[0]!.id))].slice(0, 3);
    for (const id of fresh) ws().ticketWrites.set(id, Date.now());
    try {
      const res = await stack.query(QUERY, { ids: conversations.map((c) => c.id) });
      expect(res.errors).toBeUndefined();
      const links = res.data.searchConversations.nodes.flatMap((c: any) => c.linkedObjects.nodes);
      expect(links.every((l: any) => l.object?.id === l.id)).toBe(true);
      expect(count("POST /tickets/search")).toBe(1);
      expect(calls().filter((c) => c.startsWith("GET /tickets/")).sort()).toEqual(fresh.map((id) => `GET /tickets/${id}`).sort());
      expect(calls()).toHaveLength(2 + 3);
    } finally {
      for (const id of fresh) ws().ticketWrites.delete(id);
    }
  });

  it("20 tickets' linked conversations cost 1 + one GET per distinct conversation", async () => {
    const tickets = ws().tickets.filter((t) => t.linked_objects.total_count > 0).slice(0, 20);
    expect(tickets).toHaveLength(20);
    const res = await stack.query(
      `query($ids: [String!]!) { searchTickets(query: { field: ID, operator: IN, value: { strings: $ids } }, first: 20) {
        nodes { linkedObjects { nodes { id object { __typename ... on Conversation { id state } } } } } } }`,
      { ids: tickets.map((t) => t.id) },
    );
    expect(res.errors).toBeUndefined();
    const conversationIds = new Set(tickets.flatMap((t) => t.linked_objects.data.map((o) => o.id)));
    const links = res.data.searchTickets.nodes.flatMap((t: any) => t.linkedObjects.nodes);
    for (const link of links) expect(link.object).toMatchObject({ __typename: "Conversation", id: link.id });
    expect(count("POST /tickets/search")).toBe(1);
    expect(calls()).toHaveLength(1 + conversationIds.size);
  });
});

describe("TicketTypeAttribute.ticketType", () => {
  it("every attribute of every ticket type (20+) resolves its type for 1 call: GET /ticket_types, shared with the list", async () => {
    const res = await stack.query(`{ ticketTypes { nodes { id ticketTypeAttributes { nodes { id ticketTypeId ticketType { id name } } } } } }`);
    expect(res.errors).toBeUndefined();
    const attributes = res.data.ticketTypes.nodes.flatMap((t: any) => t.ticketTypeAttributes.nodes.map((a: any) => ({ ...a, parent: t.id })));
    expect(attributes.length).toBeGreaterThanOrEqual(20);
    for (const a of attributes) expect(a.ticketType.id).toBe(a.parent);
    expect(calls()).toEqual(["GET /ticket_types"]);
  });
});
