import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

const FIELDS = /* GraphQL */ `
  id model name fullName label description dataType options apiWritable messengerWritable uiWritable custom archived createdAt updatedAt adminId
`;

const LIST = /* GraphQL */ `
  query List($model: DataAttributeModel, $includeArchived: Boolean, $first: Int) {
    dataAttributes(model: $model, includeArchived: $includeArchived, first: $first) {
      totalCount
      nodes { ${FIELDS} }
    }
  }
`;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateDataAttributeInput!) {
    createDataAttribute(input: $input) { ${FIELDS} admin { id name } }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateDataAttributeInput!) {
    updateDataAttribute(id: $id, input: $input) { ${FIELDS} }
  }
`;

describe("dataAttributes", () => {
  it("lists one model's attributes, without archived ones by default, in one upstream call", async () => {
    const res = await stack.query(LIST, { model: "COMPANY" });
    expect(res.errors).toBeUndefined();
    const expected = stack.sandbox.workspace.dataAttributes.filter((a) => a.model === "company" && !a.archived);
    expect(res.data.dataAttributes.totalCount).toBe(expected.length);
    const nodes = res.data.dataAttributes.nodes;
    expect(nodes.every((n: any) => n.model === "COMPANY" && n.archived === false)).toBe(true);
    const plan = nodes.find((n: any) => n.fullName === "plan.name");
    expect(plan).toMatchObject({ id: null, name: "name", label: "Plan", dataType: "STRING", custom: false, adminId: null });
    const custom = nodes.find((n: any) => n.fullName === "custom_attributes.region");
    expect(custom).toMatchObject({ name: "region", custom: true, options: ["AMER", "EMEA", "APAC"] });
    expect(custom.id).toMatch(/^\d+$/);
    expect(new Date(custom.createdAt).getTime()).toBeGreaterThan(0);
    expect(calls()).toEqual(["GET /data_attributes"]);
    expect(stack.upstream()[0]!.query).toMatchObject({ model: "company" });
  });

  it("includeArchived adds the archived attributes; contact and company attributes are listed when model is omitted", async () => {
    const res = await stack.query(LIST, { model: "CONTACT", includeArchived: true, first: 500 });
    expect(res.errors).toBeUndefined();
    const archived = res.data.dataAttributes.nodes.filter((n: any) => n.archived);
    expect(archived.map((n: any) => n.name)).toContain("legacy_crm_id");

    const all = await stack.query(LIST, { first: 500 });
    const models = new Set(all.data.dataAttributes.nodes.map((n: any) => n.model));
    expect(models).toEqual(new Set(["CONTACT", "COMPANY"]));
    const conversation = await stack.query(LIST, { model: "CONVERSATION" });
    expect(conversation.data.dataAttributes.nodes.map((n: any) => n.name)).toContain("issue_category");
  });

  it("pages the list as a connection", async () => {
    const first = await stack.query(`{ dataAttributes(model: CONTACT, first: 5) { nodes { fullName } pageInfo { hasNextPage endCursor } } }`);
    expect(first.data.dataAttributes.nodes).toHaveLength(5);
    expect(first.data.dataAttributes.pageInfo.hasNextPage).toBe(true);
    const cursor = first.data.dataAttributes.pageInfo.endCursor;
    const second = await stack.query(`query($after: String) { dataAttributes(model: CONTACT, first: 5, after: $after) { nodes { fullName } } }`, { after: cursor });
    const names = [...first.data.dataAttributes.nodes, ...second.data.dataAttributes.nodes].map((n: any) => n.fullName);
    expect(new Set(names).size).toBe(10);
  });
});

describe("createDataAttribute / updateDataAttribute", () => {
  it("creates a list attribute that then appears in the list, and updates it", async () => {
    const created = await stack.query(CREATE, {
      input: { name: "Mithril Shirt", model: "COMPANY", dataType: "STRING", description: "Armour level", options: ["light", "heavy"], messengerWritable: true },
    });
    expect(created.errors).toBeUndefined();
    const attr = created.data.createDataAttribute;
    expect(attr).toMatchObject({
      name: "Mithril Shirt", fullName: "custom_attributes.Mithril Shirt", model: "COMPANY", dataType: "STRING",
      description: "Armour level", options: ["light", "heavy"], messengerWritable: true, custom: true, archived: false,
    });
    expect(attr.admin.id).toBe(attr.adminId);
    expect(stack.upstream().find((r) => r.method === "POST")!.body).toEqual({
      name: "Mithril Shirt", model: "company", data_type: "string", description: "Armour level", options: ["light", "heavy"], messenger_writable: true,
    });

    const listed = await stack.query(LIST, { model: "COMPANY", first: 500 });
    expect(listed.data.dataAttributes.nodes.find((n: any) => n.id === attr.id)).toMatchObject({ name: "Mithril Shirt" });

    stack.resetUpstream();
    const updated = await stack.query(UPDATE, { id: attr.id, input: { description: "Forged in Moria", options: ["light", "heavy", "elven"], archived: true } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateDataAttribute).toMatchObject({ id: attr.id, description: "Forged in Moria", options: ["light", "heavy", "elven"], archived: true });
    expect(stack.upstream()[0]!.body).toEqual({ archived: true, description: "Forged in Moria", options: [{ value: "light" }, { value: "heavy" }, { value: "elven" }] });

    const hidden = await stack.query(LIST, { model: "COMPANY", first: 500 });
    expect(hidden.data.dataAttributes.nodes.some((n: any) => n.id === attr.id)).toBe(false);
    const shown = await stack.query(LIST, { model: "COMPANY", includeArchived: true, first: 500 });
    expect(shown.data.dataAttributes.nodes.find((n: any) => n.id === attr.id)).toMatchObject({ archived: true, description: "Forged in Moria" });
  });

  it("a datetime attribute is stored as a date attribute", async () => {
    const res = await stack.query(CREATE, { input: { name: "contract_signed_at", model: "CONTACT", dataType: "DATETIME" } });
    expect(res.errors).toBeUndefined();
    expect(res.data.createDataAttribute).toMatchObject({ dataType: "DATE", model: "CONTACT", description: "" });
  });

  it("an invalid name and a duplicate name are BAD_USER_INPUT with Intercom's parameter_invalid", async () => {
    const invalid = await stack.query(CREATE, { input: { name: "!nv@l!d n@me", model: "COMPANY", dataType: "STRING" } });
    expect(invalid.data.createDataAttribute).toBeNull();
    expect(invalid.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", intercom: { status: 400 } });
    expect(invalid.errors![0]!.extensions!.intercom.errors[0].code).toBe("parameter_invalid");

    // Names are unique across people and company data.
    const duplicate = await stack.query(CREATE, { input: { name: "account_tier", model: "CONTACT", dataType: "INTEGER" } });
    expect(duplicate.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(duplicate.errors![0]!.extensions!.intercom.errors[0].message).toContain("You already have 'account_tier' in your company data");
  });

  it("options on a non-string attribute are rejected before any upstream call", async () => {
    const res = await stack.query(CREATE, { input: { name: "tiers", model: "CONTACT", dataType: "INTEGER", options: ["1", "2"] } });
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });

  it("updating an unknown attribute is NOT_FOUND; archiving one a workflow uses is BAD_USER_INPUT (422 data_invalid)", async () => {
    const missing = await stack.query(UPDATE, { id: "999999", input: { description: "x" } });
    expect(missing.data.updateDataAttribute).toBeNull();
    expect(missing.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { status: 404 } });
    expect(missing.errors![0]!.extensions!.intercom.errors[0].code).toBe("field_not_found");

    const inUse = stack.sandbox.workspace.dataAttributesInUse[0]!;
    const blocked = await stack.query(UPDATE, { id: String(inUse), input: { archived: true } });
    expect(blocked.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", intercom: { status: 422 } });
    expect(blocked.errors![0]!.extensions!.intercom.errors[0].code).toBe("data_invalid");
  });
});
