import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Upstream budgets of the note links, counted on the sandbox's request log. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const longHistory = () => ws().contacts.find((c) => c.notes.data.length >= 25)!;

describe("Contact.notes", () => {
  it("Contact.notes for 40 listed contacts costs 1 + one GET /contacts/{id}/notes per contact that has notes", async () => {
    const res = await stack.query(`{ contacts(first: 40) { nodes { id noteIds notes(first: 3) { totalCount nodes { id contactId } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.contacts.nodes;
    expect(nodes).toHaveLength(40);
    const withNotes = nodes.filter((c: any) => c.noteIds.length > 0);
    expect(withNotes.length).toBeGreaterThan(0);
    for (const c of nodes) {
      const rest = ws().contacts.find((x) => x.id === c.id)!;
      expect(c.notes.totalCount).toBe(rest.notes.data.length);
      expect(c.notes.nodes.every((n: any) => n.contactId === c.id)).toBe(true);
    }
    expect(calls().sort()).toEqual(["GET /contacts", ...withNotes.map((c: any) => `GET /contacts/${c.id}/notes`)].sort());
  });

  it("the same contact reached twice costs one list call (de-duplicated)", async () => {
    const contact = longHistory();
    const res = await stack.query(`query ($id: ID!) {
      a: contact(id: $id) { notes(first: 5) { nodes { id } } }
      b: contactNotes(contactId: $id, first: 10) { nodes { id } }
    }`, { id: contact.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.b.nodes.slice(0, 5)).toEqual(res.data.a.notes.nodes);
    expect(calls().sort()).toEqual([`GET /contacts/${contact.id}`, `GET /contacts/${contact.id}/notes`].sort());
  });
});

describe("Note.author and Note.contact", () => {
  it("Note.author and Note.contact for 25 notes cost 3 calls: the notes list, GET /admins and one contacts search", async () => {
    const contact = longHistory();
    const res = await stack.query(`query ($id: ID!) {
      contactNotes(contactId: $id, first: 25) { nodes { id authorId author { id name } contactId contact { id email } } }
    }`, { id: contact.id });
    expect(res.errors).toBeUndefined();
    const nodes = res.data.contactNotes.nodes;
    expect(nodes).toHaveLength(25);
    const admins = new Map(ws().admins.map((a) => [a.id, a.name]));
    expect(new Set(nodes.map((n: any) => n.authorId)).size).toBeGreaterThan(1);
    for (const n of nodes) {
      expect(n.author).toEqual({ id: n.authorId, name: admins.get(n.authorId) });
      expect(n.contact).toEqual({ id: contact.id, email: contact.email });
    }
    expect(calls().sort()).toEqual([`GET /contacts/${contact.id}/notes`, "GET /admins", "POST /contacts/search"].sort());
  });

  it("Note.contact and Note.author for the notes of 150 listed contacts cost one contacts search and GET /admins in all", async () => {
    const res = await stack.query(`{ contacts(first: 150) { nodes { id notes(first: 50) { nodes { contact { id } author { id } } } } } }`);
    expect(res.errors).toBeUndefined();
    const notes = res.data.contacts.nodes.flatMap((c: any) => c.notes.nodes.map((n: any) => ({ parent: c.id, ...n })));
    expect(new Set(notes.map((n: any) => n.parent)).size).toBeGreaterThanOrEqual(20);
    for (const n of notes) expect(n.contact.id).toBe(n.parent);
    const made = calls();
    // The list, the per-contact note lists, GET /admins and one search for the notes' contacts.
    const noteLists = made.filter((c) => /^GET \/contacts\/[0-9a-f]+\/notes$/.test(c)).length;
    expect(made.length).toBe(1 + noteLists + 1 + 1);
    expect(made.filter((c) => c === "POST /contacts/search")).toHaveLength(1);
    expect(made.filter((c) => c === "GET /admins")).toHaveLength(1);
  });
});
