import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Upstream budgets of the tag links, counted on the sandbox's request log. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

describe("Contact.tags", () => {
  it("Contact.tags for the contacts of 30 conversations costs 3 calls: the conversations list, one contacts search and GET /tags", async () => {
    const res = await stack.query(`{
      conversations(first: 30) { nodes { contacts { id tagIds tags { totalCount nodes { id name } } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const contacts = new Map<string, any>();
    for (const c of res.data.conversations.nodes) for (const contact of c.contacts) contacts.set(contact.id, contact);
    expect(contacts.size).toBeGreaterThanOrEqual(20);
    // Every contact's tags are the tags its REST object references, by name.
    const names = new Map(ws().tags.map((t) => [t.id, t.name]));
    let tagged = 0;
    for (const [id, contact] of contacts) {
      const rest = ws().contacts.find((c) => c.id === id)!;
      expect(contact.tags.nodes).toEqual(rest.tags.data.map((r) => ({ id: r.id, name: names.get(r.id) })));
      expect(contact.tags.totalCount).toBe(rest.tags.data.length);
      if (rest.tags.data.length) tagged++;
    }
    expect(tagged).toBeGreaterThan(5);
    expect(calls().sort()).toEqual(["GET /conversations", "GET /tags", "POST /contacts/search"]);
  });

  it("Contact.tags for 25 listed contacts costs 2 calls: the contacts list and GET /tags", async () => {
    const res = await stack.query(`{ contacts(first: 25) { nodes { id tags { nodes { name } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.contacts.nodes).toHaveLength(25);
    expect(res.data.contacts.nodes.some((c: any) => c.tags.nodes.length > 0)).toBe(true);
    expect(calls().sort()).toEqual(["GET /contacts", "GET /tags"]);
  });

  it("a contact that shows 10 tag references (the embedding limit) reads its full list: 1 more call", async () => {
    const contact = ws().contacts.find((c) => c.tags.data.length === 0)!;
    const tags = ws().tags.slice(0, 10);
    for (const t of tags) contact.tags.data.push({ type: "tag", id: t.id, url: `/tags/${t.id}` });
    contact.tags.total_count = tags.length;
    try {
      const res = await stack.query(`query ($id: ID!) { contact(id: $id) { tags { totalCount nodes { id } } } }`, { id: contact.id });
      expect(res.errors).toBeUndefined();
      expect(res.data.contact.tags.totalCount).toBe(10);
      expect(calls()).toEqual([`GET /contacts/${contact.id}`, `GET /contacts/${contact.id}/tags`]);
    } finally {
      contact.tags.data = [];
      contact.tags.total_count = 0;
    }
  });
});

describe("Tag.appliedBy", () => {
  it("Tag.appliedBy for the tags of 60 conversations costs 2 calls: the conversations list and GET /admins", async () => {
    const res = await stack.query(`{ conversations(first: 60) { nodes { tags { id appliedById appliedBy { id name } } } } }`);
    expect(res.errors).toBeUndefined();
    const tags = res.data.conversations.nodes.flatMap((c: any) => c.tags);
    expect(tags.length).toBeGreaterThanOrEqual(20);
    const admins = new Map(ws().admins.map((a) => [a.id, a.name]));
    for (const tag of tags) expect(tag.appliedBy).toEqual({ id: tag.appliedById, name: admins.get(tag.appliedById) });
    expect(calls().sort()).toEqual(["GET /admins", "GET /conversations"]);
  });

  it("Tag.appliedBy over a contact's applied tags costs GET /admins once", async () => {
    const contact = ws().contacts.find((c) => c.tags.data.length >= 2)!;
    const res = await stack.query(`query ($id: ID!) { contactTags(contactId: $id) { nodes { appliedBy { id } } } }`, { id: contact.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.contactTags.nodes.every((t: any) => t.appliedBy?.id)).toBe(true);
    expect(calls()).toEqual([`GET /contacts/${contact.id}/tags`, "GET /admins"]);
  });
});
