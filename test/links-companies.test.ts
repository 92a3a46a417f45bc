import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/**
 * Upstream-call budgets of the company and segment links, over lists of at least 20
 * parents, proved by counting the requests the sandbox served.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const count = (pattern: RegExp) => calls().filter((c) => pattern.test(c)).length;

describe("links from companies (25 companies from one POST /companies/list)", () => {
  it("Company.tags for 25 companies costs 1 call: the list (tags are embedded)", async () => {
    // Make sure some listed companies carry tags, whatever the tags module seeds.
    for (const company of ws().companies.slice(0, 6)) {
      const tag = ws().tags[company.size % ws().tags.length]!;
      if (!company.tags.tags.some((t) => t.id === tag.id)) company.tags.tags.push({ type: "tag", id: tag.id, name: tag.name });
    }
    const res = await stack.query(`{ companies(first: 25) { nodes { id tags { id name } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.companies.nodes;
    expect(nodes).toHaveLength(25);
    for (const node of nodes) {
      const rest = ws().companies.find((c) => c.id === node.id)!;
      expect(node.tags).toEqual(rest.tags.tags.map((t) => ({ id: t.id, name: t.name })));
    }
    expect(nodes.filter((n: any) => n.tags.length > 0).length).toBeGreaterThan(0);
    expect(calls()).toEqual(["POST /companies/list"]);
  });

  it("Company.contacts for 25 companies costs 26 calls: the list and one GET /companies/{id}/contacts per company", async () => {
    const res = await stack.query(`{ companies(first: 25) { nodes { id userCount contacts(first: 5) { totalCount nodes { id email } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.companies.nodes;
    expect(nodes).toHaveLength(25);
    for (const node of nodes) {
      expect(node.contacts.totalCount).toBe(node.userCount);
      const members = ws().contacts.filter((c) => c.companies.data.some((r) => r.id === node.id)).map((c) => c.id);
      expect(node.contacts.nodes.map((n: any) => n.id)).toEqual(members.slice(0, 5));
    }
    expect(calls()).toHaveLength(26);
    expect(count(/^POST \/companies\/list$/)).toBe(1);
    expect(new Set(calls().filter((c) => /\/contacts$/.test(c))).size).toBe(25);
  });

  it("Company.segments for 25 companies costs 26 calls: the list and one GET /companies/{id}/segments per company", async () => {
    const res = await stack.query(`{ companies(first: 25) { nodes { id monthlySpend plan { name } segments { nodes { name } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.companies.nodes;
    expect(nodes).toHaveLength(25);
    for (const node of nodes) {
      const names = node.segments.nodes.map((s: any) => s.name);
      expect(names.includes("Key accounts")).toBe(node.monthlySpend >= 999);
      expect(names.includes("Enterprise companies")).toBe(node.plan?.name === "Enterprise");
    }
    expect(calls()).toHaveLength(26);
    expect(new Set(calls().filter((c) => /\/segments$/.test(c))).size).toBe(25);
  });

  it("the same company asked for twice costs one call per link (de-duplicated per parent)", async () => {
    const id = ws().companies[0]!.id;
    const res = await stack.query(
      `query ($id: ID!) { a: company(id: $id) { contacts { totalCount } segments { totalCount } } b: company(id: $id) { contacts { totalCount } segments { totalCount } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    expect(calls().sort()).toEqual([`GET /companies/${id}`, `GET /companies/${id}/contacts`, `GET /companies/${id}/segments`].sort());
  });
});

describe("links from contacts (the contacts of 25 conversations)", () => {
  const CONTACTS = (link: string) => `{ conversations(first: 25) { nodes { contacts { id ${link} } } } }`;
  const distinctContacts = (data: any) => new Set<string>(data.conversations.nodes.flatMap((c: any) => c.contacts.map((x: any) => x.id)));

  it("Contact.companies costs 2 + distinct contacts calls: the list, one contact search, one GET /contacts/{id}/companies per distinct contact", async () => {
    const res = await stack.query(CONTACTS(`companies { totalCount nodes { id name } }`));
    expect(res.errors).toBeUndefined();
    const distinct = distinctContacts(res.data);
    expect(distinct.size).toBeGreaterThanOrEqual(20);
    for (const conversation of res.data.conversations.nodes) {
      for (const contact of conversation.contacts) {
        const rest = ws().contacts.find((c) => c.id === contact.id)!;
        expect(contact.companies.nodes.map((n: any) => n.id)).toEqual(rest.companies.data.map((r) => r.id));
      }
    }
    expect(calls()).toHaveLength(2 + distinct.size);
    expect(count(/^GET \/conversations$/)).toBe(1);
    expect(count(/^POST \/contacts\/search$/)).toBe(1);
    expect(count(/^GET \/contacts\/[^/]+\/companies$/)).toBe(distinct.size);
  });

  it("Contact.segments costs 2 + distinct contacts calls: the list, one contact search, one GET /contacts/{id}/segments per distinct contact", async () => {
    const res = await stack.query(CONTACTS(`segments { nodes { name personType } }`));
    expect(res.errors).toBeUndefined();
    const distinct = distinctContacts(res.data);
    expect(distinct.size).toBeGreaterThanOrEqual(20);
    const leads = res.data.conversations.nodes.flatMap((c: any) => c.contacts).filter((c: any) => ws().contacts.find((x) => x.id === c.id)!.role === "lead");
    expect(leads.length).toBeGreaterThan(0);
    for (const lead of leads) expect(lead.segments.nodes).toContainEqual({ name: "All leads", personType: "CONTACT" });
    expect(calls()).toHaveLength(2 + distinct.size);
    expect(count(/^GET \/contacts\/[^/]+\/segments$/)).toBe(distinct.size);
  });

  it("a company's contacts with their companies cost 1 + n calls: the company's contacts, then one GET per contact (no contact search)", async () => {
    const company = ws().companies.find((c) => c.user_count >= 3)!;
    const res = await stack.query(
      `query ($id: ID!) { companyContacts(companyId: $id) { nodes { id companies { nodes { id } } } } }`,
      { id: company.id },
    );
    expect(res.errors).toBeUndefined();
    const n = res.data.companyContacts.nodes.length;
    expect(calls()).toHaveLength(1 + n);
    expect(count(/^POST \/contacts\/search$/)).toBe(0);
  });
});
