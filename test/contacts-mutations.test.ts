import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Each contact write returns the changed object, and the next read sees it. */
let stack: Stack;
beforeAll(async () => {
  // Search lags behind writes, as Intercom's does: reads after a write must go by id.
  stack = await startStack({ sandbox: { searchIndexLagMs: 60_000 } });
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const FIELDS = `id externalId role email emailDomain name phone ownerId owner { id name } unsubscribedFromEmails signedUpAt customAttributes avatar { imageUrl } tagIds noteIds companyIds`;

async function readBack(id: string) {
  return stack.query(`query ($id: ID!) { contact(id: $id) { ${FIELDS} } }`, { id });
}

const CREATE = `mutation ($input: CreateContactInput!) { createContact(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { ${FIELDS} } }`;

describe("createContact", () => {
  it("creates a user with every attribute, readable by id at once (search has not indexed it yet)", async () => {
    const owner = ws().admins[3]!;
    const res = await stack.query(CREATE, {
      input: {
        email: "new.user@northwind.example",
        externalId: "ext-created-1",
        name: "New User",
        phone: "+14155550100",
        avatar: "https://example.org/a.png",
        signedUpAt: "2026-09-01T10:00:00.000Z",
        ownerId: owner.id,
        unsubscribedFromEmails: true,
        customAttributes: { plan: "growth", seats: 4 },
      },
    });
    expect(res.errors).toBeUndefined();
    const created = res.data.createContact;
    expect(created).toMatchObject({
      role: "USER",
      email: "new.user@northwind.example",
      emailDomain: "northwind.example",
      externalId: "ext-created-1",
      ownerId: owner.id,
      owner: { id: owner.id, name: owner.name },
      signedUpAt: "2026-09-01T10:00:00.000Z",
      avatar: { imageUrl: "https://example.org/a.png" },
      customAttributes: { plan: "growth", seats: 4 },
      tagIds: [],
    });
    expect(stack.upstream()[0]!.body).toEqual({
      email: "new.user@northwind.example",
      external_id: "ext-created-1",
      name: "New User",
      phone: "+14155550100",
      avatar: "https://example.org/a.png",
      signed_up_at: Date.UTC(2026, 8, 1, 10) / 1000,
      owner_id: Number(owner.id),
      unsubscribed_from_emails: true,
      custom_attributes: { plan: "growth", seats: 4 },
    });

    stack.resetUpstream();
    const again = await readBack(created.id);
    expect(again.errors).toBeUndefined();
    expect(again.data.contact).toEqual(created);
    expect(calls()).toEqual([`GET /contacts/${created.id}`, "GET /admins"]);
  });

  it("creates a lead from its role alone", async () => {
    const res = await stack.query(CREATE, { input: { role: "LEAD" } });
    expect(res.errors).toBeUndefined();
    expect(res.data.createContact).toMatchObject({ role: "LEAD", email: null, externalId: null });
  });

  it("rejects an input with none of email, externalId or role before any upstream call", async () => {
    const res = await stack.query(CREATE, { input: { name: "Nobody" } });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });

  it("answers CONFLICT for an email a user already has, and BAD_USER_INPUT for an unknown owner", async () => {
    const existing = ws().contacts.find((c) => c.role === "user")!;
    const dup = await stack.query(CREATE, { input: { email: existing.email } });
    expect(dup.data.createContact).toBeNull();
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", intercom: { errors: [{ code: "conflict" }] } });
    const bad = await stack.query(CREATE, { input: { email: "owner.less@northwind.example", ownerId: "1" } });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("updateContact", () => {
  it("changes the given fields, clears explicit nulls, and a read in the same request sees the change", async () => {
    const c = ws().contacts.find((x) => x.role === "user" && x.phone !== null && x.owner_id !== null)!;
    const res = await stack.query(
      `mutation ($id: ID!, $input: UpdateContactInput!) {
        updateContact(id: $id, input: $input) { ${FIELDS} }
      }`,
      { id: c.id, input: { name: "Renamed Contact", phone: null, ownerId: null, customAttributes: { vip: true } } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateContact).toMatchObject({ id: c.id, name: "Renamed Contact", phone: null, ownerId: null, owner: null });
    expect(res.data.updateContact.customAttributes.vip).toBe(true);
    expect(stack.upstream()[0]!.body).toEqual({ name: "Renamed Contact", phone: null, owner_id: null, custom_attributes: { vip: true } });
    const again = await readBack(c.id);
    expect(again.data.contact).toMatchObject({ name: "Renamed Contact", phone: null });
  });

  it("turns a lead into a user", async () => {
    const lead = ws().contacts.find((x) => x.role === "lead")!;
    const res = await stack.query(UPDATE, { id: lead.id, input: { role: "USER", externalId: "promoted-lead-1" } });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateContact).toMatchObject({ role: "USER", externalId: "promoted-lead-1" });
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    const res = await stack.query(UPDATE, { id: "000000000000000000000000", input: { name: "x" } });
    expect(res.data.updateContact).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("deleteContact", () => {
  it("deletes, then reads answer NOT_FOUND", async () => {
    const c = ws().contacts[12]!;
    const res = await stack.query(`mutation ($id: ID!) { deleteContact(id: $id) { id externalId deleted } }`, { id: c.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteContact).toEqual({ id: c.id, externalId: c.external_id, deleted: true });
    const again = await readBack(c.id);
    expect(again.data.contact).toBeNull();
    expect(again.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("a link read later in the same request does not see a cached copy of the deleted contact", async () => {
    const conversation = ws().conversations.find((x) => x.contacts.contacts.length === 1)!;
    const id = conversation.contacts.contacts[0]!.id;
    const res = await stack.query(
      `mutation ($id: ID!, $conversation: ID!) {
        updateContact(id: $id, input: { name: "Soon gone" }) { id }
        deleteContact(id: $id) { deleted }
        updateConversation(id: $conversation, input: { read: true }) { contactIds contacts { id } }
      }`,
      { id, conversation: conversation.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteContact.deleted).toBe(true);
    expect(res.data.updateConversation).toEqual({ contactIds: [id], contacts: [] });
  });
});

describe("loader priming", () => {
  it("a link read after updateContact in the same request sees the written contact without another call", async () => {
    const conversation = ws().conversations.find((x) => x.contacts.contacts.length === 1 && x.state === "open")!;
    const id = conversation.contacts.contacts[0]!.id;
    const res = await stack.query(
      `mutation ($id: ID!, $conversation: ID!) {
        updateContact(id: $id, input: { name: "Primed Name" }) { id }
        updateConversation(id: $conversation, input: { read: true }) { contacts { id name } }
      }`,
      { id, conversation: conversation.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateConversation.contacts).toEqual([{ id, name: "Primed Name" }]);
    expect(calls()).toEqual([`PUT /contacts/${id}`, `PUT /conversations/${conversation.id}`]);
  });
});

describe("mergeContacts", () => {
  it("merges a lead into a user: the user gains the lead's tags, the lead answers NOT_FOUND", async () => {
    const lead = ws().contacts.find((c) => c.role === "lead" && c.tags.data.length > 0)!;
    const user = ws().contacts.find((c) => c.role === "user" && c.tags.data.length === 0)!;
    const res = await stack.query(`mutation ($input: MergeContactsInput!) { mergeContacts(input: $input) { id role tagIds } }`, {
      input: { from: lead.id, into: user.id },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.mergeContacts).toMatchObject({ id: user.id, role: "USER" });
    expect(res.data.mergeContacts.tagIds).toEqual(lead.tags.data.map((t) => t.id));
    expect(stack.upstream()[0]!.body).toEqual({ from: lead.id, into: user.id });
    const gone = await readBack(lead.id);
    expect(gone.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("rejects merging a user (BAD_USER_INPUT from Intercom) and merging a contact into itself (before any call)", async () => {
    const [a, b] = ws().contacts.filter((c) => c.role === "user");
    const res = await stack.query(`mutation ($input: MergeContactsInput!) { mergeContacts(input: $input) { id } }`, { input: { from: a!.id, into: b!.id } });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    stack.resetUpstream();
    const self = await stack.query(`mutation ($input: MergeContactsInput!) { mergeContacts(input: $input) { id } }`, { input: { from: a!.id, into: a!.id } });
    expect(self.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe("archiveContact / unarchiveContact", () => {
  it("archives (reads then answer NOT_FOUND, lists leave it out) and unarchives (the contact is back, read by id)", async () => {
    const c = ws().contacts[20]!;
    const archived = await stack.query(`mutation ($id: ID!) { archiveContact(id: $id) { id externalId archived } }`, { id: c.id });
    expect(archived.errors).toBeUndefined();
    expect(archived.data.archiveContact).toEqual({ id: c.id, externalId: c.external_id, archived: true });
    expect((await readBack(c.id)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const listed = await stack.query(`{ contacts(first: 150) { totalCount } }`);
    expect(listed.data.contacts.totalCount).toBe(ws().contacts.length);

    stack.resetUpstream();
    const back = await stack.query(`mutation ($id: ID!) { unarchiveContact(id: $id) { id archived contact { id email } } }`, { id: c.id });
    expect(back.errors).toBeUndefined();
    expect(back.data.unarchiveContact).toEqual({ id: c.id, archived: false, contact: { id: c.id, email: c.email } });
    expect(calls()).toEqual([`POST /contacts/${c.id}/unarchive`, `GET /contacts/${c.id}`]);
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    const res = await stack.query(`mutation { archiveContact(id: "000000000000000000000000") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
