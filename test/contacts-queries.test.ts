import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, walkPages, type Stack } from "./support/stack.js";

/** contact, contacts and searchContacts over the sandbox. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

const FIELDS = `id externalId workspaceId role email emailDomain phone formattedPhone name ownerId
  hasHardBounced markedEmailAsSpam unsubscribedFromEmails createdAt updatedAt signedUpAt lastSeenAt
  lastRepliedAt lastContactedAt lastEmailOpenedAt lastEmailClickedAt languageOverride browser browserVersion
  browserLanguage os androidAppName androidAppVersion androidDevice androidOsVersion androidSdkVersion
  androidLastSeenAt iosAppName iosAppVersion iosDevice iosOsVersion iosSdkVersion iosLastSeenAt
  customAttributes avatar { imageUrl } tagIds noteIds companyIds
  location { country region city countryCode continentCode } socialProfiles { name url }
  utmCampaign utmContent utmMedium utmSource utmTerm referrer`;

const iso = (s: number | null) => (s === null ? null : new Date(s * 1000).toISOString());

describe("contact(id)", () => {
  it("returns every attribute of the REST contact, camelCased", async () => {
    const c = ws().contacts.find((x) => x.ios_device !== null && x.tags.total_count > 0 && x.companies.total_count > 0)!;
    const res = await stack.query(`query ($id: ID!) { contact(id: $id) { ${FIELDS} } }`, { id: c.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.contact).toMatchObject({
      id: c.id,
      externalId: c.external_id,
      workspaceId: c.workspace_id,
      role: c.role.toUpperCase(),
      email: c.email,
      ownerId: c.owner_id === null ? null : String(c.owner_id),
      createdAt: iso(c.created_at),
      iosDevice: c.ios_device,
      iosLastSeenAt: iso(c.ios_last_seen_at),
      androidDevice: null,
      tagIds: c.tags.data.map((t) => t.id),
      noteIds: c.notes.data.map((n) => n.id),
      companyIds: c.companies.data.map((x) => x.id),
      location: {
        country: c.location.country,
        region: c.location.region,
        city: c.location.city,
        // Not in the document's contact_location (Intercom may send them; the sandbox sends what the document says).
        countryCode: null,
        continentCode: null,
      },
      utmSource: null,
      referrer: null,
      customAttributes: c.custom_attributes,
    });
    expect(calls()).toEqual([`GET /contacts/${c.id}`]);
  });
});

describe("contacts (GET /contacts)", () => {
  it("pages through every contact with cursors, one upstream call per page", async () => {
    const pages = await walkPages(async (after) => {
      const res: any = await stack.query(
        `query ($after: String) { contacts(first: 100, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.contacts.totalCount).toBe(ws().contacts.length);
      return res.data.contacts;
    }, 20);
    const seen: string[] = pages.flatMap((page) => page.nodes.map((n: { id: string }) => n.id));
    expect(new Set(seen)).toEqual(new Set(ws().contacts.map((c) => c.id)));
    expect(seen).toHaveLength(ws().contacts.length);
    expect(calls()).toHaveLength(pages.length);
    expect(calls().every((c) => c === "GET /contacts")).toBe(true);
  });

  it("caps first at 150", async () => {
    const res = await stack.query(`{ contacts(first: 500) { nodes { id } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.contacts.nodes).toHaveLength(150);
    expect(stack.upstream()[0]!.query.per_page).toBe("150");
  });
});

describe("searchContacts", () => {
  const SEARCH = `query ($q: ContactSearchQuery!, $first: Int) { searchContacts(query: $q, first: $first) { totalCount nodes { id role ownerId } } }`;

  it("searches with typed fields, operators and values", async () => {
    const owner = ws().admins[2]!.id;
    const res = await stack.query(SEARCH, {
      q: { and: [{ field: "ROLE", operator: "EQ", value: { string: "user" } }, { field: "OWNER_ID", operator: "EQ", value: { int: Number(owner) } }] },
      first: 150,
    });
    expect(res.errors).toBeUndefined();
    const expected = ws().contacts.filter((c) => c.role === "user" && String(c.owner_id) === owner).map((c) => c.id);
    expect(res.data.searchContacts.totalCount).toBe(expected.length);
    expect(new Set(res.data.searchContacts.nodes.map((n: { id: string }) => n.id))).toEqual(new Set(expected));
    expect(stack.upstream()[0]!.body).toMatchObject({
      query: { operator: "AND", value: [{ field: "role", operator: "=", value: "user" }, { field: "owner_id", operator: "=", value: Number(owner) }] },
    });
  });

  it("searches a custom attribute by name and dates by day", async () => {
    const res = await stack.query(SEARCH, {
      q: { or: [{ customAttribute: "plan", operator: "EQ", value: { string: "enterprise" } }, { field: "CREATED_AT", operator: "GT", value: { dateTime: "2026-09-01T00:00:00Z" } }] },
      first: 150,
    });
    expect(res.errors).toBeUndefined();
    expect(stack.upstream()[0]!.body).toMatchObject({
      query: { operator: "OR", value: [{ field: "custom_attributes.plan", operator: "=", value: "enterprise" }, { field: "created_at", operator: ">" }] },
    });
    expect(res.data.searchContacts.nodes.length).toBeGreaterThan(0);
  });

  it.each([
    ["IN on a date", { field: "CREATED_AT", operator: "IN", value: { ints: [1, 2] } }],
    ["NEQ on a date", { field: "UPDATED_AT", operator: "NEQ", value: { dateTime: "2026-01-01T00:00:00Z" } }],
    ["GTE on a date", { field: "LAST_SEEN_AT", operator: "GTE", value: { dateTime: "2026-01-01T00:00:00Z" } }],
    ["IN on tag_id", { field: "TAG_ID", operator: "IN", value: { strings: ["9100001"] } }],
    ["CONTAINS on tag_id", { field: "TAG_ID", operator: "CONTAINS", value: { string: "91" } }],
    ["field and customAttribute", { field: "NAME", customAttribute: "plan", operator: "EQ", value: { string: "x" } }],
    ["three levels of groups", { and: [{ or: [{ and: [{ field: "NAME", operator: "EQ", value: { string: "x" } }] }] }] }],
    ["16 filters in a group", { or: Array.from({ length: 16 }, () => ({ field: "NAME", operator: "EQ", value: { string: "x" } })) }],
  ])("rejects %s before any upstream call", async (_label, q) => {
    const res = await stack.query(SEARCH, { q });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });
});
