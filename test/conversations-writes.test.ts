import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
// The stack (and so the sandbox's module registry) first: the resource module imports seed.ts, which imports the registry.
import { startStack, type Stack } from "./support/stack.js";
import { assignmentRuleTeam, REDACTED_BODY } from "../src/sandbox/resources/conversations.js";

/** createConversation, participants, redaction and assignment rules: each write answers, then reads back. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const FIELDS = `id state teamAssigneeId teamAssignee { id name } contactIds contacts { id email role }
  source { id body redacted author { __typename id } }
  conversationParts { totalCount nodes { id partType body redacted authorType assignedToType assignedToId author { __typename } } }`;

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

async function readBack(id: string) {
  const res = await stack.query(`query ($id: ID!) { conversation(id: $id) { ${FIELDS} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data.conversation;
}

function expectBadInput(res: { data?: any; errors?: any[] }, field: string) {
  expect(res.data?.[field]).toBeNull();
  expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
}

describe("createConversation", () => {
  const CREATE = `mutation ($input: CreateConversationInput!) {
    createConversation(input: $input) { type id createdAt subject body messageType conversationId conversation { ${FIELDS} } }
  }`;

  it("a contact starts a conversation: the message answers, its conversation is retrievable by id and listed", async () => {
    const contact = ws().contacts.find((c) => c.role === "lead")!;
    const res = await stack.query(CREATE, { input: { from: { type: "LEAD", id: contact.id }, body: "Hi, is anyone there?" } });
    expect(res.errors).toBeUndefined();
    const message = res.data.createConversation;
    expect(message).toMatchObject({ type: "user_message", body: "Hi, is anyone there?", messageType: "INAPP", subject: null });
    expect(message.conversation).toMatchObject({
      id: message.conversationId,
      state: "OPEN",
      contactIds: [contact.id],
      source: { id: message.id, body: "Hi, is anyone there?", author: { __typename: "Contact", id: contact.id } },
    });
    expect(stack.upstream()[0]).toMatchObject({ method: "POST", path: "/conversations", body: { from: { type: "lead", id: contact.id }, body: "Hi, is anyone there?" } });
    expect(calls()).toContain(`GET /conversations/${message.conversationId}`); // read by id, never by search

    const again = await readBack(message.conversationId);
    expect(again.source.body).toBe("Hi, is anyone there?");
    const listed = await stack.query(`{ conversations(first: 3) { nodes { id } } }`);
    expect(listed.data.conversations.nodes.map((c: any) => c.id)).toContain(message.conversationId);
  });

  it("rejects a user id that is not 24 hex characters before any upstream call; unknown contacts are NOT_FOUND", async () => {
    const bad = await stack.query(CREATE, { input: { from: { type: "USER", id: "123_doesnt_exist" }, body: "Hello" } });
    expectBadInput(bad, "createConversation");
    expect(stack.upstream()).toHaveLength(0);
    const missing = await stack.query(CREATE, { input: { from: { type: "USER", id: "0123456789abcdef01234567" }, body: "Hello" } });
    expect(missing.data.createConversation).toBeNull();
    expect(missing.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { status: 404 } });
  });
});

describe("attachContactToConversation and detachContactFromConversation", () => {
  const ATTACH = `mutation ($id: ID!, $input: AttachContactToConversationInput!) { attachContactToConversation(id: $id, input: $input) { ${FIELDS} } }`;
  const DETACH = `mutation ($id: ID!, $contactId: ID!, $input: DetachContactFromConversationInput!) {
    detachContactFromConversation(id: $id, contactId: $contactId, input: $input) { ${FIELDS} } }`;

  it("attach by id, by email (an unknown email becomes a lead), then detach; reads agree", async () => {
    const conversation = ws().conversations.find((c) => c.contacts.contacts.length === 1 && c.id !== "10008")!;
    const original = conversation.contacts.contacts[0]!.id;
    const extra = ws().contacts.find((c) => c.id !== original)!;
    const admin = ws().admins[2]!;

    const attached = await stack.query(ATTACH, { id: conversation.id, input: { adminId: admin.id, customer: { intercomUserId: extra.id } } });
    expect(attached.errors).toBeUndefined();
    expect(attached.data.attachContactToConversation.contactIds).toEqual([original, extra.id]);
    expect(attached.data.attachContactToConversation.contacts.map((c: any) => c.id)).toEqual([original, extra.id]);
    expect(attached.data.attachContactToConversation.conversationParts.nodes.at(-1)).toMatchObject({ partType: "participant_added", author: { __typename: "Admin" } });

    const byEmail = await stack.query(ATTACH, { id: conversation.id, input: { adminId: admin.id, customer: { email: "new.participant@example.org" } } });
    expect(byEmail.errors).toBeUndefined();
    const lead = byEmail.data.attachContactToConversation.contacts.find((c: any) => c.email === "new.participant@example.org");
    expect(lead).toMatchObject({ role: "LEAD" });

    const detached = await stack.query(DETACH, { id: conversation.id, contactId: extra.id, input: { adminId: admin.id } });
    expect(detached.errors).toBeUndefined();
    expect(detached.data.detachContactFromConversation.contactIds).toEqual([original, lead.id]);
    expect(stack.upstream().find((r) => r.method === "DELETE")).toMatchObject({ method: "DELETE", path: `/conversations/${conversation.id}/customers/${extra.id}`, body: { admin_id: admin.id } });
    expect((await readBack(conversation.id)).contactIds).toEqual([original, lead.id]);
  });

  it("the last contact cannot be detached (BAD_USER_INPUT, parameter_invalid); a non-participant is NOT_FOUND", async () => {
    const conversation = ws().conversations.find((c) => c.contacts.contacts.length === 1 && c.id !== "10008")!;
    const only = conversation.contacts.contacts[0]!.id;
    const admin = ws().admins[0]!;
    const last = await stack.query(DETACH, { id: conversation.id, contactId: only, input: { adminId: admin.id } });
    expectBadInput(last, "detachContactFromConversation");
    expect(last.errors![0]!.extensions!.intercom.errors[0]).toMatchObject({ code: "parameter_invalid", message: "Removing the last customer is not allowed" });
    const stranger = ws().contacts.find((c) => c.id !== only)!;
    const missing = await stack.query(DETACH, { id: conversation.id, contactId: stranger.id, input: { adminId: admin.id } });
    expect(missing.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("a customer named twice or not at all is rejected before any upstream call", async () => {
    const conversation = ws().conversations[0]!;
    const admin = ws().admins[0]!;
    const both = await stack.query(ATTACH, { id: conversation.id, input: { adminId: admin.id, customer: { email: "a@b.co", userId: "usr_1" } } });
    const none = await stack.query(ATTACH, { id: conversation.id, input: { adminId: admin.id, customer: {} } });
    expectBadInput(both, "attachContactToConversation");
    expectBadInput(none, "attachContactToConversation");
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe("redactConversationPart", () => {
  const REDACT = `mutation ($input: RedactConversationInput!) { redactConversationPart(input: $input) { ${FIELDS} } }`;

  it("redacts a part, then the contact-written source; reads show them redacted", async () => {
    const conversation = ws().conversations.find((c) => c.source.author.type === "user" && c.conversation_parts.conversation_parts.some((p) => p.body))!;
    const part = conversation.conversation_parts.conversation_parts.find((p) => p.body)!;
    const res = await stack.query(REDACT, { input: { type: "CONVERSATION_PART", conversationId: conversation.id, conversationPartId: part.id } });
    expect(res.errors).toBeUndefined();
    expect(res.data.redactConversationPart.conversationParts.nodes.find((p: any) => p.id === part.id)).toMatchObject({ redacted: true, body: REDACTED_BODY });
    expect(stack.upstream()[0]!.body).toEqual({ type: "conversation_part", conversation_id: conversation.id, conversation_part_id: part.id });

    const source = await stack.query(REDACT, { input: { type: "SOURCE", conversationId: conversation.id, sourceId: conversation.source.id } });
    expect(source.errors).toBeUndefined();
    expect(source.data.redactConversationPart.source).toMatchObject({ redacted: true, body: REDACTED_BODY });
    const again = await readBack(conversation.id);
    expect(again.source.redacted).toBe(true);
    expect(again.conversationParts.nodes.find((p: any) => p.id === part.id).redacted).toBe(true);
  });

  it("a source written by an admin is not redactable; a missing part is NOT_FOUND; a mismatched input never goes upstream", async () => {
    const byAdmin = ws().conversations.find((c) => c.source.author.type === "admin")!;
    const notRedactable = await stack.query(REDACT, { input: { type: "SOURCE", conversationId: byAdmin.id, sourceId: byAdmin.source.id } });
    expectBadInput(notRedactable, "redactConversationPart");
    expect(notRedactable.errors![0]!.extensions!.intercom.errors[0].code).toBe("conversation_part_not_redactable");
    const missing = await stack.query(REDACT, { input: { type: "CONVERSATION_PART", conversationId: byAdmin.id, conversationPartId: "1" } });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { errors: [{ code: "conversation_part_or_message_not_found" }] } });
    stack.resetUpstream();
    const mismatched = await stack.query(REDACT, { input: { type: "SOURCE", conversationId: byAdmin.id, conversationPartId: "1" } });
    expectBadInput(mismatched, "redactConversationPart");
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe("runAssignmentRules", () => {
  it("the Operator assigns by the workspace's rules; the read agrees", async () => {
    const conversation = ws().conversations[11]!;
    const expectedTeam = assignmentRuleTeam(ws(), conversation);
    const res = await stack.query(`mutation ($id: ID!) { runAssignmentRules(id: $id) { ${FIELDS} } }`, { id: conversation.id });
    expect(res.errors).toBeUndefined();
    const result = res.data.runAssignmentRules;
    expect(result.teamAssigneeId).toBe(expectedTeam);
    expect(result.teamAssignee.id).toBe(expectedTeam);
    expect(result.conversationParts.nodes.at(-1)).toMatchObject({ partType: "default_assignment", authorType: "bot", assignedToType: "team", assignedToId: expectedTeam, author: { __typename: "Bot" } });
    expect((await readBack(conversation.id)).teamAssigneeId).toBe(expectedTeam);
  });

  it("an unknown conversation is NOT_FOUND", async () => {
    const res = await stack.query(`mutation { runAssignmentRules(id: "999999") { id } }`);
    expect(res.data.runAssignmentRules).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("a created conversation under search-index lag", () => {
  let lagged: Stack;
  beforeAll(async () => {
    lagged = await startStack({ sandbox: { searchIndexLagMs: 60_000 } });
  });
  afterAll(() => lagged.close());

  it("is read by id and listed at once, while the contact's (search-based) conversations do not show it yet", async () => {
    const contact = lagged.sandbox.workspace.contacts.find((c) => c.role === "user")!;
    const created = await lagged.query(
      `mutation ($input: CreateConversationInput!) { createConversation(input: $input) { conversationId conversation { id source { body } } } }`,
      { input: { from: { type: "USER", id: contact.id }, body: "Is the API down?" } },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createConversation.conversationId;
    expect(created.data.createConversation.conversation).toEqual({ id, source: { body: "Is the API down?" } });
    const read = await lagged.query(
      `query ($contact: ID!) { conversations(first: 1) { nodes { id } } contact(id: $contact) { conversations(first: 50) { nodes { id } } } }`,
      { contact: contact.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.conversations.nodes).toEqual([{ id }]);
    expect(read.data.contact.conversations.nodes.map((n: any) => n.id)).not.toContain(id);
  });
});
