import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Round trips of ticket type and ticket type attribute writes over the graph. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const TYPE_FIELDS = `id name description icon category archived isInternal ticketTypeAttributes { totalCount nodes { id name description dataType inputOptions order default archived requiredToCreate visibleToContacts ticketTypeId } }`;

async function readBack(id: string) {
  const res = await stack.query(`query($id: ID!) { ticketType(id: $id) { ${TYPE_FIELDS} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data.ticketType;
}

let typeId: string;
let attributeId: string;

describe("createTicketType / updateTicketType", () => {
  it("creates a type with the two default attributes; the read back and the list show it", async () => {
    const res = await stack.query(
      `mutation($input: CreateTicketTypeInput!) { createTicketType(input: $input) { ${TYPE_FIELDS} } }`,
      { input: { name: "Security Review", description: "Security questionnaire from a customer", category: "BACK_OFFICE", icon: "🔐" } },
    );
    expect(res.errors).toBeUndefined();
    const type = res.data.createTicketType;
    expect(type).toMatchObject({ name: "Security Review", category: "BACK_OFFICE", icon: "🔐", archived: false, isInternal: null }); // the 2.11 ticket_type has no is_internal
    expect(type.ticketTypeAttributes.nodes.map((a: any) => a.name)).toEqual(["_default_title_", "_default_description_"]);
    typeId = type.id;
    expect(await readBack(typeId)).toEqual(type);
    const list = await stack.query(`{ ticketTypes(first: 100) { nodes { id } } }`);
    expect(list.data.ticketTypes.nodes.map((t: any) => t.id)).toContain(typeId);
  });

  it("a duplicate name is Intercom's 400; a missing name is refused by the graph's types", async () => {
    const dup = await stack.query(`mutation { createTicketType(input: { name: "Security Review" }) { id } }`);
    expect(dup.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", intercom: { errors: [{ code: "parameter_invalid" }] } });
    stack.resetUpstream();
    const missing = await stack.query(`mutation { createTicketType(input: { description: "x" }) { id } }`);
    expect(missing.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(calls()).toEqual([]);
  });

  it("updates name, category and archived; the read back agrees", async () => {
    const res = await stack.query(
      `mutation($id: ID!) {
        updateTicketType(id: $id, input: { name: "Security Questionnaire", category: TRACKER, archived: true }) { id name category archived }
      }`,
      { id: typeId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateTicketType).toEqual({ id: typeId, name: "Security Questionnaire", category: "TRACKER", archived: true });
    expect(await readBack(typeId)).toMatchObject({ name: "Security Questionnaire", category: "TRACKER", archived: true });
    const missing = await stack.query(`mutation { updateTicketType(id: "999", input: { name: "x" }) { id } }`);
    expect(missing.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("createTicketTypeAttribute / updateTicketTypeAttribute", () => {
  it("creates a list attribute whose ticketType link (same request) sees the renamed type; the type read back lists it", async () => {
    const res = await stack.query(
      `mutation($t: ID!, $input: CreateTicketTypeAttributeInput!) {
        createTicketTypeAttribute(ticketTypeId: $t, input: $input) { id name description dataType inputOptions order requiredToCreate ticketTypeId ticketType { id name } }
      }`,
      { t: typeId, input: { name: "Framework", description: "Which compliance framework", dataType: "LIST", listItems: ["SOC 2", "ISO 27001"], requiredToCreate: true } },
    );
    expect(res.errors).toBeUndefined();
    const attr = res.data.createTicketTypeAttribute;
    expect(attr).toMatchObject({ name: "Framework", dataType: "LIST", order: 2, requiredToCreate: true, ticketTypeId: typeId, ticketType: { id: typeId, name: "Security Questionnaire" } });
    expect(attr.inputOptions.list_options.map((o: any) => o.label)).toEqual(["SOC 2", "ISO 27001"]);
    attributeId = attr.id;
    expect(stack.upstream()[0]!.body).toMatchObject({ data_type: "list", list_items: "SOC 2,ISO 27001" });
    const type = await readBack(typeId);
    expect(type.ticketTypeAttributes.nodes.at(-1)).toMatchObject({ id: attributeId, name: "Framework" });
  });

  it("validates: a comma inside a list item before any call; Intercom's 400 for a list without items", async () => {
    const comma = await stack.query(
      `mutation($t: ID!) { createTicketTypeAttribute(ticketTypeId: $t, input: { name: "X", description: "x", dataType: LIST, listItems: ["a,b"] }) { id } }`,
      { t: typeId },
    );
    expect(comma.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(calls()).toEqual([]);
    const noItems = await stack.query(
      `mutation($t: ID!) { createTicketTypeAttribute(ticketTypeId: $t, input: { name: "Y", description: "y", dataType: LIST }) { id } }`,
      { t: typeId },
    );
    expect(noItems.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", intercom: { errors: [{ code: "parameter_not_found" }] } });
  });

  it("updates an attribute (description, visibility, more list items, archive); the read back agrees", async () => {
    const res = await stack.query(
      `mutation($t: ID!, $id: ID!) {
        updateTicketTypeAttribute(ticketTypeId: $t, id: $id, input: { description: "Framework to certify", visibleToContacts: false, listItems: ["HIPAA"], archived: true }) {
          id description visibleToContacts archived inputOptions
        }
      }`,
      { t: typeId, id: attributeId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateTicketTypeAttribute).toMatchObject({ id: attributeId, description: "Framework to certify", visibleToContacts: false, archived: true });
    expect(res.data.updateTicketTypeAttribute.inputOptions.list_options.map((o: any) => o.label)).toEqual(["SOC 2", "ISO 27001", "HIPAA"]);
    const stored = (await readBack(typeId)).ticketTypeAttributes.nodes.find((a: any) => a.id === attributeId);
    expect(stored).toMatchObject({ description: "Framework to certify", visibleToContacts: false, archived: true });

    const missing = await stack.query(`mutation($t: ID!) { updateTicketTypeAttribute(ticketTypeId: $t, id: "1", input: { description: "x" }) { id } }`, { t: typeId });
    expect(missing.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
