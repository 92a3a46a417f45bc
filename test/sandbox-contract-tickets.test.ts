// Contract test for the tickets module of the sandbox: every ticket, ticket tag, ticket type and
// ticket type attribute operation, validated against the 2.11 document's 200 (and error) schemas.
import { describe, expect, it } from "vitest";
import { contractSuite, expectValid, specExists, warnIfSpecMissing } from "./support/openapi.js";

warnIfSpecMissing("sandbox-contract-tickets");

describe.skipIf(!specExists)("sandbox tickets ⇄ Intercom 2.11 OpenAPI response schemas", () => {
  const suite = contractSuite();

  const { call, check, checkError } = suite;

  const ws = () => suite.sandbox.workspace;
  const admin = () => ws().admins[0]!.id;
  const customerType = () => ws().ticketTypes.find((t) => t.category === "Customer" && !t.archived)!;

  it("seeds ~6 ticket types of every category and ~120 varied tickets", () => {
    expect(ws().ticketTypes.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ws().ticketTypes.map((t) => t.category))).toEqual(new Set(["Customer", "Back-office", "Tracker"]));
    const dataTypes = new Set(ws().ticketTypes.flatMap((t) => t.ticket_type_attributes.ticket_type_attributes.map((a) => a.data_type)));
    expect(dataTypes.size).toBeGreaterThanOrEqual(6);
    expect(ws().tickets.length).toBeGreaterThanOrEqual(120);
    expect(new Set(ws().tickets.map((t) => t.ticket_state)).size).toBe(4);
    expect(ws().tickets.filter((t) => t.tags.tags.length > 0).length).toBeGreaterThan(20);
    expect(ws().conversations.filter((c) => c.linked_objects.data.some((o) => o.type === "ticket")).length).toBeGreaterThanOrEqual(25);
  });

  it("GET /tickets/{ticket_id} → ticket (every seeded ticket)", async () => {
    const validate = suite.validators.validatorFor("GET", "/tickets/{ticket_id}");
    for (const t of ws().tickets) {
      const res = await call("GET", `/tickets/${t.id}`);
      expectValid(validate, res.body, `GET /tickets/${t.id}`);
    }
    await checkError("GET", "/tickets/999999", 404, "not_found");
  });

  it("POST /tickets/search → ticket_list, with id IN, paging and the ticket_attribute.{id} field", async () => {
    const ids = ws().tickets.slice(0, 30).map((t) => t.id);
    const page = await check("POST", "/tickets/search", "/tickets/search", { query: { field: "id", operator: "IN", value: ids }, pagination: { per_page: 25 } });
    expect(page.tickets).toHaveLength(25);
    expect(page.total_count).toBe(30);
    const rest = await check("POST", "/tickets/search", "/tickets/search", {
      query: { field: "id", operator: "IN", value: ids },
      pagination: { per_page: 25, starting_after: page.pages.next.starting_after },
    });
    expect(rest.tickets).toHaveLength(5);

    const bug = ws().ticketTypes.find((t) => t.name === "Bug Report")!;
    const severity = bug.ticket_type_attributes.ticket_type_attributes.find((a) => a.name === "Severity")!;
    const s1 = (severity.input_options.list_options as { id: string }[])[0]!.id;
    const bySeverity = await check("POST", "/tickets/search", "/tickets/search", { query: { field: `ticket_attribute.${severity.id}`, operator: "=", value: s1 } });
    const expected = ws().tickets.filter((t) => t.ticket_attributes.Severity === s1);
    expect(bySeverity.total_count).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);

    await checkError("POST", "/tickets/search", 400, "parameter_invalid", { query: { field: "created_at", operator: "~", value: "x" } });
  });

  let created: any;
  it("POST /tickets → ticket; validation errors", async () => {
    const type = customerType();
    const contact = ws().contacts[0]!;
    created = await check("POST", "/tickets", "/tickets", {
      ticket_type_id: type.id,
      contacts: [{ id: contact.id }],
      ticket_attributes: { _default_title_: "Contract ticket", _default_description_: "Created by the contract test" },
    });
    expect(created.ticket_state).toBe("submitted");
    expect(created.contacts.contacts[0].id).toBe(contact.id);
    await checkError("POST", "/tickets", 400, "parameter_not_found", { contacts: [{ id: contact.id }] });
    await checkError("POST", "/tickets", 400, "parameter_invalid", { ticket_type_id: type.id, contacts: [{ id: contact.id }], ticket_attributes: { nope: 1 } });
    await checkError("POST", "/tickets", 404, "not_found", { ticket_type_id: type.id, contacts: [{ id: "000000000000000000000000" }] });
  });

  it("PUT /tickets/{ticket_id} → ticket; unknown assignee → 404 assignee_not_found", async () => {
    const team = ws().teams[0]!.id;
    const body = await check("PUT", "/tickets/{ticket_id}", `/tickets/${created.id}`, {
      state: "in_progress",
      is_shared: true,
      snoozed_until: 1900000000,
      assignment: { admin_id: admin(), assignee_id: team },
      ticket_attributes: { _default_title_: "Renamed" },
    });
    expect(body.ticket_state).toBe("in_progress");
    expect(body.team_assignee_id).toBe(team);
    expect(body.snoozed_until).toBe(1900000000);
    await check("PUT", "/tickets/{ticket_id}", `/tickets/${created.id}`, { open: false });
    await checkError("PUT", `/tickets/${created.id}`, 404, "assignee_not_found", { assignment: { admin_id: admin(), assignee_id: "42" } });
    await checkError("PUT", `/tickets/${created.id}`, 400, "parameter_invalid", { state: "submitted" });
  });

  it("POST /tickets/{ticket_id}/reply → ticket_reply (admin note, quick reply, contact comment); back-office user reply → 400", async () => {
    await check("POST", "/tickets/{ticket_id}/reply", `/tickets/${created.id}/reply`, { message_type: "note", type: "admin", admin_id: admin(), body: "<p>note</p>" });
    await check("POST", "/tickets/{ticket_id}/reply", `/tickets/${created.id}/reply`, {
      message_type: "quick_reply",
      type: "admin",
      admin_id: admin(),
      reply_options: [{ text: "Yes", uuid: "22d6d1f4-1a19-41d0-94c2-e54031f78aca" }],
    });
    await check("POST", "/tickets/{ticket_id}/reply", `/tickets/${created.id}/reply`, { message_type: "comment", type: "user", intercom_user_id: ws().contacts[0]!.id, body: "Thanks" });
    const backOffice = ws().tickets.find((t) => t.category === "Back-office")!;
    await checkError("POST", `/tickets/${backOffice.id}/reply`, 400, "parameter_mismatch", { message_type: "comment", type: "user", intercom_user_id: ws().contacts[0]!.id, body: "hi" });
    await checkError("POST", "/tickets/999999/reply", 404, "not_found", { message_type: "note", type: "admin", admin_id: admin(), body: "x" });
  });

  it("POST /tickets/{ticket_id}/tags and DELETE /tickets/{ticket_id}/tags/{tag_id} → tag", async () => {
    const tag = ws().tags[0]!;
    const applied = await check("POST", "/tickets/{ticket_id}/tags", `/tickets/${created.id}/tags`, { id: tag.id, admin_id: admin() });
    expect(applied.applied_by.id).toBe(admin());
    await check("DELETE", "/tickets/{ticket_id}/tags/{tag_id}", `/tickets/${created.id}/tags/${tag.id}`, { admin_id: admin() });
    await checkError("DELETE", `/tickets/${created.id}/tags/${tag.id}`, 404, "tag_not_found", { admin_id: admin() });
    await checkError("POST", "/tickets/999999/tags", 404, "ticket_not_found", { id: tag.id, admin_id: admin() });
  });

  it("POST /conversations/{conversation_id}/convert → ticket linked both ways; non-customer type → 400", async () => {
    const conversation = ws().conversations.find((c) => c.linked_objects.data.length === 0)!;
    const ticket = await check("POST", "/conversations/{conversation_id}/convert", `/conversations/${conversation.id}/convert`, { ticket_type_id: customerType().id });
    expect(ticket.linked_objects.data).toEqual([{ type: "conversation", id: conversation.id, category: null }]);
    expect(conversation.linked_objects.data).toContainEqual({ type: "ticket", id: ticket.id, category: "Customer" });
    const tracker = ws().ticketTypes.find((t) => t.category === "Tracker")!;
    await checkError("POST", `/conversations/${conversation.id}/convert`, 400, "parameter_invalid", { ticket_type_id: tracker.id });
  });

  it("GET /ticket_types → ticket_type_list; GET /ticket_types/{id} → ticket_type", async () => {
    const list = await check("GET", "/ticket_types", "/ticket_types");
    expect(list.ticket_types.length).toBe(ws().ticketTypes.length);
    await check("GET", "/ticket_types/{ticket_type_id}", `/ticket_types/${list.ticket_types[0].id}`);
    await checkError("GET", "/ticket_types/999", 404, "not_found");
  });

  it("POST and PUT /ticket_types, POST and PUT …/attributes", async () => {
    const type = await check("POST", "/ticket_types", "/ticket_types", { name: "Contract Type", description: "d", category: "Tracker", icon: "🧪" });
    expect(type.ticket_type_attributes.ticket_type_attributes.map((a: any) => a.name)).toEqual(["_default_title_", "_default_description_"]);
    await checkError("POST", "/ticket_types", 400, "parameter_invalid", { name: "Contract Type" });
    await checkError("POST", "/ticket_types", 400, "parameter_not_found", { description: "no name" });
    const updated = await check("PUT", "/ticket_types/{ticket_type_id}", `/ticket_types/${type.id}`, { name: "Contract Type 2", archived: true });
    expect(updated.archived).toBe(true);
    const attr = await check("POST", "/ticket_types/{ticket_type_id}/attributes", `/ticket_types/${type.id}/attributes`, {
      name: "Priority",
      description: "How urgent",
      data_type: "list",
      list_items: "Low,High",
    });
    expect(attr.ticket_type_id).toBe(Number(type.id));
    await checkError("POST", `/ticket_types/${type.id}/attributes`, 400, "parameter_invalid", { name: "X", description: "x", data_type: "color" });
    const changed = await check("PUT", "/ticket_types/{ticket_type_id}/attributes/{attribute_id}", `/ticket_types/${type.id}/attributes/${attr.id}`, {
      description: "Changed",
      list_items: "Urgent",
    });
    expect(changed.input_options.list_options.map((o: any) => o.label)).toEqual(["Low", "High", "Urgent"]);
    const uuid = suite.validators.schemaValidator({ type: "string", format: "uuid" });
    for (const option of changed.input_options.list_options) expectValid(uuid, option.id, `list option ${option.label}`);
  });

  it("list attribute options carry well-formed UUIDs, as Intercom's do (input_options is free-form in the document)", async () => {
    const uuid = suite.validators.schemaValidator({ type: "string", format: "uuid" });
    expect(uuid("9d1c3a5e-0b7f-4e2a-8c6d-1f2e3a4b5c6d")).toBe(true);
    expect(uuid("9d1c3a5e-0b7f-4e2a-a-1c6d-1f2e3a4b5c6d")).toBe(false); // negative control: a stray "-"
    const list = await check("GET", "/ticket_types", "/ticket_types");
    const options = list.ticket_types.flatMap((t: any) =>
      t.ticket_type_attributes.ticket_type_attributes.flatMap((a: any) => (a.data_type === "list" ? a.input_options.list_options : [])),
    );
    expect(options.length).toBeGreaterThan(8);
    for (const option of options) expectValid(uuid, option.id, `list option ${option.label}`);
    expect(new Set(options.map((o: any) => o.id)).size).toBe(options.length);
  });

  it("answers carry no property the document's schemas lack (tickets: no tags; ticket types: no is_internal)", async () => {
    const ticket = await check("GET", "/tickets/{ticket_id}", `/tickets/${ws().tickets.find((t) => t.tags.tags.length > 0)!.id}`);
    expect(ticket).not.toHaveProperty("tags");
    expect(ticket.ticket_type).not.toHaveProperty("is_internal");
    const validate = suite.validators.validatorFor("GET", "/tickets/{ticket_id}");
    // Negative controls: the strict schemas refuse what the sandbox used to send.
    expect(validate({ ...ticket, tags: { type: "tag.list", tags: [] } })).toBe(false);
    expect(validate({ ...ticket, ticket_type: { ...ticket.ticket_type, is_internal: false } })).toBe(false);
  });
});
