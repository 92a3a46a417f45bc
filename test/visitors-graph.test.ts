import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Visitors over the graph: retrieve, update, convert, and the owner link budget. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const FIELDS = `id userId anonymous email phone name pseudonym avatar { imageUrl } appId companyIds
  locationData { cityName countryCode countryName regionName postalCode continentCode timezone }
  lastRequestAt createdAt remoteCreatedAt signedUpAt updatedAt sessionCount socialProfiles ownerId
  unsubscribedFromEmails markedEmailAsSpam hasHardBounced tagIds tags { id name } segmentIds customAttributes
  referrer utmCampaign utmContent utmMedium utmSource utmTerm doNotTrack`;
const GET = `query ($userId: String!) { visitor(userId: $userId) { ${FIELDS} } }`;
const iso = (unix: number | null) => (unix === null ? null : new Date(unix * 1000).toISOString());

describe("visitor", () => {
  it("retrieves a visitor by user_id with every property mapped", async () => {
    const v = ws().visitors.find((x) => x.tags.tags.length > 0 && x.location_data.city_name)!;
    const res = await stack.query(GET, { userId: v.user_id });
    expect(res.errors).toBeUndefined();
    expect(res.data.visitor).toMatchObject({
      id: v.id,
      userId: v.user_id,
      anonymous: v.anonymous,
      email: v.email,
      pseudonym: v.pseudonym,
      appId: v.app_id,
      locationData: { cityName: v.location_data.city_name, countryCode: v.location_data.country_code },
      lastRequestAt: iso(v.las_request_at ?? null),
      createdAt: iso(v.created_at),
      ownerId: v.owner_id,
      tagIds: v.tags.tags.map((t) => t.id),
      tags: v.tags.tags.map((t) => ({ id: t.id, name: t.name })),
      customAttributes: v.custom_attributes,
      utmCampaign: v.utm_campaign,
    });
    expect(stack.upstream()[0]).toMatchObject({ method: "GET", path: "/visitors", query: { user_id: v.user_id } });
  });

  it("an unknown user_id is NOT_FOUND", async () => {
    const res = await stack.query(GET, { userId: "nobody" });
    expect(res.data.visitor).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("Visitor.owner, .segments and .companies for 25 visitors cost 27 calls: one GET /visitors each, GET /admins and GET /segments", async () => {
    const visitors = ws().visitors.slice(0, 25);
    const fields = "ownerId owner { id name } segmentIds segments { id } companyIds companies { id name }";
    const query = `{ ${visitors.map((v, i) => `v${i}: visitor(userId: "${v.user_id}") { ${fields} }`).join("\n")} }`;
    const res = await stack.query(query);
    expect(res.errors).toBeUndefined();
    const owned = visitors.filter((v) => v.owner_id !== null);
    expect(owned.length).toBeGreaterThan(3);
    expect(visitors.some((v) => v.segments.segments.length > 0) && visitors.some((v) => v.companies.companies.length > 0)).toBe(true);
    visitors.forEach((v, i) => {
      const got = res.data[`v${i}`];
      expect(got.owner?.id ?? null).toBe(v.owner_id);
      expect(got.segments.map((s: any) => s.id)).toEqual(v.segments.segments);
      expect(got.companies).toEqual(v.companies.companies.map((c) => ({ id: c.id, name: c.name })));
    });
    const made = calls();
    expect(made.filter((c) => c === "GET /admins")).toHaveLength(1);
    expect(made.filter((c) => c === "GET /segments")).toHaveLength(1);
    expect(made.filter((c) => c === "GET /visitors")).toHaveLength(25);
    expect(made).toHaveLength(27);
  });
});

describe("updateVisitor", () => {
  const UPDATE = `mutation ($input: UpdateVisitorInput!) { updateVisitor(input: $input) { id name customAttributes } }`;

  it("updates by id and by userId; a read sees the change", async () => {
    const v = ws().visitors[3]!;
    const byId = await stack.query(UPDATE, { input: { id: v.id, name: "Gareth Bale", customAttributes: { plan: "pro" } } });
    expect(byId.errors).toBeUndefined();
    expect(byId.data.updateVisitor).toMatchObject({ id: v.id, name: "Gareth Bale", customAttributes: { plan: "pro" } });
    expect(stack.upstream().at(-1)).toMatchObject({ method: "PUT", path: "/visitors", body: { id: v.id, name: "Gareth Bale", custom_attributes: { plan: "pro" } } });
    const byUserId = await stack.query(UPDATE, { input: { userId: v.user_id, name: "G. Bale" } });
    expect(byUserId.data.updateVisitor.name).toBe("G. Bale");
    const read = await stack.query(GET, { userId: v.user_id });
    expect(read.data.visitor).toMatchObject({ name: "G. Bale", customAttributes: { plan: "pro" } });
  });

  it("needs exactly one of id or userId (checked before any upstream call); unknown visitors are NOT_FOUND", async () => {
    const neither = await stack.query(UPDATE, { input: { name: "x" } });
    expect(neither.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const both = await stack.query(UPDATE, { input: { id: "a", userId: "b", name: "x" } });
    expect(both.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
    const unknown = await stack.query(UPDATE, { input: { userId: "fail", name: "Christian Fail" } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("convertVisitor", () => {
  const CONVERT = `mutation ($input: ConvertVisitorInput!) { convertVisitor(input: $input) { id role externalId email name } }`;

  it("turns a visitor into a new user that reads back by id; the visitor is gone", async () => {
    const v = ws().visitors[5]!;
    const res = await stack.query(CONVERT, {
      input: { type: "USER", user: { userId: "graph-convert-1", email: "graph.convert@bar.example" }, visitor: { userId: v.user_id } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.convertVisitor).toEqual({ id: v.id, role: "USER", externalId: "graph-convert-1", email: "graph.convert@bar.example", name: v.name });
    expect(stack.upstream().at(-1)!.body).toEqual({ type: "user", user: { user_id: "graph-convert-1", email: "graph.convert@bar.example" }, visitor: { user_id: v.user_id } });
    const contact = await stack.query(`query ($id: ID!) { contact(id: $id) { id role externalId } }`, { id: v.id });
    expect(contact.errors).toBeUndefined();
    expect(contact.data.contact).toEqual({ id: v.id, role: "USER", externalId: "graph-convert-1" });
    const gone = await stack.query(GET, { userId: v.user_id });
    expect(gone.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("merges a visitor into an existing user", async () => {
    const v = ws().visitors[6]!;
    const user = ws().contacts.find((c) => c.role === "user" && c.external_id)!;
    const res = await stack.query(CONVERT, { input: { type: "USER", user: { userId: user.external_id }, visitor: { id: v.id } } });
    expect(res.errors).toBeUndefined();
    expect(res.data.convertVisitor).toMatchObject({ id: user.id, externalId: user.external_id });
    expect(ws().visitors.some((x) => x.id === v.id)).toBe(false);
  });

  it("turns a visitor into a lead", async () => {
    const v = ws().visitors[7]!;
    const res = await stack.query(CONVERT, { input: { type: "LEAD", user: { userId: "lead-from-visitor" }, visitor: { email: v.email } } });
    expect(res.errors).toBeUndefined();
    expect(res.data.convertVisitor).toMatchObject({ id: v.id, role: "LEAD", email: v.email });
  });

  it("rejects ambiguous identifiers before any upstream call", async () => {
    const v = ws().visitors[8]!;
    const twoVisitorIds = await stack.query(CONVERT, { input: { type: "USER", user: { userId: "x" }, visitor: { id: v.id, userId: v.user_id } } });
    expect(twoVisitorIds.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const noUser = await stack.query(CONVERT, { input: { type: "USER", user: { email: "a@b.example" }, visitor: { id: v.id } } });
    expect(noUser.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
    const unknown = await stack.query(CONVERT, { input: { type: "USER", user: { userId: "x" }, visitor: { userId: "nobody" } } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
