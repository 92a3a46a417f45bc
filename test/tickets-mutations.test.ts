import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Round trips of every ticket write over the graph: write, check the answer, read it back. */
let stack: Stack;
beforeAll(async () => {
  // Search lags a minute behind writes here, so reads after writes must go by id.
  stack = await startStack({ sandbox: { searchIndexLagMs: 60_000 } });
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const ws = () => stack.sandbox.workspace;
const adminId = () => ws().admins[1]!.id;
const customerType = () => ws().ticketTypes.find((t) => t.category === "Customer" && !t.archived && t.name === "Question")!;

const TICKET_FIELDS = /* GraphQL */ `
  id ticketId category ticketState open isShared snoozedUntil ticketAttributes
  adminAssigneeId adminAssignee { id } teamAssigneeId teamAssignee { id name }
  contactIds contacts { nodes { id email } }
  ticketType { id name }
  tags { nodes { id name } }
  linkedObjects { totalCount nodes { type id object { __typename ... on Conversation { id } ... on Ticket { id } } } }
  ticketParts(first: 500) { totalCount nodes { partType body ticketState previousTicketState author { __typename id } } }
`;

async function readBack(id: string) {
  const res = await stack.query(`query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data.ticket;
}

let ticketId: string;

describe("createTicket", () => {
  it("creates a ticket, readable at once by id although search has not indexed it", async () => {
    const contact = ws().contacts.find((c) => c.external_id)!;
    const res = await stack.query(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ${TICKET_FIELDS} } }`,
      {
        input: {
          ticketTypeId: customerType().id,
          contacts: [{ externalId: contact.external_id }],
          ticketAttributes: { _default_title_: "Cannot export invoices", _default_description_: "CSV export is empty", "Order number": "INV-1" },
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const t = res.data.createTicket;
    expect(t).toMatchObject({
      category: "CUSTOMER",
      ticketState: "SUBMITTED",
      open: true,
      contactIds: [contact.id],
      contacts: { nodes: [{ id: contact.id, email: contact.email }] },
      ticketType: { id: customerType().id, name: "Question" },
      ticketAttributes: { _default_title_: "Cannot export invoices", "Order number": "INV-1" },
    });
    ticketId = t.id;
    expect(calls()[0]).toBe("POST /tickets");

    // Not in search yet (lag), so the loader falls back to a GET by id.
    stack.resetUpstream();
    const linked = await stack.query(
      `query($q: TicketSearchQuery!) { searchTickets(query: $q) { totalCount } }`,
      { q: { field: "ID", operator: "EQ", value: { string: ticketId } } },
    );
    expect(linked.data.searchTickets.totalCount).toBe(0);
    expect((await readBack(ticketId)).ticketAttributes._default_title_).toBe("Cannot export invoices");
  });

  it("for an email nobody has, creates the ticket with a new lead, as Intercom does", async () => {
    const email = "first.time.customer@example.org";
    expect(ws().contacts.some((c) => c.email === email)).toBe(false);
    const res = await stack.query(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { id contacts { nodes { id email role } } } }`,
      { input: { ticketTypeId: customerType().id, contacts: [{ email }], ticketAttributes: { _default_title_: "Where is my order?" } } },
    );
    expect(res.errors).toBeUndefined();
    const [lead] = res.data.createTicket.contacts.nodes;
    expect(lead).toMatchObject({ email, role: "LEAD" });
    expect(ws().contacts.find((c) => c.id === lead.id)?.email).toBe(email);
  });

  it("checks the contact input before any upstream call, and maps Intercom's 400s", async () => {
    const mutation = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }`;
    const two = await stack.query(mutation, { input: { ticketTypeId: customerType().id, contacts: [{ id: "a" }, { id: "b" }] } });
    expect(two.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const both = await stack.query(mutation, { input: { ticketTypeId: customerType().id, contacts: [{ id: "a", email: "x@y.z" }] } });
    expect(both.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(calls()).toEqual([]);

    const contact = ws().contacts[0]!;
    const unknownAttr = await stack.query(mutation, { input: { ticketTypeId: customerType().id, contacts: [{ id: contact.id }], ticketAttributes: { Colour: "red" } } });
    expect(unknownAttr.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", intercom: { errors: [{ code: "parameter_invalid" }] } });
    const refund = ws().ticketTypes.find((t) => t.name === "Refund request")!;
    const missingRequired = await stack.query(mutation, { input: { ticketTypeId: refund.id, contacts: [{ id: contact.id }] } });
    expect(missingRequired.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(missingRequired.data.createTicket).toBeNull();
  });
});

describe("updateTicket", () => {
  it("moves state, assigns, shares, snoozes and edits attributes; the read back agrees", async () => {
    const team = ws().teams[1]!;
    const snooze = "2030-01-01T00:00:00.000Z";
    const res = await stack.query(
      `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { ${TICKET_FIELDS} } }`,
      {
        id: ticketId,
        input: {
          state: "IN_PROGRESS",
          isShared: false,
          snoozedUntil: snooze,
          assignment: { adminId: adminId(), assigneeId: team.id },
          ticketAttributes: { _default_title_: "Export is empty" },
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const t = res.data.updateTicket;
    expect(t).toMatchObject({ ticketState: "IN_PROGRESS", isShared: false, snoozedUntil: snooze, teamAssigneeId: team.id, teamAssignee: { id: team.id, name: team.name } });
    expect(t.ticketAttributes._default_title_).toBe("Export is empty");
    const stateChange = t.ticketParts.nodes.find((p: any) => p.partType === "ticket_state_updated_by_admin" && p.ticketState === "IN_PROGRESS");
    expect(stateChange).toMatchObject({ previousTicketState: "SUBMITTED", author: { __typename: "Admin", id: adminId() } });
    expect(await readBack(ticketId)).toEqual(t);
  });

  it("assigning to an unknown admin is NOT_FOUND with Intercom's code", async () => {
    const res = await stack.query(
      `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { id } }`,
      { id: ticketId, input: { assignment: { adminId: adminId(), assigneeId: "424242" } } },
    );
    expect(res.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { errors: [{ code: "assignee_not_found" }] } });
  });

  it("closing with open: false resolves nothing else but unsnoozes", async () => {
    const res = await stack.query(`mutation($id: ID!) { updateTicket(id: $id, input: { open: false }) { open snoozedUntil ticketState } }`, { id: ticketId });
    expect(res.data.updateTicket).toEqual({ open: false, snoozedUntil: null, ticketState: "IN_PROGRESS" });
  });
});

describe("replyToTicket", () => {
  const REPLY = `mutation($id: ID!, $input: ReplyToTicketInput!) { replyToTicket(id: $id, input: $input) { id partType body author { __typename id } } }`;

  it("an admin note, a quick reply and a contact comment each add a part, visible on the next read", async () => {
    const contact = ws().contacts.find((c) => c.id === ws().tickets.find((t) => t.id === ticketId)!.contacts.contacts[0]!.id)!;
    const note = await stack.query(REPLY, { id: ticketId, input: { admin: { adminId: adminId(), messageType: "NOTE", body: "<p>Looking</p>" } } });
    expect(note.errors).toBeUndefined();
    expect(note.data.replyToTicket).toMatchObject({ partType: "note", body: "<p>Looking</p>", author: { __typename: "Admin", id: adminId() } });
    const quick = await stack.query(REPLY, {
      id: ticketId,
      input: { admin: { adminId: adminId(), messageType: "QUICK_REPLY", replyOptions: [{ text: "Yes", uuid: "22d6d1f4-1a19-41d0-94c2-e54031f78aca" }] } },
    });
    expect(quick.data.replyToTicket.partType).toBe("quick_reply");
    const comment = await stack.query(REPLY, { id: ticketId, input: { contact: { email: contact.email, body: "Still empty" } } });
    expect(comment.data.replyToTicket).toMatchObject({ partType: "comment", author: { __typename: "Contact", id: contact.id } });

    const parts = (await readBack(ticketId)).ticketParts.nodes.map((p: any) => p.partType);
    expect(parts.slice(-3)).toEqual(["note", "quick_reply", "comment"]);
  });

  it("rejects ambiguous input before any call, and a contact reply on a back-office ticket with Intercom's 400", async () => {
    const neither = await stack.query(REPLY, { id: ticketId, input: {} });
    expect(neither.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const noBody = await stack.query(REPLY, { id: ticketId, input: { admin: { adminId: adminId(), messageType: "COMMENT" } } });
    expect(noBody.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(calls()).toEqual([]);
    const backOffice = ws().tickets.find((t) => t.category === "Back-office")!;
    const res = await stack.query(REPLY, { id: backOffice.id, input: { contact: { intercomUserId: ws().contacts[0]!.id, body: "hi" } } });
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", intercom: { errors: [{ code: "parameter_mismatch" }] } });
    // messageType omitted: a comment.
    const missing = await stack.query(REPLY, { id: "999999", input: { admin: { adminId: adminId(), body: "x" } } });
    expect(missing.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("attachTagToTicket / detachTagFromTicket", () => {
  it("tags and untags a ticket; the sandbox's state follows", async () => {
    const tag = ws().tags[3]!;
    const attached = await stack.query(
      `mutation($t: ID!, $input: AttachTagToTicketInput!) { attachTagToTicket(ticketId: $t, input: $input) { id name appliedAt appliedById } }`,
      { t: ticketId, input: { tagId: tag.id, adminId: adminId() } },
    );
    expect(attached.errors).toBeUndefined();
    expect(attached.data.attachTagToTicket).toMatchObject({ id: tag.id, name: tag.name, appliedById: adminId() });
    // The 2.11 ticket has no tags to read back (Ticket.tags shows only what Intercom sends beside the schema): the sandbox's state shows the write.
    const stored = () => ws().tickets.find((t) => t.id === ticketId)!.tags.tags.map((t) => t.id);
    expect(stored()).toEqual([tag.id]);
    expect((await readBack(ticketId)).tags.nodes).toEqual([]);

    const detached = await stack.query(
      `mutation($t: ID!, $tag: ID!, $input: DetachTagFromTicketInput!) { detachTagFromTicket(ticketId: $t, tagId: $tag, input: $input) { id } }`,
      { t: ticketId, tag: tag.id, input: { adminId: adminId() } },
    );
    expect(detached.data.detachTagFromTicket).toEqual({ id: tag.id });
    expect(stored()).toEqual([]);

    const again = await stack.query(
      `mutation($t: ID!, $tag: ID!) { detachTagFromTicket(ticketId: $t, tagId: $tag, input: { adminId: "${adminId()}" }) { id } }`,
      { t: ticketId, tag: tag.id },
    );
    expect(again.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { errors: [{ code: "tag_not_found" }] } });
  });
});

describe("convertConversationToTicket", () => {
  it("creates a customer ticket linked both ways; the conversation read afterwards links back to it", async () => {
    const conversation = ws().conversations.find((c) => c.linked_objects.data.length === 0 && c.contacts.contacts.length === 1)!;
    const res = await stack.query(
      `mutation($c: ID!, $input: ConvertConversationToTicketInput!) {
        convertConversationToTicket(conversationId: $c, input: $input) { ${TICKET_FIELDS} }
      }`,
      { c: conversation.id, input: { ticketTypeId: customerType().id, attributes: { "Order number": "INV-77" } } },
    );
    expect(res.errors).toBeUndefined();
    const t = res.data.convertConversationToTicket;
    expect(t).toMatchObject({ category: "CUSTOMER", ticketState: "SUBMITTED", contactIds: [conversation.contacts.contacts[0]!.id] });
    expect(t.ticketAttributes["Order number"]).toBe("INV-77");
    expect(t.ticketParts.nodes[0]).toMatchObject({ partType: "comment", body: conversation.source.body });
    expect(t.linkedObjects.nodes).toEqual([{ type: "CONVERSATION", id: conversation.id, object: { __typename: "Conversation", id: conversation.id } }]);
    const read = await stack.query(
      `query($c: ID!) { conversation(id: $c) { id linkedObjects { nodes { type id object { __typename ... on Ticket { id ticketState } } } } } }`,
      { c: conversation.id },
    );
    expect(read.data.conversation.linkedObjects.nodes).toContainEqual({ type: "TICKET", id: t.id, object: { __typename: "Ticket", id: t.id, ticketState: "SUBMITTED" } });
  });

  it("a non-customer ticket type is refused with Intercom's 400; an unknown conversation is NOT_FOUND", async () => {
    const tracker = ws().ticketTypes.find((t) => t.category === "Tracker")!;
    const mutation = `mutation($c: ID!, $t: ID!) { convertConversationToTicket(conversationId: $c, input: { ticketTypeId: $t }) { id } }`;
    const res = await stack.query(mutation, { c: ws().conversations[0]!.id, t: tracker.id });
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", intercom: { errors: [{ code: "parameter_invalid", message: "Ticket type is not a customer ticket type" }] } });
    const missing = await stack.query(mutation, { c: "1", t: customerType().id });
    expect(missing.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
