import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Conversation } from "../src/sandbox/index.js";
import { startStack, type Stack } from "./support/stack.js";

/** Link budgets of Contact.conversations and of Message's links, counted on the sandbox. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

/** A contact's conversations as the search orders them: updated_at, then id, newest first. */
function conversationsOf(contactId: string): Conversation[] {
  return ws()
    .conversations.filter((c) => c.contacts.contacts.some((r) => r.id === contactId))
    .sort((a, b) => b.updated_at - a.updated_at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

const PAGE = `totalCount pageInfo { hasNextPage endCursor } nodes { id }`;

describe("Contact.conversations", () => {
  it("Contact.conversations for 25+ contacts costs 1 conversations search (plus the list and the contacts search)", async () => {
    const res = await stack.query(`{ conversations(first: 25) { nodes { contacts { id conversations(first: 2) { ${PAGE} } } } } }`);
    expect(res.errors).toBeUndefined();
    const contacts = new Map<string, any>();
    for (const c of res.data.conversations.nodes) for (const contact of c.contacts) contacts.set(contact.id, contact);
    expect(contacts.size).toBeGreaterThanOrEqual(25);
    expect(contacts.size).toBeLessThanOrEqual(50); // one shared search holds 50 contacts

    for (const [id, contact] of contacts) {
      const expected = conversationsOf(id);
      expect(contact.conversations.nodes.map((n: any) => n.id), id).toEqual(expected.slice(0, 2).map((c) => c.id));
      expect(contact.conversations.totalCount).toBe(expected.length);
      expect(contact.conversations.pageInfo.hasNextPage).toBe(expected.length > 2);
    }
    expect(calls().sort()).toEqual(["GET /conversations", "POST /contacts/search", "POST /conversations/search"]);
    const search = stack.upstream().find((r) => r.path === "/conversations/search")!.body as any;
    expect(search.query).toEqual({ field: "contact_ids", operator: "IN", value: expect.arrayContaining([...contacts.keys()]) });
    expect(search.query.value).toHaveLength(contacts.size);
  });

  it("Contact.conversations for 25 listed contacts costs 2 calls: GET /contacts and 1 conversations search", async () => {
    const res = await stack.query(`{ contacts(first: 25) { nodes { id conversations(first: 3) { ${PAGE} } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.contacts.nodes;
    expect(nodes).toHaveLength(25);
    for (const contact of nodes) {
      const expected = conversationsOf(contact.id);
      expect(contact.conversations.nodes.map((n: any) => n.id), contact.id).toEqual(expected.slice(0, 3).map((c) => c.id));
      expect(contact.conversations.totalCount).toBe(expected.length);
    }
    expect(calls()).toEqual(["GET /contacts", "POST /conversations/search"]);
  });

  it("the next page (`after`) continues with the contact's own search", async () => {
    const contactId = ws().contacts.map((c) => c.id).find((id) => conversationsOf(id).length >= 3)!;
    const expected = conversationsOf(contactId).map((c) => c.id);
    const first = await stack.query(`query ($id: ID!) { contact(id: $id) { conversations(first: 1) { ${PAGE} } } }`, { id: contactId });
    expect(first.data.contact.conversations.nodes.map((n: any) => n.id)).toEqual(expected.slice(0, 1));
    stack.resetUpstream();
    const next = await stack.query(`query ($id: ID!, $after: String) { contact(id: $id) { conversations(first: 2, after: $after) { ${PAGE} } } }`, {
      id: contactId,
      after: first.data.contact.conversations.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    expect(next.data.contact.conversations.nodes.map((n: any) => n.id)).toEqual(expected.slice(1, 3));
    expect(calls()).toEqual([`GET /contacts/${contactId}`, "POST /conversations/search"]);
    expect((stack.upstream()[1]!.body as any).query).toEqual({ field: "contact_ids", operator: "=", value: contactId });
  });

  it("when one contact fills the shared page, each other contact falls back to a search of its own (1 shared + 1 per other contact)", async () => {
    const [busy, quiet1, quiet2] = ws().contacts.filter((c) => conversationsOf(c.id).length >= 1).slice(0, 3).map((c) => c.id);
    // 155 new conversations for one contact: the shared search's first page (150) is all theirs.
    for (let i = 0; i < 155; i++) {
      const res = await fetch(`${stack.sandbox.url}/conversations`, {
        method: "POST",
        headers: { authorization: "Bearer t", "content-type": "application/json" },
        body: JSON.stringify({ from: { type: "user", id: busy }, body: `Message ${i}` }),
      });
      expect(res.status).toBe(200);
    }
    stack.resetUpstream();
    // The three contacts arrive together, as a searched list's contacts do.
    const parents = [busy, quiet1, quiet2].map((id) => conversationsOf(id!)[0]!.id);
    const res = await stack.query(
      `query ($ids: [String!]!) {
        searchConversations(query: { field: ID, operator: IN, value: { strings: $ids } }) {
          nodes { contacts { id conversations(first: 5) { ${PAGE} } } }
        }
      }`,
      { ids: parents },
    );
    const byContact = new Map<string, any>();
    for (const n of res.data?.searchConversations.nodes ?? []) for (const c of n.contacts) byContact.set(c.id, c);
    res.data = { a: byContact.get(busy!), b: byContact.get(quiet1!), c: byContact.get(quiet2!) };
    expect(res.errors).toBeUndefined();
    expect(res.data.a.conversations.nodes.map((n: any) => n.id)).toEqual(conversationsOf(busy!).slice(0, 5).map((c) => c.id));
    expect(res.data.a.conversations.pageInfo.hasNextPage).toBe(true);
    for (const [alias, id] of [["b", quiet1], ["c", quiet2]] as const) {
      const expected = conversationsOf(id!);
      expect(res.data[alias].conversations.nodes.map((n: any) => n.id)).toEqual(expected.slice(0, 5).map((c) => c.id));
      expect(res.data[alias].conversations.totalCount).toBe(expected.length);
    }
    const searches = stack.upstream().filter((r) => r.path === "/conversations/search").map((r) => (r.body as any).query);
    // The root search, the shared contact_ids search, one search for each quiet contact.
    expect(searches).toHaveLength(4);
    expect(searches.filter((q) => q.field === "contact_ids" && q.operator === "IN")).toHaveLength(1);
    expect(searches.filter((q) => q.operator === "=").map((q) => q.value).sort()).toEqual([quiet1, quiet2].sort());
  });
});

describe("Message links", () => {
  it("Message.owner and Message.conversation for 20 messages cost 20 POST /messages, 1 GET /admins and 20 GET /conversations/{id}", async () => {
    const admins = ws().admins;
    const contacts = ws().contacts.slice(0, 20);
    const fields = contacts
      .map(
        (c, i) => `m${i}: createMessage(input: { messageType: IN_APP, adminId: "${admins[i % admins.length]!.id}", to: { type: ${c.role.toUpperCase()}, id: "${c.id}" },
          body: "Hello ${i}", createConversationWithoutContactReply: true }) { ownerId owner { id } conversationId conversation { id contactIds } }`,
      )
      .join("\n");
    const res = await stack.query(`mutation { ${fields} }`);
    expect(res.errors).toBeUndefined();
    contacts.forEach((c, i) => {
      const m = res.data[`m${i}`];
      expect(m.owner.id).toBe(admins[i % admins.length]!.id);
      expect(m.conversation).toEqual({ id: m.conversationId, contactIds: [c.id] });
    });
    const made = calls();
    expect(made.filter((c) => c === "POST /messages")).toHaveLength(20);
    expect(made.filter((c) => c === "GET /admins")).toHaveLength(1);
    expect(made.filter((c) => c.startsWith("GET /conversations/"))).toHaveLength(20);
    expect(made).toHaveLength(41);
  });
});
