import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, walkPages, type Stack } from "./support/stack.js";

/** Note reads and writes through the graph, each write read back. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const NOTE = "id createdAt body contactId authorId author { id name } contact { id }";

async function ok(query: string, variables?: Record<string, unknown>) {
  const res = await stack.query(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

const CONTACT_NOTES = `query ($id: ID!, $first: Int, $after: String) {
  contactNotes(contactId: $id, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id createdAt } }
}`;

describe("note reads", () => {
  it("note(id) has every property of the note, with its author and contact", async () => {
    const note = ws().notes[0]!;
    const data = await ok(`query ($id: ID!) { note(id: $id) { ${NOTE} } }`, { id: note.id });
    expect(data.note).toEqual({
      id: note.id,
      createdAt: new Date(note.created_at * 1000).toISOString(),
      body: note.body,
      contactId: note.contact!.id,
      authorId: note.author.id,
      author: { id: note.author.id, name: note.author.name },
      contact: { id: note.contact!.id },
    });
  });

  it("an unknown note is NOT_FOUND", async () => {
    const res = await stack.query(`{ note(id: "1") { id } }`);
    expect(res.data.note).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("contactNotes pages a long history newest first; every note once", async () => {
    const contact = ws().contacts.find((c) => c.notes.data.length > 20)!;
    const pages = await walkPages(async (after) => {
      const data: any = await ok(CONTACT_NOTES, { id: contact.id, first: 7, after });
      expect(data.contactNotes.totalCount).toBe(contact.notes.data.length);
      return data.contactNotes;
    }, 20);
    const seen: Array<{ id: string; createdAt: string }> = pages.flatMap((page) => page.nodes);
    expect(seen.map((n) => n.id).sort()).toEqual(contact.notes.data.map((r) => r.id).sort());
    const times = seen.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Pages are read 50 at a time: each upstream page serves several connection pages.
    expect(stack.upstream().every((r) => r.query.per_page === "50")).toBe(true);
  });

  it("an unknown contact is NOT_FOUND", async () => {
    const res = await stack.query(`{ contactNotes(contactId: "000000000000000000000000") { totalCount } }`);
    expect(res.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("Contact.notes reads the same list; a contact without notes costs no call", async () => {
    const withNotes = ws().contacts.find((c) => c.notes.data.length > 0)!;
    const without = ws().contacts.find((c) => c.notes.data.length === 0)!;
    const q = `query ($id: ID!) { contact(id: $id) { noteIds notes(first: 50) { totalCount nodes { id } } } }`;
    const a = await ok(q, { id: withNotes.id });
    expect(a.contact.notes.totalCount).toBe(withNotes.notes.data.length);
    stack.resetUpstream();
    const b = await ok(q, { id: without.id });
    expect(b.contact.notes).toEqual({ totalCount: 0, nodes: [] });
    expect(calls()).toEqual([`GET /contacts/${without.id}`]);
  });
});

describe("createNote", () => {
  const CREATE = `mutation ($id: ID!, $input: CreateNoteInput!) { createNote(contactId: $id, input: $input) { ${NOTE} } }`;

  it("creates a note by the given admin; it is then retrievable, first in the contact's notes and on the contact", async () => {
    const contact = ws().contacts.find((c) => c.notes.data.length === 1)!;
    const admin = ws().admins[2]!;
    const data = await ok(CREATE, { id: contact.id, input: { body: "Called about the renewal & pricing", adminId: admin.id } });
    const note = data.createNote;
    expect(note).toMatchObject({
      body: "<p>Called about the renewal &amp; pricing</p>",
      contactId: contact.id,
      authorId: admin.id,
      author: { id: admin.id, name: admin.name },
      contact: { id: contact.id },
    });
    expect(stack.upstream()[0]).toMatchObject({ method: "POST", path: `/contacts/${contact.id}/notes`, body: { body: "Called about the renewal & pricing", admin_id: admin.id } });

    const read = await ok(`query ($id: ID!) { note(id: $id) { id body } }`, { id: note.id });
    expect(read.note).toEqual({ id: note.id, body: note.body });
    const list = await ok(CONTACT_NOTES, { id: contact.id, first: 1 });
    expect(list.contactNotes.nodes[0].id).toBe(note.id);
    expect(list.contactNotes.totalCount).toBe(2);
    const onContact = await ok(`query ($id: ID!) { contact(id: $id) { noteIds notes { nodes { id } } } }`, { id: contact.id });
    expect(onContact.contact.noteIds).toContain(note.id);
    expect(onContact.contact.notes.nodes.map((n: any) => n.id)).toContain(note.id);
  });

  it("without adminId the note is written by the token's admin", async () => {
    const contact = ws().contacts.find((c) => c.notes.data.length === 0)!;
    const data = await ok(CREATE, { id: contact.id, input: { body: "<p>Already HTML</p>" } });
    expect(data.createNote).toMatchObject({ body: "<p>Already HTML</p>", authorId: ws().admins[0]!.id });
    expect(stack.upstream()[0]!.body).toEqual({ body: "<p>Already HTML</p>" });
  });

  it("an unknown contact or admin is NOT_FOUND; an empty body is BAD_USER_INPUT", async () => {
    const contact = ws().contacts[0]!;
    const noContact = await stack.query(CREATE, { id: "000000000000000000000000", input: { body: "x" } });
    expect(noContact.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const noAdmin = await stack.query(CREATE, { id: contact.id, input: { body: "x", adminId: "1" } });
    expect(noAdmin.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const empty = await stack.query(CREATE, { id: contact.id, input: { body: "" } });
    expect(empty.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const missing = await stack.query(CREATE, { id: contact.id, input: {} });
    expect(missing.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});
