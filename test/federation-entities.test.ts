import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENTITIES } from "../src/schema/federation.js";
import { ENTITY_COSTS, clientIdsCost } from "../src/server/query-costs.js";
import { startStack, type Stack } from "./support/stack.js";

/**
 * What n `_entities` references of each entity type cost upstream, counted exactly on the
 * sandbox's request log: the floors docs/federation.md states. Every type is asked for with at
 * least 50 references; where the seed has fewer records, the workspace is topped up first
 * (through the gateway's mutations where Intercom has a create endpoint, else in the sandbox's
 * workspace). Search lags writes by a minute here, so a record created in a test is one the
 * search misses.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ sandbox: { searchIndexLagMs: 60_000 } });
  await topUp();
}, 60_000);
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const times = (n: number, call: string) => Array.from({ length: n }, () => call);

async function mutate(query: string, variables?: Record<string, unknown>) {
  const res = await stack.query(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** Records enough of every type to reference 50 of each (70 listed companies: two list pages). */
async function topUp(): Promise<void> {
  const w = ws();
  const clone = <T extends { id: string }>(list: T[], upTo: number, make: (i: number, base: T) => T) => {
    for (let i = list.length; i < upTo; i++) list.push(make(i, list[i % list.length]!));
  };
  // No create endpoint in the API: straight into the workspace, shaped like the seed's records.
  clone(w.admins, 50, (i, a) => ({ ...a, id: String(7360000 + i), name: `Admin ${i}`, email: `admin${i}@northwind.example` }));
  clone(w.teams, 50, (i, t) => ({ ...t, id: String(5018000 + i), name: `Team ${i}` }));
  clone(w.segments, 50, (i, s) => ({ ...s, id: (0x5e9000000000000000000000n + BigInt(i)).toString(16), name: `Segment ${i}` }));
  clone(w.subscriptionTypes, 50, (i, s) => ({ ...s, id: String(38000 + i) }));
  clone(w.helpCenters, 50, (i, h) => ({ ...h, id: String(2400100 + i), identifier: `hc${i}`, display_name: `Help Center ${i}` }));
  clone(w.newsfeeds, 50, (i, f) => ({ ...f, id: String(100 + i), name: `Feed ${i}` }));
  // Through the gateway's mutations (Intercom's create endpoints).
  const sender = w.admins[0]!.id;
  for (let i = w.tags.length; i < 50; i++) await mutate(`mutation($n: String!) { createOrUpdateTag(input: { name: $n }) { id } }`, { n: `Tag ${i}` });
  for (let i = w.ticketTypes.length; i < 50; i++) await mutate(`mutation($n: String!) { createTicketType(input: { name: $n }) { id } }`, { n: `Type ${i}` });
  for (let i = w.collections.length; i < 50; i++) await mutate(`mutation($n: String!) { createCollection(input: { name: $n }) { id } }`, { n: `Collection ${i}` });
  for (let i = w.newsItems.length; i < 50; i++) {
    await mutate(`mutation($t: String!, $s: ID!) { createNewsItem(input: { title: $t, senderId: $s }) { id } }`, { t: `News ${i}`, s: sender });
  }
  // POST /companies/list lists only companies with users: each new company gets a contact.
  for (let i = w.companies.length; i < 70; i++) {
    const { createOrUpdateCompany } = await mutate(`mutation($c: String!) { createOrUpdateCompany(input: { companyId: $c, name: $c }) { id } }`, { c: `cmp_x${i}` });
    await mutate(`mutation($co: ID!, $ct: ID!) { attachContactToCompany(companyId: $co, contactId: $ct) { id } }`, {
      co: createOrUpdateCompany.id,
      ct: w.contacts[i]!.id,
    });
  }
  for (const [type, list] of Object.entries({ admins: w.admins, teams: w.teams, tags: w.tags, segments: w.segments, ticketTypes: w.ticketTypes })) {
    expect(list.length, type).toBeGreaterThanOrEqual(50);
  }
  expect(w.companies.filter((c) => c.user_count > 0)).toHaveLength(70);
}

/** `_entities` for `ids` of `type` with `selection`; the answers in order. */
async function references(type: string, ids: readonly string[], selection = "id") {
  stack.resetUpstream();
  const res = await stack.query(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${type} { ${selection} } } }`, {
    reps: ids.map((id) => ({ __typename: type, id })),
  });
  return res;
}

/** The answers are the records asked for, in order, with no error. */
function expectAll(res: Awaited<ReturnType<typeof references>>, ids: readonly string[]) {
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  expect(res.data._entities.map((e: { id: string }) => e.id)).toEqual(ids);
}

/** The calls made stay within what the query limits estimated for these ids (ENTITY_COSTS). */
function expectWithinEstimate(type: string, ids: readonly string[]) {
  expect(calls().length).toBeLessThanOrEqual(clientIdsCost(type, ids));
}

describe("whole-workspace lists: any number of references, one call", () => {
  const cases: Array<[type: string, list: () => Array<{ id: string; name?: string | null }>, call: string, field: string]> = [
    ["Admin", () => ws().admins, "GET /admins", "name"],
    ["Team", () => ws().teams, "GET /teams", "name"],
    ["Tag", () => ws().tags, "GET /tags", "name"],
    ["Segment", () => ws().segments, "GET /segments", "name"],
    ["TicketType", () => ws().ticketTypes, "GET /ticket_types", "name"],
    ["SubscriptionType", () => ws().subscriptionTypes, "GET /subscription_types", "id"],
    ["HelpCenter", () => ws().helpCenters, "GET /help_center/help_centers", "id"],
    ["Newsfeed", () => ws().newsfeeds, "GET /news/newsfeeds", "name"],
  ];
  for (const [type, list, call, field] of cases) {
    it(`${type}: 50 references cost 1 call (${call})`, async () => {
      const records = list().slice(0, 50);
      expect(records).toHaveLength(50);
      const ids = records.map((r) => r.id);
      const res = await references(type, ids, `id ${field}`);
      expectAll(res, ids);
      if (field === "name") expect(res.data._entities.map((e: any) => e.name)).toEqual(records.map((r) => r.name));
      expect(calls()).toEqual([call]);
      expect(ENTITY_COSTS[type]!.calls(50)).toBe(1);
    });
  }
});

describe("search with id IN [...]: ⌈n/150⌉ calls, and a GET for each id the search misses", () => {
  it("Contact: 200 references cost 2 searches", async () => {
    const records = ws().contacts.slice(0, 200);
    const ids = records.map((c) => c.id);
    const res = await references("Contact", ids, "id email");
    expectAll(res, ids);
    expect(res.data._entities.map((c: any) => c.email)).toEqual(records.map((c) => c.email));
    expect(calls()).toEqual(times(2, "POST /contacts/search"));
    expect(stack.upstream().map((r) => (r.body as any).query.value.length)).toEqual([150, 50]);
    expect(ENTITY_COSTS.Contact!.calls(200)).toBe(2);
  });

  it("Contact: a contact created a moment ago, which search does not show yet, costs its GET", async () => {
    const { createContact } = await mutate(`mutation { createContact(input: { role: USER, email: "fresh-entity@example.com" }) { id } }`);
    const ids = [...ws().contacts.slice(0, 59).map((c) => c.id), createContact.id];
    const res = await references("Contact", ids, "id email");
    expectAll(res, ids);
    expect(res.data._entities[59].email).toBe("fresh-entity@example.com");
    expect(calls()).toEqual(["POST /contacts/search", `GET /contacts/${createContact.id}`]);
    expectWithinEstimate("Contact", ids);
  });

  it("Ticket: 120 references cost 1 search", async () => {
    const ids = ws().tickets.slice(0, 120).map((t) => t.id);
    const res = await references("Ticket", ids, "id");
    expectAll(res, ids);
    expect(calls()).toEqual(["POST /tickets/search"]);
  });
});

describe("Conversation: search unless the selection needs parts", () => {
  it("100 references without parts cost 1 search (not 100 GETs)", async () => {
    const records = ws().conversations.slice(0, 100);
    const ids = records.map((c) => c.id);
    const res = await references("Conversation", ids, "id state title contacts { id }");
    expectAll(res, ids);
    expect(res.data._entities.map((c: any) => c.state)).toEqual(records.map((c) => c.state.toUpperCase()));
    expect(res.data._entities.map((c: any) => c.contacts.map((x: any) => x.id))).toEqual(records.map((c) => c.contacts.contacts.map((x) => x.id)));
    // The contacts of all 100 share one contact search.
    expect(calls().sort()).toEqual(["POST /contacts/search", "POST /conversations/search"]);
    const search = stack.upstream().find((r) => r.path === "/conversations/search")!;
    expect(search.body).toMatchObject({ query: { field: "id", operator: "IN", value: ids }, pagination: { per_page: 150 } });
  });

  it("300 references without parts cost 2 searches", async () => {
    const ids = ws().conversations.slice(0, 300).map((c) => c.id);
    const res = await references("Conversation", ids);
    expectAll(res, ids);
    expect(calls()).toEqual(times(2, "POST /conversations/search"));
    expect(ENTITY_COSTS.Conversation!.calls(300)).toBe(2);
  });

  it("with conversationParts selected, 60 references cost 60 GETs (the only endpoint with parts), no search", async () => {
    const records = ws().conversations.slice(0, 60);
    const ids = records.map((c) => c.id);
    const res = await references("Conversation", ids, "id conversationParts { totalCount }");
    expectAll(res, ids);
    expect(res.data._entities.map((c: any) => c.conversationParts.totalCount)).toEqual(
      records.map((c) => Math.min(c.conversation_parts.conversation_parts.length, 500)),
    );
    expect(calls().sort()).toEqual(ids.map((id) => `GET /conversations/${id}`).sort());
    expectWithinEstimate("Conversation", ids);
  });

  it("parts asked for in a named fragment (spread in an inline fragment) are seen too", async () => {
    const ids = ws().conversations.slice(0, 50).map((c) => c.id);
    stack.resetUpstream();
    const res = await stack.query(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... { ...Parts } } }
       fragment Parts on Conversation { id conversationParts { totalCount } }`,
      { reps: ids.map((id) => ({ __typename: "Conversation", id })) },
    );
    expectAll(res, ids);
    expect(calls().sort()).toEqual(ids.map((id) => `GET /conversations/${id}`).sort());
  });

  it("a conversation started a moment ago, which search does not show yet, costs its GET; a made-up id is NOT_FOUND alone", async () => {
    const contact = ws().contacts.find((c) => c.role === "user")!;
    const { createConversation } = await mutate(
      `mutation($id: ID!) { createConversation(input: { from: { type: USER, id: $id }, body: "Hello from a test" }) { conversationId } }`,
      { id: contact.id },
    );
    const fresh = createConversation.conversationId as string;
    const ids = [...ws().conversations.slice(0, 60).map((c) => c.id).filter((id) => id !== fresh), fresh, "999999999"];
    const res = await references("Conversation", ids, "id");
    expect(res.status).toBe(200);
    expect(res.data._entities.slice(0, -1).map((c: any) => c.id)).toEqual(ids.slice(0, -1));
    expect(res.data._entities.at(-1)).toBeNull();
    expect(res.errors!.map((e) => [e.extensions!.code, e.path])).toEqual([["NOT_FOUND", ["_entities", ids.length - 1]]]);
    expect(calls().sort()).toEqual(["GET /conversations/999999999", `GET /conversations/${fresh}`, "POST /conversations/search"].sort());
    expectWithinEstimate("Conversation", ids);
  });
});

describe("pages of a whole list, then a GET for each id no page held", () => {
  it("Company: 70 references cost 2 pages of POST /companies/list (60 a page), not 70 GETs", async () => {
    const listed = ws().companies.filter((c) => c.user_count > 0);
    const ids = listed.map((c) => c.id);
    expect(ids).toHaveLength(70);
    const res = await references("Company", ids, "id name companyId");
    expectAll(res, ids);
    expect(res.data._entities.map((c: any) => c.companyId)).toEqual(listed.map((c) => c.company_id));
    expect(calls()).toEqual(times(2, "POST /companies/list"));
    expect(stack.upstream().map((r) => r.query)).toEqual([1, 2].map((page) => ({ page: String(page), per_page: "60", order: "desc" })));
    expectWithinEstimate("Company", ids);
  });

  it("Company: a company the list leaves out (no users) costs its GET", async () => {
    const { createOrUpdateCompany } = await mutate(`mutation { createOrUpdateCompany(input: { companyId: "cmp_lonely", name: "Lonely" }) { id } }`);
    const ids = [...ws().companies.filter((c) => c.user_count > 0).map((c) => c.id), createOrUpdateCompany.id];
    const res = await references("Company", ids, "id name");
    expectAll(res, ids);
    expect(res.data._entities.at(-1).name).toBe("Lonely");
    // Both pages of the list (70 companies with users), then a GET for the one they leave out.
    expect(calls()).toEqual(["POST /companies/list", "POST /companies/list", `GET /companies/${createOrUpdateCompany.id}`]);
    expectWithinEstimate("Company", ids);
  });

  it("Company: 50 made-up ids cost one page and 50 GETs: a page that finds nothing stops the paging (never more than 1 + n)", async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `${i}`.padStart(24, "e"));
    const res = await references("Company", ids, "id");
    expect(res.status).toBe(200);
    expect(res.data._entities).toEqual(ids.map(() => null));
    expect(new Set(res.errors!.map((e) => e.extensions!.code))).toEqual(new Set(["NOT_FOUND"]));
    expect(calls().sort()).toEqual(["POST /companies/list", ...ids.map((id) => `GET /companies/${id}`)].sort());
    expect(calls()).toHaveLength(clientIdsCost("Company", ids));
  });

  it("Company: one reference costs its GET, not a page", async () => {
    const company = ws().companies[0]!;
    const res = await references("Company", [company.id], "id name");
    expectAll(res, [company.id]);
    expect(calls()).toEqual([`GET /companies/${company.id}`]);
  });

  it("Collection: 50 references cost 1 page of GET /help_center/collections", async () => {
    const records = ws().collections.slice(0, 50);
    const ids = records.map((c) => c.id);
    expect(ids).toHaveLength(50);
    const res = await references("Collection", ids, "id name");
    expectAll(res, ids);
    expect(res.data._entities.map((c: any) => c.name)).toEqual(records.map((c) => c.name));
    expect(calls()).toEqual(["GET /help_center/collections"]);
  });

  it("NewsItem: 50 references cost 1 page of GET /news/news_items", async () => {
    const records = ws().newsItems.slice(0, 50);
    const ids = records.map((n) => n.id);
    expect(ids).toHaveLength(50);
    const res = await references("NewsItem", ids, "id title");
    expectAll(res, ids);
    expect(res.data._entities.map((n: any) => n.title)).toEqual(records.map((n) => n.title));
    expect(calls()).toEqual(["GET /news/news_items"]);
  });

  it("Article: 60 references without statistics cost 1 page of GET /articles", async () => {
    const records = ws().articles.slice(0, 60);
    const ids = records.map((a) => a.id);
    expect(ids).toHaveLength(60);
    const res = await references("Article", ids, "id title");
    expectAll(res, ids);
    expect(res.data._entities.map((a: any) => a.title)).toEqual(records.map((a) => a.title));
    expect(calls()).toEqual(["GET /articles"]);
  });

  it("Article: with statistics selected (only GET /articles/{id} has them), 60 references cost 60 GETs", async () => {
    const records = ws().articles.slice(0, 60);
    const ids = records.map((a) => a.id);
    const res = await references("Article", ids, "id statistics { views }");
    expectAll(res, ids);
    expect(res.data._entities.map((a: any) => a.statistics.views)).toEqual(records.map((a) => a.statistics.views));
    expect(calls().sort()).toEqual(ids.map((id) => `GET /articles/${id}`).sort());
    expectWithinEstimate("Article", ids);
  });
});

describe("no batch endpoint", () => {
  it("Note: 50 references cost 50 GETs, de-duplicated (a note is read by id, or by its contact, which a reference lacks)", async () => {
    const records = ws().notes.slice(0, 50);
    const ids = records.map((n) => n.id);
    const res = await references("Note", [...ids, ...ids.slice(0, 10)], "id body");
    expectAll(res, [...ids, ...ids.slice(0, 10)]);
    expect(calls().sort()).toEqual(ids.map((id) => `GET /notes/${id}`).sort());
    expect(ENTITY_COSTS.Note!.calls(50)).toBe(50);
  });
});

it("every entity type is tested here", () => {
  expect(Object.keys(ENTITIES).sort()).toEqual(
    [
      "Admin", "Team", "Tag", "Segment", "TicketType", "SubscriptionType", "HelpCenter", "Newsfeed",
      "Contact", "Ticket", "Conversation", "Company", "Collection", "NewsItem", "Article", "Note",
    ].sort(),
  );
});
