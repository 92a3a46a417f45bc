// Contract test: the sandbox's conversation writes, messages and phone switch, validated
// against the 200 (and error) response schemas of the Intercom 2.11 OpenAPI document.
import { describe, expect, it } from "vitest";
import { contractSuite, specExists, warnIfSpecMissing } from "./support/openapi.js";

warnIfSpecMissing("sandbox-contract-conversations");

describe.skipIf(!specExists)("sandbox conversations, messages and switch ⇄ Intercom 2.11 response schemas", () => {
  const suite = contractSuite();

  const { call, check, checkError } = suite;

  const user = () => suite.sandbox.workspace.contacts.find((c) => c.role === "user")!;
  const lead = () => suite.sandbox.workspace.contacts.find((c) => c.role === "lead")!;
  const admin = () => suite.sandbox.workspace.admins[1]!;

  it("POST /conversations → message with conversation_id; the conversation is retrievable and listed", async () => {
    const body = await check("POST", "/conversations", "/conversations", { from: { type: "user", id: user().id }, body: "Hello there" });
    expect(body).toMatchObject({ type: "user_message", body: "Hello there", message_type: "inapp" });
    const conversation = await check("GET", "/conversations/{conversation_id}", `/conversations/${body.conversation_id}`);
    expect(conversation.source).toMatchObject({ id: body.id, delivered_as: "customer_initiated", author: { id: user().id, type: "user" } });
    expect(conversation.contacts.contacts.map((c: any) => c.id)).toEqual([user().id]);
    const listed = await check("GET", "/conversations", "/conversations?per_page=5");
    expect(listed.conversations[0].id).toBe(body.conversation_id); // most recently updated first
    const searched = await check("POST", "/conversations/search", "/conversations/search", {
      query: { field: "contact_ids", operator: "=", value: user().id },
    });
    expect(searched.conversations.map((c: any) => c.id)).toContain(body.conversation_id);
  });

  it("POST /conversations errors: unknown contact 404, missing body 400", async () => {
    await checkError("POST", "/conversations", 404, "not_found", { from: { type: "user", id: "123_doesnt_exist" }, body: "Hello" });
    await checkError("POST", "/conversations", 400, "parameter_invalid", { from: { type: "lead", id: lead().id } });
    await checkError("POST", "/conversations", 400, "parameter_not_found", { body: "Hello" });
  });

  it("POST /conversations/{id}/customers and DELETE …/customers/{contact_id} → conversation", async () => {
    const c = suite.sandbox.workspace.conversations.find((x) => x.contacts.contacts.length === 1)!;
    const extra = suite.sandbox.workspace.contacts.find((x) => !c.contacts.contacts.some((r) => r.id === x.id))!;
    const attached = await check("POST", "/conversations/{conversation_id}/customers", `/conversations/${c.id}/customers`, {
      admin_id: admin().id,
      customer: { intercom_user_id: extra.id },
    });
    expect(attached.contacts.contacts.map((r: any) => r.id)).toContain(extra.id);
    expect(attached.conversation_parts.conversation_parts.at(-1).part_type).toBe("participant_added");

    const byEmail = await check("POST", "/conversations/{conversation_id}/customers", `/conversations/${c.id}/customers`, {
      admin_id: Number(admin().id), // the document's examples send integers
      customer: { email: "brand.new.lead@example.org" },
    });
    const created = suite.sandbox.workspace.contacts.find((x) => x.email === "brand.new.lead@example.org")!;
    expect(created.role).toBe("lead");
    expect(byEmail.contacts.contacts.map((r: any) => r.id)).toContain(created.id);

    const detached = await check("DELETE", "/conversations/{conversation_id}/customers/{contact_id}", `/conversations/${c.id}/customers/${extra.id}`, {
      admin_id: admin().id,
    });
    expect(detached.contacts.contacts.map((r: any) => r.id)).not.toContain(extra.id);
    await call("DELETE", `/conversations/${c.id}/customers/${created.id}`, { admin_id: admin().id });
    await checkError("DELETE", `/conversations/${c.id}/customers/${c.contacts.contacts[0]!.id}`, 422, "parameter_invalid", { admin_id: admin().id });
    await checkError("DELETE", `/conversations/${c.id}/customers/${extra.id}`, 404, "not_found", { admin_id: admin().id });
    await checkError("POST", `/conversations/999999/customers`, 404, "not_found", { admin_id: admin().id, customer: { intercom_user_id: extra.id } });
    await checkError("POST", `/conversations/${c.id}/customers`, 400, "parameter_not_found", { admin_id: admin().id, customer: {} });
  });

  it("POST /conversations/redact → conversation with the part (or source) redacted", async () => {
    const c = suite.sandbox.workspace.conversations.find((x) => x.source.author.type === "user" && x.conversation_parts.conversation_parts.some((p) => p.body))!;
    const part = c.conversation_parts.conversation_parts.find((p) => p.body)!;
    const redacted = await check("POST", "/conversations/redact", "/conversations/redact", { type: "conversation_part", conversation_id: c.id, conversation_part_id: part.id });
    expect(redacted.conversation_parts.conversation_parts.find((p: any) => p.id === part.id)).toMatchObject({ redacted: true });
    const source = await check("POST", "/conversations/redact", "/conversations/redact", { type: "source", conversation_id: c.id, source_id: c.source.id });
    expect(source.source.redacted).toBe(true);
    await checkError("POST", "/conversations/redact", 404, "conversation_part_or_message_not_found", { type: "conversation_part", conversation_id: "really_123_doesnt_exist", conversation_part_id: "1" });
    const bodiless = c.conversation_parts.conversation_parts.find((p) => p.body === null);
    if (bodiless) {
      await checkError("POST", "/conversations/redact", 400, "conversation_part_not_redactable", { type: "conversation_part", conversation_id: c.id, conversation_part_id: bodiless.id });
    }
    const byAdmin = suite.sandbox.workspace.conversations.find((x) => x.source.author.type === "admin")!;
    await checkError("POST", "/conversations/redact", 400, "conversation_part_not_redactable", { type: "source", conversation_id: byAdmin.id, source_id: byAdmin.source.id });
  });

  it("POST /conversations/{id}/run_assignment_rules → conversation assigned by the Operator", async () => {
    const c = suite.sandbox.workspace.conversations[3]!;
    const body = await check("POST", "/conversations/{conversation_id}/run_assignment_rules", `/conversations/${c.id}/run_assignment_rules`);
    const last = body.conversation_parts.conversation_parts.at(-1);
    expect(last).toMatchObject({ part_type: "default_assignment", author: { type: "bot" } });
    expect(String(body.team_assignee_id)).toBe(last.assigned_to.id);
    await checkError("POST", "/conversations/999999/run_assignment_rules", 404, "not_found");
  });

  it("POST /messages → message (in-app and email, with and without a conversation)", async () => {
    const inapp = await check("POST", "/messages", "/messages", {
      message_type: "in_app",
      body: "Your export is ready",
      from: { type: "admin", id: Number(admin().id) },
      to: { type: user().role, id: user().id },
    });
    expect(inapp).toMatchObject({ type: "admin_message", message_type: "inapp", subject: "" });
    expect((await call("GET", `/conversations/${inapp.conversation_id}`)).status).toBe(404); // none until the contact replies

    const email = await check("POST", "/messages", "/messages", {
      message_type: "email",
      subject: "Your invoice",
      body: "Attached is your invoice",
      template: "plain",
      from: { type: "admin", id: admin().id },
      to: { type: lead().role, id: lead().id },
      create_conversation_without_contact_reply: true,
    });
    expect(email).toMatchObject({ message_type: "email", subject: "Your invoice" });
    const conversation = await check("GET", "/conversations/{conversation_id}", `/conversations/${email.conversation_id}`);
    expect(conversation.source).toMatchObject({ type: "email", delivered_as: "admin_initiated", id: email.id });

    const fromContact = await check("POST", "/messages", "/messages", { from: { type: "lead", id: lead().id }, body: "heyy" });
    expect(fromContact.type).toBe("user_message");
  });

  it("POST /messages errors: no body 400, email without subject 422, unknown contact 404", async () => {
    const to = { type: "user", id: user().id };
    const from = { type: "admin", id: admin().id };
    await checkError("POST", "/messages", 400, "parameter_invalid", { message_type: "inapp", from, to, body: null, subject: "heyy" });
    await checkError("POST", "/messages", 422, "parameter_not_found", { message_type: "email", from, to, body: "hey there", template: "plain" });
    await checkError("POST", "/messages", 404, "not_found", { message_type: "in_app", from, to: { type: "user", id: "000000000000000000000000" }, body: "x" });
    await checkError("POST", "/messages", 400, "parameter_invalid", { message_type: "sms", from, to, body: "x" });
  });

  it("POST /phone_call_redirects → phone_switch; custom attributes land on the contact", async () => {
    const contact = suite.sandbox.workspace.contacts.find((c) => c.formatted_phone)!;
    const body = await check("POST", "/phone_call_redirects", "/phone_call_redirects", {
      phone: contact.formatted_phone,
      custom_attributes: { issue_type: "Billing", priority: "High" },
    });
    expect(body).toMatchObject({ type: "phone_call_redirect", phone: contact.formatted_phone });
    expect(contact.custom_attributes).toMatchObject({ issue_type: "Billing", priority: "High" });
    const spaced = await check("POST", "/phone_call_redirects", "/phone_call_redirects", { phone: "+353 83 234 5678" });
    expect(spaced.phone).toBe("+353832345678");
    const invalid = await call("POST", "/phone_call_redirects", { phone: "0832345678" });
    expect({ status: invalid.status, body: invalid.body }).toEqual({ status: 400, body: { error_key: "invalid_phone_number", message: "Invalid phone number" } });
    await checkError("POST", "/phone_call_redirects", 400, "parameter_not_found", {});
  });
});
