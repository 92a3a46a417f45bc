import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** createMessage (in-app and email, from an admin to a contact) and createPhoneSwitch over the graph. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;

const CREATE = `mutation ($input: CreateMessageInput!) {
  createMessage(input: $input) {
    type id createdAt subject body messageType conversationId ownerId owner { id name }
    conversation { id state contactIds source { type deliveredAs subject body author { __typename id } } }
  }
}`;

describe("createMessage", () => {
  it("an in-app message without a conversation: the id is reserved, the conversation link is null until the contact replies", async () => {
    const admin = ws().admins[3]!;
    const contact = ws().contacts.find((c) => c.role === "user")!;
    const res = await stack.query(CREATE, {
      input: { messageType: "IN_APP", adminId: admin.id, to: { type: "USER", id: contact.id }, body: "Your export is ready" },
    });
    expect(res.errors).toBeUndefined();
    const message = res.data.createMessage;
    expect(message).toMatchObject({ type: "admin_message", messageType: "INAPP", subject: null, body: "Your export is ready", ownerId: admin.id, owner: { id: admin.id, name: admin.name } });
    expect(message.conversationId).toMatch(/^\d+$/);
    expect(message.conversation).toBeNull();
    expect(stack.upstream()[0]).toMatchObject({
      method: "POST",
      path: "/messages",
      body: { message_type: "in_app", from: { type: "admin", id: Number(admin.id) }, to: { type: "user", id: contact.id }, create_conversation_without_contact_reply: false },
    });
    expect(ws().messages.at(-1)).toMatchObject({ id: message.id, to: { id: contact.id } });
  });

  it("an email with createConversationWithoutContactReply opens a conversation, readable by id", async () => {
    const admin = ws().admins[4]!;
    const lead = ws().contacts.find((c) => c.role === "lead")!;
    const res = await stack.query(CREATE, {
      input: {
        messageType: "EMAIL",
        adminId: admin.id,
        to: { type: "LEAD", id: lead.id },
        subject: "Your invoice",
        body: "<p>Attached is your invoice.</p>",
        createConversationWithoutContactReply: true,
      },
    });
    expect(res.errors).toBeUndefined();
    const message = res.data.createMessage;
    expect(message).toMatchObject({ messageType: "EMAIL", subject: "Your invoice" });
    expect(message.conversation).toMatchObject({
      id: message.conversationId,
      state: "OPEN",
      contactIds: [lead.id],
      source: { type: "EMAIL", deliveredAs: "admin_initiated", subject: "Your invoice", author: { __typename: "Admin", id: admin.id } },
    });
    expect(stack.upstream()[0]!.body).toMatchObject({ template: "plain", subject: "Your invoice", create_conversation_without_contact_reply: true });
    const read = await stack.query(`query ($id: ID!) { conversation(id: $id) { id source { body } } }`, { id: message.conversationId });
    expect(read.data.conversation.source.body).toBe("<p>Attached is your invoice.</p>");
  });

  it("an email without a subject, or a non-numeric admin id, is rejected before any upstream call", async () => {
    const contact = ws().contacts[0]!;
    const noSubject = await stack.query(CREATE, { input: { messageType: "EMAIL", adminId: ws().admins[0]!.id, to: { type: "USER", id: contact.id }, body: "hey there" } });
    const badAdmin = await stack.query(CREATE, { input: { messageType: "IN_APP", adminId: "ava", to: { type: "USER", id: contact.id }, body: "hey" } });
    for (const res of [noSubject, badAdmin]) {
      expect(res.data.createMessage).toBeNull();
      expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    }
    expect(stack.upstream()).toHaveLength(0);
  });

  it("a blank body is BAD_USER_INPUT from Intercom; an unknown contact NOT_FOUND", async () => {
    const admin = ws().admins[0]!;
    const blank = await stack.query(CREATE, { input: { messageType: "IN_APP", adminId: admin.id, to: { type: "USER", id: ws().contacts[0]!.id }, body: " " } });
    expect(blank.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", intercom: { errors: [{ code: "parameter_invalid", message: "Body is required" }] } });
    const unknown = await stack.query(CREATE, { input: { messageType: "IN_APP", adminId: admin.id, to: { type: "USER", id: "0123456789abcdef01234567" }, body: "hi" } });
    expect(unknown.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("createPhoneSwitch", () => {
  const SWITCH = `mutation ($input: CreatePhoneSwitchInput!) { createPhoneSwitch(input: $input) { phone url } }`;

  it("sends the SMS and sets the custom attributes on the contact with that phone", async () => {
    const contact = ws().contacts.find((c) => c.formatted_phone)!;
    const res = await stack.query(SWITCH, { input: { phone: contact.formatted_phone, customAttributes: { issue_type: "Billing", priority: "High" } } });
    expect(res.errors).toBeUndefined();
    expect(res.data.createPhoneSwitch.phone).toBe(contact.formatted_phone);
    expect(res.data.createPhoneSwitch.url).toBeNull(); // the 2.11 phone_switch has no url, so the sandbox sends none
    expect(stack.upstream()[0]).toMatchObject({ method: "POST", path: "/phone_call_redirects", body: { phone: contact.formatted_phone, custom_attributes: { issue_type: "Billing", priority: "High" } } });
    const read = await stack.query(`query ($id: ID!) { contact(id: $id) { customAttributes } }`, { id: contact.id });
    expect(read.data.contact.customAttributes).toMatchObject({ issue_type: "Billing", priority: "High" });
  });

  it("an invalid number is BAD_USER_INPUT with Intercom's error key; nested attribute values never go upstream", async () => {
    const invalid = await stack.query(SWITCH, { input: { phone: "0832345678" } });
    expect(invalid.data.createPhoneSwitch).toBeNull();
    expect(invalid.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      intercom: { status: 400, errors: [{ code: "invalid_phone_number", message: "Invalid phone number" }] },
    });
    stack.resetUpstream();
    const nested = await stack.query(SWITCH, { input: { phone: "+353832345678", customAttributes: { address: { city: "Dublin" } } } });
    expect(nested.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });
});
