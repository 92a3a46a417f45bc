import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Each company write returns the changed object, and the next read sees it. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const FIELDS = `id name companyId plan { name } size website industry monthlySpend userCount customAttributes remoteCreatedAt`;

async function readCompany(id: string) {
  const res = await stack.query(`query ($id: ID!) { company(id: $id) { ${FIELDS} } }`, { id });
  return res;
}

describe("createOrUpdateCompany", () => {
  it("creates a company, which reads back by id and by companyId", async () => {
    const input = {
      companyId: "acme-test-001",
      name: "Acme Test",
      plan: "Growth",
      size: 85,
      website: "https://acme-test.example",
      industry: "Retail",
      customAttributes: { region: "EMEA" },
      remoteCreatedAt: "2025-03-01T00:00:00.000Z",
      monthlySpend: 299,
    };
    const res = await stack.query(
      `mutation ($input: CreateOrUpdateCompanyInput!) { createOrUpdateCompany(input: $input) { ${FIELDS} } }`,
      { input },
    );
    expect(res.errors).toBeUndefined();
    const created = res.data.createOrUpdateCompany;
    expect(created).toMatchObject({ ...input, plan: { name: "Growth" }, userCount: 0 });
    expect(stack.upstream()[0]!.body).toEqual({
      company_id: "acme-test-001",
      name: "Acme Test",
      plan: "Growth",
      size: 85,
      website: "https://acme-test.example",
      industry: "Retail",
      custom_attributes: { region: "EMEA" },
      remote_created_at: Date.parse("2025-03-01T00:00:00Z") / 1000,
      monthly_spend: 299,
    });
    expect((await readCompany(created.id)).data.company).toEqual(created);
    const found = await stack.query(`{ findCompanies(filter: { companyId: "acme-test-001" }) { nodes { id } } }`);
    expect(found.data.findCompanies.nodes).toEqual([{ id: created.id }]);
  });

  it("updates the company with the same companyId instead of creating another", async () => {
    const before = ws().companies.length;
    const res = await stack.query(
      `mutation { createOrUpdateCompany(input: { companyId: "acme-test-001", size: 120 }) { ${FIELDS} } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createOrUpdateCompany).toMatchObject({ companyId: "acme-test-001", name: "Acme Test", size: 120 });
    expect(ws().companies.length).toBe(before);
  });

  it("rejects input without companyId or name, and non-string custom attributes, before any call", async () => {
    const empty = await stack.query(`mutation { createOrUpdateCompany(input: { industry: "x" }) { id } }`);
    expect(empty.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const attrs = await stack.query(`mutation { createOrUpdateCompany(input: { companyId: "x", customAttributes: { seats: 3 } }) { id } }`);
    expect(attrs.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe("updateCompany", () => {
  it("updates by Intercom id and the change reads back", async () => {
    const company = ws().companies[1]!;
    const res = await stack.query(
      `mutation ($id: ID!) { updateCompany(id: $id, input: { name: "Bluebird Analytics GmbH", monthlySpend: 4999, customAttributes: { region: "APAC" } }) { ${FIELDS} } }`,
      { id: company.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateCompany).toMatchObject({ id: company.id, name: "Bluebird Analytics GmbH", monthlySpend: 4999 });
    expect(res.data.updateCompany.customAttributes.region).toBe("APAC");
    expect(stack.upstream()[0]).toMatchObject({ method: "PUT", path: `/companies/${company.id}` });
    expect((await readCompany(company.id)).data.company.name).toBe("Bluebird Analytics GmbH");
  });

  it("a write and a later read of the same company in one request agree", async () => {
    const company = ws().companies[2]!;
    const res = await stack.query(
      `mutation ($id: ID!) { a: updateCompany(id: $id, input: { industry: "Biotech" }) { industry } b: updateCompany(id: $id, input: { size: 7 }) { industry size } }`,
      { id: company.id },
    );
    expect(res.data).toEqual({ a: { industry: "Biotech" }, b: { industry: "Biotech", size: 7 } });
  });

  it("an unknown company is NOT_FOUND", async () => {
    const res = await stack.query(`mutation { updateCompany(id: "000000000000000000000000", input: { name: "x" }) { id } }`);
    expect(res.data.updateCompany).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("attachContactToCompany / detachContactFromCompany", () => {
  it("attach adds the company to the contact and counts the user; detach undoes both; reads agree", async () => {
    const contact = ws().contacts.find((c) => c.role === "user" && c.companies.data.length === 0)!;
    const company = ws().companies[10]!;
    const before = company.user_count;
    const LINKS = `contactCompanies(contactId: $c) { totalCount nodes { id } } companyContacts(companyId: $co, first: 60) { nodes { id } }`;

    const attached = await stack.query(
      `mutation ($c: ID!, $co: ID!) { attachContactToCompany(contactId: $c, companyId: $co) { id userCount } }`,
      { c: contact.id, co: company.id },
    );
    expect(attached.errors).toBeUndefined();
    expect(attached.data.attachContactToCompany).toEqual({ id: company.id, userCount: before + 1 });
    expect(stack.upstream()[0]).toMatchObject({ method: "POST", path: `/contacts/${contact.id}/companies`, body: { id: company.id } });
    const afterAttach = await stack.query(`query ($c: ID!, $co: ID!) { ${LINKS} }`, { c: contact.id, co: company.id });
    expect(afterAttach.data.contactCompanies.nodes).toEqual([{ id: company.id }]);
    expect(afterAttach.data.companyContacts.nodes).toContainEqual({ id: contact.id });

    const detached = await stack.query(
      `mutation ($c: ID!, $co: ID!) { detachContactFromCompany(contactId: $c, companyId: $co) { id userCount } }`,
      { c: contact.id, co: company.id },
    );
    expect(detached.data.detachContactFromCompany).toEqual({ id: company.id, userCount: before });
    const afterDetach = await stack.query(`query ($c: ID!, $co: ID!) { ${LINKS} }`, { c: contact.id, co: company.id });
    expect(afterDetach.data.contactCompanies.totalCount).toBe(0);
    expect(afterDetach.data.companyContacts.nodes).not.toContainEqual({ id: contact.id });
  });

  it("the attached company's contacts, read in the same request, include the contact", async () => {
    const contact = ws().contacts.find((c) => c.role === "user" && c.companies.data.length === 0 && c.id !== ws().contacts.find((x) => x.role === "user" && x.companies.data.length === 0)!.id)!;
    const company = ws().companies[11]!;
    const res = await stack.query(
      `mutation ($c: ID!, $co: ID!) {
        attachContactToCompany(contactId: $c, companyId: $co) { id contacts(first: 60) { nodes { id } } }
      }`,
      { c: contact.id, co: company.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.attachContactToCompany.contacts.nodes).toContainEqual({ id: contact.id });
  });

  it("an unknown contact or company is NOT_FOUND", async () => {
    const company = ws().companies[0]!;
    const contact = ws().contacts[0]!;
    const noContact = await stack.query(
      `mutation ($co: ID!) { attachContactToCompany(contactId: "000000000000000000000000", companyId: $co) { id } }`,
      { co: company.id },
    );
    expect(noContact.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const noCompany = await stack.query(
      `mutation ($c: ID!) { detachContactFromCompany(contactId: $c, companyId: "000000000000000000000000") { id } }`,
      { c: contact.id },
    );
    expect(noCompany.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(noCompany.errors?.[0]?.extensions?.intercom?.errors?.[0]?.code).toBe("company_not_found");
  });
});

describe("deleteCompany", () => {
  it("deletes the company: its contacts are detached but stay; a later read is NOT_FOUND", async () => {
    const company = ws().companies.find((c) => c.user_count >= 2)!;
    const members = ws().contacts.filter((c) => c.companies.data.some((r) => r.id === company.id)).map((c) => c.id);
    const res = await stack.query(`mutation ($id: ID!) { deleteCompany(id: $id) { id object deleted } }`, { id: company.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteCompany).toEqual({ id: company.id, object: "company", deleted: true });

    const read = await readCompany(company.id);
    expect(read.data.company).toBeNull();
    expect(read.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const contact = await stack.query(`query ($c: ID!) { contactCompanies(contactId: $c) { nodes { id } } }`, { c: members[0] });
    expect(contact.errors).toBeUndefined();
    expect(contact.data.contactCompanies.nodes).not.toContainEqual({ id: company.id });

    const again = await stack.query(`mutation ($id: ID!) { deleteCompany(id: $id) { id } }`, { id: company.id });
    expect(again.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
