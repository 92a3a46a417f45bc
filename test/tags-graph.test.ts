import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Tag reads and writes through the graph, each write read back. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const TAG = "id name appliedAt appliedById appliedBy { id name }";

async function ok(query: string, variables?: Record<string, unknown>) {
  const res = await stack.query(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

async function failure(query: string, variables?: Record<string, unknown>) {
  const res = await stack.query(query, variables);
  expect(res.errors?.length, JSON.stringify(res.data)).toBeGreaterThan(0);
  return res.errors![0]!;
}

const readTag = (id: string) => stack.query(`query ($id: ID!) { tag(id: $id) { id name } }`, { id });
const contactTagIds = async (contactId: string) =>
  (await ok(`query ($id: ID!) { contactTags(contactId: $id) { nodes { id } } }`, { id: contactId })).contactTags.nodes.map((t: any) => t.id);
const conversationTagIds = async (id: string) =>
  (await ok(`query ($id: ID!) { conversation(id: $id) { tags { id } } }`, { id })).conversation.tags.map((t: any) => t.id);

describe("tag reads", () => {
  it("tags pages the workspace list from one GET /tags", async () => {
    const first = await ok(`{ tags(first: 4) { totalCount pageInfo { hasNextPage endCursor } nodes { id name appliedAt } } }`);
    expect(first.tags.totalCount).toBe(ws().tags.length);
    expect(first.tags.nodes.map((t: any) => t.id)).toEqual(ws().tags.slice(0, 4).map((t) => t.id));
    expect(first.tags.nodes[0].appliedAt).toBeNull();
    expect(first.tags.pageInfo.hasNextPage).toBe(true);
    const rest = await ok(`query ($after: String) { tags(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage } } }`, {
      after: first.tags.pageInfo.endCursor,
    });
    expect(rest.tags.nodes.map((t: any) => t.id)).toEqual(ws().tags.slice(4).map((t) => t.id));
    expect(rest.tags.pageInfo.hasNextPage).toBe(false);
    expect(calls()).toEqual(["GET /tags", "GET /tags"]);
  });

  it("tag(id) is GET /tags/{tag_id}; an unknown id is NOT_FOUND", async () => {
    const tag = ws().tags[1]!;
    const res = await readTag(tag.id);
    expect(res.data.tag).toEqual({ id: tag.id, name: tag.name });
    expect(calls()).toEqual([`GET /tags/${tag.id}`]);
    const missing = await readTag("1");
    expect(missing.data.tag).toBeNull();
    expect(missing.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("contactTags lists a contact's tags with when and by whom they were applied", async () => {
    const contact = ws().contacts.find((c) => c.tags.data.length >= 2)!;
    const data = await ok(`query ($id: ID!) { contactTags(contactId: $id) { totalCount nodes { ${TAG} } } }`, { id: contact.id });
    expect(data.contactTags.totalCount).toBe(contact.tags.data.length);
    for (const node of data.contactTags.nodes) {
      expect(node.appliedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(node.appliedBy.id).toBe(node.appliedById);
    }
    const missing = await stack.query(`{ contactTags(contactId: "000000000000000000000000") { totalCount } }`);
    expect(missing.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("createOrUpdateTag (POST /tags, all four payloads)", () => {
  const MUTATION = `mutation ($input: CreateOrUpdateTagInput!) { createOrUpdateTag(input: $input) { id name appliedAt } }`;

  it("creates a tag that is then found and listed; the same name (any case) answers the same tag", async () => {
    const { createOrUpdateTag: tag } = await ok(MUTATION, { input: { name: "Renewal Q4" } });
    expect(tag).toMatchObject({ name: "Renewal Q4", appliedAt: null });
    expect(stack.upstream()[0]!.body).toEqual({ name: "Renewal Q4" });
    expect((await readTag(tag.id)).data.tag.name).toBe("Renewal Q4");
    const list = await ok(`{ tags(first: 1000) { nodes { id } } }`);
    expect(list.tags.nodes.map((t: any) => t.id)).toContain(tag.id);
    const again = await ok(MUTATION, { input: { name: "renewal q4" } });
    expect(again.createOrUpdateTag.id).toBe(tag.id);
  });

  it("renames a tag by id, also where conversations hold it", async () => {
    const conversation = ws().conversations.find((c) => c.tags.tags.length > 0)!;
    const tagId = conversation.tags.tags[0]!.id;
    const { createOrUpdateTag: tag } = await ok(MUTATION, { input: { id: tagId, name: "Renamed tag" } });
    expect(tag).toMatchObject({ id: tagId, name: "Renamed tag" });
    expect((await readTag(tagId)).data.tag.name).toBe("Renamed tag");
    const read = await ok(`query ($id: ID!) { conversation(id: $id) { tags { id name } } }`, { id: conversation.id });
    expect(read.conversation.tags).toContainEqual({ id: tagId, name: "Renamed tag" });
  });

  it("tags contacts in bulk (creating the tag); they then list it", async () => {
    const contacts = ws().contacts.filter((c) => c.tags.data.length === 0).slice(0, 3).map((c) => c.id);
    const { createOrUpdateTag: tag } = await ok(MUTATION, { input: { name: "Beta cohort", tagContacts: contacts } });
    expect(stack.upstream()[0]!.body).toEqual({ name: "Beta cohort", users: contacts.map((id) => ({ id })) });
    for (const id of contacts) {
      const read = await ok(`query ($id: ID!) { contact(id: $id) { tagIds tags { nodes { id name } } } }`, { id });
      expect(read.contact.tagIds).toEqual([tag.id]);
      expect(read.contact.tags.nodes).toEqual([{ id: tag.id, name: "Beta cohort" }]);
    }
  });

  it("tags and untags companies by id or company_id", async () => {
    const [a, b] = ws().companies.filter((c) => c.tags.tags.length === 0);
    const tagged = await ok(MUTATION, { input: { name: "Key account", tagCompanies: [{ id: a!.id }, { companyId: b!.company_id }] } });
    const tagId = tagged.createOrUpdateTag.id;
    expect(a!.tags.tags.map((t) => t.id)).toEqual([tagId]);
    expect(b!.tags.tags.map((t) => t.id)).toEqual([tagId]);
    stack.resetUpstream();
    await ok(MUTATION, { input: { name: "Key account", untagCompanies: [{ id: a!.id, companyId: a!.company_id }] } });
    expect(stack.upstream()[0]!.body).toEqual({ name: "Key account", companies: [{ id: a!.id, company_id: a!.company_id, untag: true }] });
    expect(a!.tags.tags).toEqual([]);
    expect(b!.tags.tags.map((t) => t.id)).toEqual([tagId]);
  });

  it("rejects mixed payloads, empty names and companies without ids before any upstream call", async () => {
    const mixed = await failure(MUTATION, { input: { name: "x", id: "9100001", tagContacts: ["abc"] } });
    expect(mixed.extensions!.code).toBe("BAD_USER_INPUT");
    const empty = await failure(MUTATION, { input: { name: "  " } });
    expect(empty.extensions!.code).toBe("BAD_USER_INPUT");
    const anonymous = await failure(MUTATION, { input: { name: "x", tagCompanies: [{}] } });
    expect(anonymous.extensions!.code).toBe("BAD_USER_INPUT");
    expect(calls()).toEqual([]);
  });

  it("passes on Intercom's 404s: unknown company, unknown contact, unknown tag id", async () => {
    const company = await failure(MUTATION, { input: { name: "x", tagCompanies: [{ companyId: "no-such-company" }] } });
    expect(company.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { errors: [{ code: "company_not_found" }] } });
    const contact = await failure(MUTATION, { input: { name: "x", tagContacts: ["000000000000000000000000"] } });
    expect(contact.extensions!.code).toBe("NOT_FOUND");
    const tag = await failure(MUTATION, { input: { name: "x", id: "1" } });
    expect(tag.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("deleteTag", () => {
  it("deletes a tag: later reads are NOT_FOUND and contacts and conversations no longer carry it", async () => {
    const contact = ws().contacts.find((c) => c.tags.data.length === 0 && c.id !== undefined)!;
    const conversation = ws().conversations.find((c) => c.tags.tags.length === 0)!;
    const created = await ok(`mutation { createOrUpdateTag(input: { name: "Short-lived" }) { id } }`);
    const id = created.createOrUpdateTag.id;
    await ok(`mutation ($c: ID!, $t: ID!) { attachTagToContact(contactId: $c, input: { tagId: $t }) { id } }`, { c: contact.id, t: id });
    await ok(`mutation ($c: ID!, $t: ID!, $a: ID!) { attachTagToConversation(conversationId: $c, input: { tagId: $t, adminId: $a }) { id } }`, {
      c: conversation.id,
      t: id,
      a: ws().admins[0]!.id,
    });

    const deleted = await ok(`mutation ($id: ID!) { deleteTag(id: $id) { id deleted } }`, { id });
    expect(deleted.deleteTag).toEqual({ id, deleted: true });
    expect((await readTag(id)).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(await contactTagIds(contact.id)).toEqual([]);
    expect(await conversationTagIds(conversation.id)).toEqual([]);
    const again = await failure(`mutation ($id: ID!) { deleteTag(id: $id) { id } }`, { id });
    expect(again.extensions!.code).toBe("NOT_FOUND");
  });

  it("refuses to delete a tag that segments depend on (BAD_USER_INPUT, tag_has_dependent_objects)", async () => {
    const used = ws().tags.find((t) => ws().tagSegments.has(t.id))!;
    const error = await failure(`mutation ($id: ID!) { deleteTag(id: $id) { id } }`, { id: used.id });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", intercom: { errors: [{ code: "tag_has_dependent_objects" }] } });
    expect((await readTag(used.id)).data.tag.name).toBe(used.name);
  });
});

describe("tagging contacts", () => {
  it("attachTagToContact returns the applied tag; contactTags and Contact.tags then include it", async () => {
    const contact = ws().contacts.find((c) => c.tags.data.length === 1)!;
    const tag = ws().tags.find((t) => t.id !== contact.tags.data[0]!.id && t.name === "Feedback")!;
    const data = await ok(`mutation ($c: ID!, $t: ID!) { attachTagToContact(contactId: $c, input: { tagId: $t }) { ${TAG} } }`, {
      c: contact.id,
      t: tag.id,
    });
    expect(data.attachTagToContact).toMatchObject({ id: tag.id, name: tag.name, appliedById: ws().admins[0]!.id });
    expect(data.attachTagToContact.appliedAt).not.toBeNull();
    expect(data.attachTagToContact.appliedBy.id).toBe(ws().admins[0]!.id);
    expect(stack.upstream()[0]).toMatchObject({ method: "POST", path: `/contacts/${contact.id}/tags`, body: { id: tag.id } });
    expect(await contactTagIds(contact.id)).toContain(tag.id);
    const read = await ok(`query ($id: ID!) { contact(id: $id) { tags { nodes { id } } } }`, { id: contact.id });
    expect(read.contact.tags.nodes.map((t: any) => t.id)).toContain(tag.id);
  });

  it("detachTagFromContact returns the removed tag; reads no longer include it", async () => {
    const contact = ws().contacts.find((c) => c.tags.data.length === 2)!;
    const tagId = contact.tags.data[0]!.id;
    const data = await ok(`mutation ($c: ID!, $t: ID!) { detachTagFromContact(contactId: $c, tagId: $t) { id name } }`, { c: contact.id, t: tagId });
    expect(data.detachTagFromContact.id).toBe(tagId);
    expect(await contactTagIds(contact.id)).not.toContain(tagId);
  });

  it("an unknown tag or contact is NOT_FOUND", async () => {
    const contact = ws().contacts[0]!;
    const tag = await failure(`mutation ($c: ID!) { attachTagToContact(contactId: $c, input: { tagId: "1" }) { id } }`, { c: contact.id });
    expect(tag.extensions!.code).toBe("NOT_FOUND");
    const nobody = await failure(`mutation { detachTagFromContact(contactId: "000000000000000000000000", tagId: "9100001") { id } }`);
    expect(nobody.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("tagging conversations", () => {
  const ATTACH = `mutation ($c: ID!, $input: AttachTagToConversationInput!) { attachTagToConversation(conversationId: $c, input: $input) { ${TAG} } }`;
  const DETACH = `mutation ($c: ID!, $t: ID!, $a: ID!) { detachTagFromConversation(conversationId: $c, tagId: $t, input: { adminId: $a }) { id appliedById } }`;

  it("attachTagToConversation applies the tag as the given admin; the conversation then carries it", async () => {
    const conversation = ws().conversations.find((c) => c.tags.tags.length === 0 && c.id !== "10002")!;
    const tag = ws().tags[5]!;
    const admin = ws().admins[3]!;
    const data = await ok(ATTACH, { c: conversation.id, input: { tagId: tag.id, adminId: admin.id } });
    expect(data.attachTagToConversation).toMatchObject({ id: tag.id, name: tag.name, appliedById: admin.id, appliedBy: { id: admin.id } });
    expect(stack.upstream()[0]!.body).toEqual({ id: tag.id, admin_id: admin.id });
    expect(await conversationTagIds(conversation.id)).toEqual([tag.id]);

    stack.resetUpstream();
    const removed = await ok(DETACH, { c: conversation.id, t: tag.id, a: admin.id });
    expect(removed.detachTagFromConversation).toEqual({ id: tag.id, appliedById: admin.id });
    expect(stack.upstream()[0]).toMatchObject({ method: "DELETE", path: `/conversations/${conversation.id}/tags/${tag.id}`, body: { admin_id: admin.id } });
    expect(await conversationTagIds(conversation.id)).toEqual([]);
  });

  it("adminId is required (BAD_USER_INPUT before any call); unknown conversation, admin or tag are NOT_FOUND", async () => {
    const conversation = ws().conversations[5]!;
    const noAdmin = await failure(ATTACH, { c: conversation.id, input: { tagId: ws().tags[0]!.id } });
    expect(noAdmin.extensions!.code).toBe("BAD_USER_INPUT");
    expect(calls()).toEqual([]);
    const noConversation = await failure(ATTACH, { c: "1", input: { tagId: ws().tags[0]!.id, adminId: ws().admins[0]!.id } });
    expect(noConversation.extensions!.code).toBe("NOT_FOUND");
    const noTag = await failure(ATTACH, { c: conversation.id, input: { tagId: "1", adminId: ws().admins[0]!.id } });
    expect(noTag.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { errors: [{ code: "tag_not_found" }] } });
    const noAdminFound = await failure(ATTACH, { c: conversation.id, input: { tagId: ws().tags[0]!.id, adminId: "1" } });
    expect(noAdminFound.extensions!.code).toBe("NOT_FOUND");
    const notApplied = await failure(DETACH, { c: conversation.id, t: "9100009", a: ws().admins[0]!.id });
    expect(notApplied.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { errors: [{ code: "tag_not_found" }] } });
  });
});
