import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, walkPages, type Stack } from "./support/stack.js";

/** The companies reads of the graph, checked against the sandbox's live data. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

const COMPANY = `id name appId companyId plan { id name } remoteCreatedAt createdAt updatedAt lastRequestAt size website industry
  monthlySpend sessionCount userCount customAttributes tags { id name } segmentIds`;

describe("company(id)", () => {
  it("maps every property of the REST company", async () => {
    const rest = ws().companies[2]!;
    const res = await stack.query(`query ($id: ID!) { company(id: $id) { ${COMPANY} } }`, { id: rest.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.company).toEqual({
      id: rest.id,
      name: rest.name,
      appId: rest.app_id,
      companyId: rest.company_id,
      plan: { id: rest.plan.id, name: rest.plan.name },
      remoteCreatedAt: new Date(rest.remote_created_at * 1000).toISOString(),
      createdAt: new Date(rest.created_at * 1000).toISOString(),
      updatedAt: new Date(rest.updated_at * 1000).toISOString(),
      lastRequestAt: new Date(rest.last_request_at * 1000).toISOString(),
      size: rest.size,
      website: rest.website,
      industry: rest.industry,
      monthlySpend: rest.monthly_spend,
      sessionCount: rest.session_count,
      userCount: rest.user_count,
      customAttributes: rest.custom_attributes,
      tags: rest.tags.tags.map((t) => ({ id: t.id, name: t.name })),
      segmentIds: expect.any(Array),
    });
    expect(calls()).toEqual([`GET /companies/${rest.id}`]);
  });

  it("an unknown id is NOT_FOUND and the field is null", async () => {
    const res = await stack.query(`{ company(id: "000000000000000000000000") { id } }`);
    expect(res.data.company).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("companies (POST /companies/list)", () => {
  it("pages by number: two Relay pages of 10 cover the first 20 companies by last request, one call each", async () => {
    const expected = ws()
      .companies.filter((c) => c.user_count > 0)
      .sort((a, b) => b.last_request_at - a.last_request_at || a.id.localeCompare(b.id))
      .map((c) => c.id);
    const q = `query ($after: String) { companies(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const first = await stack.query(q);
    expect(first.errors).toBeUndefined();
    expect(first.data.companies.totalCount).toBe(expected.length);
    expect(first.data.companies.nodes.map((n: any) => n.id)).toEqual(expected.slice(0, 10));
    expect(first.data.companies.pageInfo.hasNextPage).toBe(true);
    const second = await stack.query(q, { after: first.data.companies.pageInfo.endCursor });
    expect(second.data.companies.nodes.map((n: any) => n.id)).toEqual(expected.slice(10, 20));
    expect(calls()).toEqual(["POST /companies/list", "POST /companies/list"]);
    expect(stack.upstream()[0]!.query).toMatchObject({ page: "1", per_page: "60", order: "desc" });
  });

  it("order: ASC lists the least recently active first", async () => {
    const res = await stack.query(`{ companies(first: 5, order: ASC) { nodes { lastRequestAt } } }`);
    const times = res.data.companies.nodes.map((n: any) => Date.parse(n.lastRequestAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("past Intercom's page-depth limit the error says to use scrollCompanies (BAD_USER_INPUT)", async () => {
    ws().companiesSettings.pageDepthLimit = 30;
    try {
      const first = await stack.query(`{ companies(first: 60) { pageInfo { endCursor } } }`);
      const after = Buffer.from(JSON.stringify({ p: 2, o: 0 })).toString("base64url");
      const res = await stack.query(`query ($after: String) { companies(after: $after) { nodes { id } } }`, { after });
      expect(first.errors).toBeUndefined();
      expect(res.data.companies).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toMatch(/scrollCompanies/);
      expect(res.errors?.[0]?.extensions?.intercom?.errors?.[0]?.message).toBe("page limit reached, please use scroll API");
    } finally {
      ws().companiesSettings.pageDepthLimit = 10_000;
    }
  });
});

describe("findCompanies (GET /companies)", () => {
  it("finds by companyId, by name, by segment and by tag", async () => {
    const company = ws().companies[4]!;
    const q = `query ($f: CompanyFilter!) { findCompanies(filter: $f, first: 60) { totalCount nodes { id } } }`;
    const byId = await stack.query(q, { f: { companyId: company.company_id } });
    expect(byId.data.findCompanies.nodes).toEqual([{ id: company.id }]);
    const byName = await stack.query(q, { f: { name: company.name } });
    expect(byName.data.findCompanies.nodes).toEqual([{ id: company.id }]);
    const segment = ws().segments.find((s) => s.name === "Enterprise companies")!;
    const bySegment = await stack.query(q, { f: { segmentId: segment.id } });
    expect(bySegment.data.findCompanies.nodes.map((n: any) => n.id).sort()).toEqual(
      ws().companies.filter((c) => c.plan.name === "Enterprise").map((c) => c.id).sort(),
    );
    const byTag = await stack.query(q, { f: { tagId: ws().tags[0]!.id } });
    expect(byTag.errors).toBeUndefined();
    expect(stack.upstream().map((r) => r.query)).toEqual([
      expect.objectContaining({ company_id: company.company_id }),
      expect.objectContaining({ name: company.name }),
      expect.objectContaining({ segment_id: segment.id }),
      expect.objectContaining({ tag_id: ws().tags[0]!.id }),
    ]);
  });

  it("needs exactly one filter (BAD_USER_INPUT before any call); an unknown name is NOT_FOUND", async () => {
    const none = await stack.query(`{ findCompanies(filter: {}) { nodes { id } } }`);
    expect(none.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const two = await stack.query(`{ findCompanies(filter: { name: "a", tagId: "1" }) { nodes { id } } }`);
    expect(two.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
    const missing = await stack.query(`{ findCompanies(filter: { name: "No Such Company" }) { nodes { id } } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("scrollCompanies (GET /companies/scroll)", () => {
  const SCROLL = `query ($after: String) { scrollCompanies(after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;

  it("iterates over every company, then releases the workspace's scroll so a new one can start", async () => {
    const pages = await walkPages(async (after) => {
      const res: any = await stack.query(SCROLL, { after });
      expect(res.errors).toBeUndefined();
      return res.data.scrollCompanies;
    }, 10);
    const seen: string[] = pages.flatMap((page) => page.nodes.map((n: any) => n.id));
    expect(new Set(seen).size).toBe(ws().companies.length);
    expect(seen).toHaveLength(ws().companies.length);
    // The gateway read the empty end page itself: the scroll is closed.
    expect(ws().companyScroll).toBeNull();
    const again = await stack.query(SCROLL);
    expect(again.errors).toBeUndefined();
    ws().companyScroll = null;
  });

  it("a second scroll while one is open is CONFLICT, explained", async () => {
    const first = await stack.query(SCROLL);
    expect(first.errors).toBeUndefined();
    const second = await stack.query(SCROLL);
    expect(second.data.scrollCompanies).toBeNull();
    expect(second.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(second.errors?.[0]?.message).toMatch(/one at a time/);
    expect(second.errors?.[0]?.extensions?.intercom?.errors?.[0]?.message).toBe("scroll already exists for this app");
    ws().companyScroll = null;
  });

  it("an expired scroll is BAD_USER_INPUT telling the client to start again", async () => {
    ws().companiesSettings.scrollTtlMs = 50;
    try {
      const first = await stack.query(SCROLL);
      await new Promise((r) => setTimeout(r, 80));
      const res = await stack.query(SCROLL, { after: first.data.scrollCompanies.pageInfo.endCursor });
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toMatch(/expired/);
      expect(res.errors?.[0]?.extensions?.intercom?.errors?.[0]?.message).toBe("scroll parameter not found");
    } finally {
      ws().companiesSettings.scrollTtlMs = 60_000;
      ws().companyScroll = null;
    }
  });

  it("a cursor it did not return is BAD_USER_INPUT before any call", async () => {
    const res = await stack.query(SCROLL, { after: "not-a-cursor" });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });
});

describe("attached lists", () => {
  it("companyContacts lists the company's contacts with page-number paging", async () => {
    const company = ws().companies.find((c) => c.user_count >= 4)!;
    const expected = ws().contacts.filter((c) => c.companies.data.some((r) => r.id === company.id)).map((c) => c.id);
    const q = `query ($id: ID!, $after: String) { companyContacts(companyId: $id, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const first = await stack.query(q, { id: company.id });
    expect(first.errors).toBeUndefined();
    expect(first.data.companyContacts.totalCount).toBe(expected.length);
    const second = await stack.query(q, { id: company.id, after: first.data.companyContacts.pageInfo.endCursor });
    expect([...first.data.companyContacts.nodes, ...second.data.companyContacts.nodes].map((n: any) => n.id)).toEqual(expected.slice(0, 4));
  });

  it("companySegments and contactSegments list the segments a company or contact is in", async () => {
    const company = ws().companies.find((c) => c.plan.name === "Enterprise")!;
    const lead = ws().contacts.find((c) => c.role === "lead")!;
    const res = await stack.query(
      `query ($co: ID!, $c: ID!) { companySegments(companyId: $co) { nodes { name personType } } contactSegments(contactId: $c) { totalCount nodes { id name personType } } }`,
      { co: company.id, c: lead.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.companySegments.nodes.map((s: any) => s.name)).toContain("Enterprise companies");
    expect(res.data.contactSegments.nodes).toContainEqual(expect.objectContaining({ name: "All leads", personType: "CONTACT" }));
  });

  it("contactCompanies lists a contact's companies; an unknown contact is NOT_FOUND", async () => {
    const contact = ws().contacts.find((c) => c.companies.data.length === 2) ?? ws().contacts.find((c) => c.companies.data.length > 0)!;
    const res = await stack.query(`query ($id: ID!) { contactCompanies(contactId: $id) { totalCount nodes { id name } } }`, { id: contact.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.contactCompanies.nodes.map((n: any) => n.id)).toEqual(contact.companies.data.map((r) => r.id));
    const missing = await stack.query(`{ contactCompanies(contactId: "000000000000000000000000") { nodes { id } } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
