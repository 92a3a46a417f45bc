import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Reading tickets and ticket types through the graph, and the typed ticket search. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

const TICKET = /* GraphQL */ `
  query Ticket($id: ID!) {
    ticket(id: $id) {
      id
      ticketId
      category
      ticketState
      ticketAttributes
      ticketTypeId
      ticketType { id name category ticketTypeAttributes { totalCount nodes { name dataType } } }
      contactIds
      adminAssigneeId
      teamAssigneeId
      createdAt
      updatedAt
      open
      snoozedUntil
      isShared
      ticketStateInternalLabel
      ticketStateExternalLabel
      tags { totalCount nodes { id name appliedAt } }
      linkedObjects { totalCount hasMore nodes { type id category } }
      ticketParts(first: 100) { totalCount nodes { id partType ticketState previousTicketState authorType authorId createdAt } }
    }
  }
`;

describe("ticket(id)", () => {
  it("maps every property of the REST ticket, in one GET", async () => {
    const rest = stack.sandbox.workspace.tickets.find((t) => t.admin_assignee_id !== "0" && t.tags.tags.length > 0 && t.linked_objects.total_count > 0)!;
    const res = await stack.query(TICKET, { id: rest.id });
    expect(res.errors).toBeUndefined();
    const t = res.data.ticket;
    expect(t).toMatchObject({
      id: rest.id,
      ticketId: rest.ticket_id,
      category: { Customer: "CUSTOMER", "Back-office": "BACK_OFFICE", Tracker: "TRACKER" }[rest.category],
      ticketState: rest.ticket_state.toUpperCase(),
      ticketAttributes: rest.ticket_attributes,
      ticketTypeId: rest.ticket_type_id,
      contactIds: rest.contacts.contacts.map((c) => c.id),
      adminAssigneeId: rest.admin_assignee_id,
      teamAssigneeId: rest.team_assignee_id === "0" ? null : rest.team_assignee_id,
      createdAt: new Date(rest.created_at * 1000).toISOString(),
      open: rest.open,
      isShared: rest.is_shared,
      ticketStateInternalLabel: rest.ticket_state_internal_label,
    });
    // The sandbox keeps the ticket's tags, but the 2.11 `ticket` schema has none to send: Ticket.tags reads what Intercom sends.
    expect(rest.tags.tags.length).toBeGreaterThan(0);
    expect(t.tags).toEqual({ totalCount: 0, nodes: [] });
    expect(t.linkedObjects.nodes).toHaveLength(rest.linked_objects.total_count);
    expect(t.ticketParts.totalCount).toBe(rest.ticket_parts.total_count);
    expect(t.ticketParts.nodes[0].ticketState).toBeTruthy();
    expect(t.ticketType.ticketTypeAttributes.nodes[0].name).toBe("_default_title_");
    expect(calls()).toEqual([`GET /tickets/${rest.id}`]);
  });

  it("an unknown ticket is NOT_FOUND and null", async () => {
    const res = await stack.query(`{ ticket(id: "999999") { id } }`);
    expect(res.data.ticket).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("searchTickets", () => {
  const SEARCH = /* GraphQL */ `
    query Search($query: TicketSearchQuery!, $first: Int, $after: String) {
      searchTickets(query: $query, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id ticketState open adminAssigneeId ticketAttributes }
      }
    }
  `;

  it("filters by state and assignee with a typed query, and pages with cursors", async () => {
    const ws = stack.sandbox.workspace;
    const admin = ws.admins[0]!.id;
    const query = {
      and: [
        { field: "STATE", operator: "IN", value: { strings: ["in_progress", "waiting_on_customer"] } },
        { field: "OPEN", operator: "EQ", value: { boolean: true } },
      ],
    };
    const expected = ws.tickets.filter((t) => ["in_progress", "waiting_on_customer"].includes(t.ticket_state) && t.open);
    const first = await stack.query(SEARCH, { query, first: 10 });
    expect(first.errors).toBeUndefined();
    expect(first.data.searchTickets.totalCount).toBe(expected.length);
    expect(first.data.searchTickets.nodes).toHaveLength(10);
    const second = await stack.query(SEARCH, { query, first: 100, after: first.data.searchTickets.pageInfo.endCursor });
    const all = [...first.data.searchTickets.nodes, ...second.data.searchTickets.nodes].map((t: any) => t.id);
    expect(new Set(all)).toEqual(new Set(expected.map((t) => t.id)));

    const mine = await stack.query(SEARCH, { query: { field: "ADMIN_ASSIGNEE_ID", operator: "EQ", value: { string: admin } }, first: 150 });
    expect(mine.data.searchTickets.nodes.every((t: any) => t.adminAssigneeId === admin)).toBe(true);
    expect(mine.data.searchTickets.totalCount).toBe(ws.tickets.filter((t) => t.admin_assignee_id === admin).length);
  });

  it("searches a ticket attribute by its id (TICKET_ATTRIBUTE + attributeId)", async () => {
    const ws = stack.sandbox.workspace;
    const bug = ws.ticketTypes.find((t) => t.name === "Bug Report")!;
    const reproducible = bug.ticket_type_attributes.ticket_type_attributes.find((a) => a.name === "Reproducible")!;
    const res = await stack.query(SEARCH, {
      query: { field: "TICKET_ATTRIBUTE", attributeId: reproducible.id, operator: "EQ", value: { boolean: true } },
      first: 150,
    });
    expect(res.errors).toBeUndefined();
    const expected = ws.tickets.filter((t) => t.ticket_attributes.Reproducible === true);
    expect(expected.length).toBeGreaterThan(0);
    expect(res.data.searchTickets.totalCount).toBe(expected.length);
    expect(stack.upstream()[0]!.body).toMatchObject({ query: { field: `ticket_attribute.${reproducible.id}`, operator: "=", value: true } });
  });

  it("rejects bad queries before any upstream call", async () => {
    const bad = [
      { field: "CREATED_AT", operator: "IN", value: { ints: [1, 2] } }, // no IN on dates
      { field: "TICKET_ATTRIBUTE", operator: "EQ", value: { string: "x" } }, // attributeId missing
      { field: "STATE", attributeId: "1", operator: "EQ", value: { string: "x" } }, // attributeId without TICKET_ATTRIBUTE
      { and: [{ and: [{ and: [{ field: "OPEN", operator: "EQ", value: { boolean: true } }] }] }] }, // 3 levels
      { or: Array.from({ length: 16 }, () => ({ field: "OPEN", operator: "EQ", value: { boolean: true } })) },
    ];
    for (const query of bad) {
      const res = await stack.query(SEARCH, { query });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(query)).toBe("BAD_USER_INPUT");
    }
    expect(calls()).toEqual([]);
  });
});

describe("ticket types", () => {
  it("ticketTypes lists every type with its attributes in one GET /ticket_types", async () => {
    const res = await stack.query(`{
      ticketTypes { totalCount nodes { id name category icon archived workspaceId isInternal createdAt
        ticketTypeAttributes { nodes { id name dataType inputOptions order requiredToCreate default ticketTypeId archived } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const ws = stack.sandbox.workspace;
    expect(res.data.ticketTypes.totalCount).toBe(ws.ticketTypes.length);
    const bug = res.data.ticketTypes.nodes.find((t: any) => t.name === "Bug Report");
    expect(bug.category).toBe("BACK_OFFICE");
    const severity = bug.ticketTypeAttributes.nodes.find((a: any) => a.name === "Severity");
    expect(severity).toMatchObject({ dataType: "LIST", requiredToCreate: true, ticketTypeId: bug.id });
    expect(severity.inputOptions.list_options).toHaveLength(4);
    expect(res.data.ticketTypes.nodes.some((t: any) => t.archived)).toBe(true);
    expect(calls()).toEqual(["GET /ticket_types"]);
  });

  it("ticketType(id) reads one type; an unknown one is NOT_FOUND", async () => {
    const type = stack.sandbox.workspace.ticketTypes[0]!;
    const res = await stack.query(`query($id: ID!) { ticketType(id: $id) { id name description } }`, { id: type.id });
    expect(res.data.ticketType).toEqual({ id: type.id, name: type.name, description: type.description });
    expect(calls()).toEqual([`GET /ticket_types/${type.id}`]);
    const missing = await stack.query(`{ ticketType(id: "999") { id } }`);
    expect(missing.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
