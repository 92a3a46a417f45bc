// Contract test for the companies and segments operations of the sandbox: real responses
// validated against the Intercom 2.11 document's response schemas, plus the list limits
// Intercom documents (one scroll per workspace that expires, page-depth limit).
import { describe, expect, it } from "vitest";
import { contractSuite, specExists, warnIfSpecMissing } from "./support/openapi.js";

warnIfSpecMissing("sandbox-contract-companies");

describe.skipIf(!specExists)("sandbox companies and segments ⇄ Intercom 2.11 response schemas", () => {
  const suite = contractSuite();

  const ws = () => suite.sandbox.workspace;
  const { call, check, checkError } = suite;
  const contactWithCompany = () => ws().contacts.find((c) => c.companies.data.length > 0)!;

  it("GET /companies/{id} → company (with plan, tags, segments); unknown id → 404 company_not_found", async () => {
    for (const company of ws().companies.slice(0, 8)) {
      const body = await check("GET", "/companies/{company_id}", `/companies/${company.id}`);
      expect(body).toMatchObject({ type: "company", id: company.id, company_id: company.company_id, segments: { type: "segment.list" } });
    }
    await checkError("GET", "/companies/000000000000000000000000", 404, "company_not_found");
  });

  it("POST /companies/list → company_list of companies with users, by last_request_at desc; per_page and order apply", async () => {
    const body = await check("POST", "/companies/list", "/companies/list?per_page=10");
    expect(body.data).toHaveLength(10);
    expect(body.total_count).toBe(ws().companies.filter((c) => c.user_count > 0).length);
    const times = body.data.map((c: any) => c.last_request_at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const asc = await check("POST", "/companies/list", "/companies/list?per_page=10&order=asc&page=2");
    expect(asc.pages).toMatchObject({ type: "pages", page: 2, per_page: 10 });
    await checkError("POST", "/companies/list?order=sideways", 400, "parameter_invalid");
  });

  it("GET /companies by company_id, name, tag_id and segment_id → company_list; unknown name → 404", async () => {
    const company = ws().companies[3]!;
    const byId = await check("GET", "/companies", `/companies?company_id=${company.company_id}`);
    expect(byId.data.map((c: any) => c.id)).toEqual([company.id]);
    const byName = await check("GET", "/companies", `/companies?name=${encodeURIComponent(company.name.toUpperCase())}`);
    expect(byName.data.map((c: any) => c.id)).toEqual([company.id]);
    const keyAccounts = ws().segments.find((s) => s.name === "Key accounts")!;
    const bySegment = await check("GET", "/companies", `/companies?segment_id=${keyAccounts.id}&per_page=60`);
    expect(bySegment.total_count).toBe(ws().companies.filter((c) => c.monthly_spend >= 999).length);
    expect(bySegment.total_count).toBeGreaterThan(0);
    const byTag = await check("GET", "/companies", `/companies?tag_id=${ws().tags[0]!.id}`);
    expect(byTag.type).toBe("list");
    await checkError("GET", "/companies?name=No%20Such%20Company", 404, "company_not_found");
  });

  it("deep page-based listing answers 'page limit reached, please use scroll API' past the depth limit", async () => {
    ws().companiesSettings.pageDepthLimit = 20;
    try {
      await check("POST", "/companies/list", "/companies/list?per_page=10&page=2");
      const error = (await checkError("POST", "/companies/list?per_page=10&page=3", 400, "bad_request")).errors[0];
      expect(error.message).toBe("page limit reached, please use scroll API");
    } finally {
      ws().companiesSettings.pageDepthLimit = 10_000;
    }
  });

  it("GET /companies/scroll → company_scroll; one scroll per workspace; the end empties the page and frees the scroll", async () => {
    const first = await check("GET", "/companies/scroll", "/companies/scroll");
    expect(first.scroll_param).toEqual(expect.any(String));
    expect(first.data.length).toBe(ws().companiesSettings.scrollPageSize);
    const second = (await checkError("GET", "/companies/scroll", 400, "bad_request")).errors[0];
    expect(second.message).toBe("scroll already exists for this app");

    const seen = new Set<string>(first.data.map((c: any) => c.id));
    for (let i = 0; i < 10; i++) {
      const page = await check("GET", "/companies/scroll", `/companies/scroll?scroll_param=${first.scroll_param}`);
      if (page.data.length === 0) break;
      page.data.forEach((c: any) => seen.add(c.id));
    }
    expect(seen.size).toBe(ws().companies.length);
    // Ended: the param is gone and a new scroll may start.
    const gone = (await checkError("GET", `/companies/scroll?scroll_param=${first.scroll_param}`, 404, "not_found")).errors[0];
    expect(gone.message).toBe("scroll parameter not found");
    const again = await check("GET", "/companies/scroll", "/companies/scroll");
    expect(again.scroll_param).not.toBe(first.scroll_param);
    ws().companyScroll = null;
  });

  it("a scroll unused for longer than its TTL expires: its param is not found and a new scroll may open", async () => {
    ws().companiesSettings.scrollTtlMs = 50;
    try {
      const first = await check("GET", "/companies/scroll", "/companies/scroll");
      await new Promise((r) => setTimeout(r, 80));
      const error = (await checkError("GET", `/companies/scroll?scroll_param=${first.scroll_param}`, 404, "not_found")).errors[0];
      expect(error.message).toBe("scroll parameter not found");
      await check("GET", "/companies/scroll", "/companies/scroll");
    } finally {
      ws().companiesSettings.scrollTtlMs = 60_000;
      ws().companyScroll = null;
    }
  });

  it("GET /companies/{id}/contacts → company_attached_contacts with the company's contacts", async () => {
    const company = ws().companies.find((c) => c.user_count >= 3)!;
    const body = await check("GET", "/companies/{company_id}/contacts", `/companies/${company.id}/contacts?per_page=2`);
    expect(body.total_count).toBe(company.user_count);
    expect(body.data).toHaveLength(2);
    expect(body.pages).toMatchObject({ page: 1, per_page: 2, total_pages: Math.ceil(company.user_count / 2) });
    await checkError("GET", "/companies/000000000000000000000000/contacts", 404, "company_not_found");
  });

  it("GET /companies/{id}/segments → company_attached_segments (rule-based company segments)", async () => {
    const company = ws().companies.find((c) => c.monthly_spend >= 999)!;
    const body = await check("GET", "/companies/{company_id}/segments", `/companies/${company.id}/segments`);
    expect(body.data.map((s: any) => s.name)).toContain("Key accounts");
    await checkError("GET", "/companies/000000000000000000000000/segments", 404, "company_not_found");
  });

  it("GET /contacts/{id}/companies → contact_attached_companies; unknown contact → 404", async () => {
    const contact = contactWithCompany();
    const body = await check("GET", "/contacts/{contact_id}/companies", `/contacts/${contact.id}/companies`);
    expect(body.companies.map((c: any) => c.id)).toEqual(contact.companies.data.map((r) => r.id));
    expect(body.pages).toMatchObject({ type: "pages", page: 1 });
    await checkError("GET", "/contacts/000000000000000000000000/companies", 404, "not_found");
  });

  it("GET /contacts/{id}/segments → contact_segments", async () => {
    const lead = ws().contacts.find((c) => c.role === "lead")!;
    const body = await check("GET", "/contacts/{contact_id}/segments", `/contacts/${lead.id}/segments`);
    expect(body.data.map((s: any) => s.name)).toContain("All leads");
    await checkError("GET", "/contacts/000000000000000000000000/segments", 404, "not_found");
  });

  it("GET /segments (with and without include_count) → segment_list; GET /segments/{id} → segment; unknown → 404", async () => {
    const plain = await check("GET", "/segments", "/segments");
    expect(plain.segments.length).toBeGreaterThanOrEqual(8);
    expect(plain.segments.every((s: any) => s.count === undefined)).toBe(true);
    const counted = await check("GET", "/segments", "/segments?include_count=true");
    const leads = counted.segments.find((s: any) => s.name === "All leads");
    expect(leads.count).toBe(ws().contacts.filter((c) => c.role === "lead").length);
    expect(leads.person_type).toBe("contact");
    const one = await check("GET", "/segments/{segment_id}", `/segments/${plain.segments[0].id}`);
    expect(one.id).toBe(plain.segments[0].id);
    await checkError("GET", "/segments/nope", 404, "not_found");
  });

  it("POST /companies creates, then updates by company_id; validation errors use the document's codes", async () => {
    const created = await check("POST", "/companies", "/companies", {
      company_id: "contract_co_1",
      name: "Contract Co",
      plan: "Enterprise",
      size: 12,
      website: "https://contract.example",
      industry: "Testing",
      monthly_spend: 155.98,
      custom_attributes: { region: "EMEA" },
    });
    expect(created).toMatchObject({ company_id: "contract_co_1", name: "Contract Co", monthly_spend: 155, user_count: 0, plan: { name: "Enterprise" } });
    const updated = await check("POST", "/companies", "/companies", { company_id: "contract_co_1", size: 40 });
    expect(updated).toMatchObject({ id: created.id, size: 40, name: "Contract Co" });
    await checkError("POST", "/companies", 400, "bad_request", { company_id: "x", test: 1 });
    await checkError("POST", "/companies", 400, "parameter_invalid", { company_id: "x", size: "big" });
    await checkError("POST", "/companies", 400, "parameter_invalid", { company_id: "x", custom_attributes: { n: 1 } });
    await checkError("POST", "/companies", 400, "parameter_not_found", { industry: "x" });
  });

  it("PUT /companies/{id} → company; company_id can't change; unknown id → 404", async () => {
    const company = ws().companies[5]!;
    const body = await check("PUT", "/companies/{company_id}", `/companies/${company.id}`, { name: "Renamed Ltd", monthly_spend: 42 });
    expect(body).toMatchObject({ id: company.id, name: "Renamed Ltd", monthly_spend: 42 });
    await checkError("PUT", `/companies/${company.id}`, 400, "parameter_invalid", { company_id: "other" });
    await checkError("PUT", "/companies/000000000000000000000000", 404, "company_not_found", { name: "x" });
  });

  it("attach and detach keep the contact's references and the company's user_count in step", async () => {
    const contact = ws().contacts.find((c) => c.companies.data.length === 0)!;
    const company = ws().companies[7]!;
    const before = company.user_count;
    const attached = await check("POST", "/contacts/{contact_id}/companies", `/contacts/${contact.id}/companies`, { id: company.id });
    expect(attached.user_count).toBe(before + 1);
    expect(contact.companies.data.map((r) => r.id)).toEqual([company.id]);
    expect(contact.companies.total_count).toBe(1);
    // Attaching twice changes nothing.
    expect((await check("POST", "/contacts/{contact_id}/companies", `/contacts/${contact.id}/companies`, { id: company.id })).user_count).toBe(before + 1);
    await checkError("POST", `/contacts/${contact.id}/companies`, 400, "parameter_not_found", {});
    await checkError("POST", `/contacts/${contact.id}/companies`, 404, "company_not_found", { id: "000000000000000000000000" });
    await checkError("POST", "/contacts/000000000000000000000000/companies", 404, "not_found", { id: company.id });

    const detached = await check("DELETE", "/contacts/{contact_id}/companies/{company_id}", `/contacts/${contact.id}/companies/${company.id}`);
    expect(detached.user_count).toBe(before);
    expect(contact.companies.data).toEqual([]);
    await checkError("DELETE", `/contacts/${contact.id}/companies/000000000000000000000000`, 404, "company_not_found");
    await checkError("DELETE", `/contacts/000000000000000000000000/companies/${company.id}`, 404, "not_found");
  });

  it("DELETE /companies/{id} → deleted_company_object; contacts are detached and stay; then 404", async () => {
    const company = ws().companies.find((c) => c.user_count >= 2)!;
    const members = ws().contacts.filter((c) => c.companies.data.some((r) => r.id === company.id));
    const body = await check("DELETE", "/companies/{company_id}", `/companies/${company.id}`);
    expect(body).toEqual({ id: company.id, object: "company", deleted: true });
    for (const contact of members) {
      expect(ws().contacts).toContain(contact);
      expect(contact.companies.data.some((r) => r.id === company.id)).toBe(false);
    }
    await checkError("GET", `/companies/${company.id}`, 404, "company_not_found");
    await checkError("DELETE", `/companies/${company.id}`, 404, "company_not_found");
  });
});
