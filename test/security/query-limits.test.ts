import { ApolloServer } from "@apollo/server";
import { buildSchema, getIntrospectionQuery, getOperationAST, isInterfaceType, isObjectType, parse } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENTITIES } from "../../src/schema/federation.js";
import { gatewaySchema } from "../../src/schema/index.js";
import { ENTITY_COSTS } from "../../src/server/query-costs.js";
import { DEFAULT_QUERY_LIMITS, measure, queryEstimate, queryLimitsPlugin, type QueryEstimate } from "../../src/server/query-limits.js";
import { startStack, type GraphQLResponse, type Stack } from "../support/stack.js";

/**
 * The query limits against what an attacker sent the production build: every refusal is a
 * QUERY_TOO_COMPLEX (HTTP 400) naming the limit, made before any upstream call, in time linear
 * in the document, with the request's real argument values.
 */
let stack: Stack; // production defaults
let tight: Stack; // a small cost budget, and documents allowed past the token limit (to reach the checks behind it)
beforeAll(async () => {
  [stack, tight] = await Promise.all([
    startStack(),
    startStack({ gateway: { queryLimits: { ...DEFAULT_QUERY_LIMITS, maxCost: 100, maxTokens: 1_000_000 } } }),
  ]);
});
afterAll(async () => {
  await Promise.all([stack.close(), tight.close()]);
});
beforeEach(() => {
  stack.resetUpstream();
  tight.resetUpstream();
});

/** POSTs a body written by hand: JSON.stringify itself overflows on the deepest variables below. */
async function raw(on: Stack, query: string, variablesJson?: string): Promise<GraphQLResponse> {
  const body = `{"query":${JSON.stringify(query)}${variablesJson ? `,"variables":${variablesJson}` : ""}}`;
  const response = await fetch(on.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await response.text();
  return { status: response.status, raw: text, ...(JSON.parse(text) as object) };
}

function expectRefused(on: Stack, res: GraphQLResponse, limit: string, value?: number) {
  expect(res.status).toBe(400);
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit, ...(value === undefined ? {} : { value }) });
  expect(res.errors![0]!.message).toContain(String(res.errors![0]!.extensions!.max));
  expect(on.upstream()).toHaveLength(0);
}

/** `fragment B0 on Query { ...B1 ...B1 } … fragment Bn on Query { leaf }`: each level doubles the spreads. */
const doubling = (levels: number, leaf = "__typename") =>
  "query { ...B0 } " +
  Array.from({ length: levels }, (_, i) => `fragment B${i} on Query { ...B${i + 1} ...B${i + 1} }`).join(" ") +
  ` fragment B${levels} on Query { ${leaf} }`;

/** `fragment F0 on Query { ...F1 } … fragment F(n-1) on Query { last }`. */
const chain = (length: number, last = "__typename") =>
  "query { ...F0 } " +
  Array.from({ length: length - 1 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(" ") +
  ` fragment F${length - 1} on Query { ${last} }`;

const healthz = (on: Stack) => fetch(on.gateway.url.replace(/\/graphql$/, "/healthz"), { signal: AbortSignal.timeout(10_000) });

describe("linear time, before validation", () => {
  it("measures the 909-byte doubling fragments at once, and runs them (the executor merges repeats)", async () => {
    const query = doubling(22);
    expect(query.length).toBeLessThan(1000);
    const res = await stack.query(query);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ __typename: "Query" });
  });

  it("keeps /healthz answering while a document that doubles 25 times is checked", async () => {
    // 2^25 spreads if walked one by one: the old check held the event loop ~40 s, past this test's timeout.
    const attack = stack.query(doubling(25));
    const health = await healthz(stack);
    expect(health.status).toBe(200);
    expect((await attack).data).toEqual({ __typename: "Query" });
  });

  it("counts what doubling spreads multiply: 2^22 copies of a root field are refused, not run", async () => {
    const res = await stack.query(doubling(22, "conversations(first: 150) { nodes { conversationParts { totalCount } } }"));
    expectRefused(stack, res, "root fields", 2 ** 22);
  });

  it("refuses a 3,000-long fragment chain at the token limit, and past it on nesting (was a 500)", async () => {
    const query = chain(3000);
    expectRefused(stack, await stack.query(query), "tokens", DEFAULT_QUERY_LIMITS.maxTokens + 1);
    // Past the token limit, graphql-js validation (NoFragmentCycles) would recurse 3,000 deep: refused before it.
    expectRefused(tight, await tight.query(query), "nesting", 3001);
    expectRefused(tight, await tight.query(chain(6000)), "nesting", 6001);
  });

  it("refuses a 10,000-deep selection with its nesting (the parser overflows on it)", async () => {
    const query = "{ admins { " + "teams { admins { ".repeat(5000) + "id" + " } }".repeat(5000) + " } }";
    for (const on of [stack, tight]) {
      const res = await on.query(query);
      expectRefused(on, res, "nesting");
      expect(res.errors![0]!.extensions!.value).toBeGreaterThan(1000);
      // Read to its end, or up to the token limit where the parser stops too.
      expect(res.errors![0]!.message).toMatch(on === tight ? /^Query nesting is 10002, over the limit of 100\./ : /^Query nesting is at least \d+, over the limit of 100\./);
    }
  });

  it("refuses a nesting of fragments that each add a level of fields, before validation", async () => {
    const query =
      "query { admins { ...A0 } } " +
      Array.from({ length: 2000 }, (_, i) => `fragment A${i} on Admin { teams { admins { ...A${i + 1} } } }`).join(" ") +
      " fragment A2000 on Admin { id }";
    expectRefused(tight, await tight.query(query), "nesting");
    expect((await healthz(tight)).status).toBe(200);
  });

  it("reports a fragment cycle as graphql-js would, before its recursive check runs", async () => {
    const res = await stack.query(`query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`);
    expect(res.status).toBe(400);
    expect(res.errors![0]).toMatchObject({ message: 'Cannot spread fragment "A" within itself via "B".', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    // A long cycle is refused on its nesting first.
    const long = tight.query(chain(3000, "...F0"));
    expectRefused(tight, await long, "nesting");
  });

  it("refuses a document every time, and checks one from Apollo's document cache with each request's variables", async () => {
    const deep = "{ " + "... on Query { ".repeat(150) + "__typename" + " }".repeat(150) + " }";
    expectRefused(stack, await stack.query(deep), "nesting", 151);
    expectRefused(stack, await stack.query(deep), "nesting", 151);
    // The error log says so too (not the stand-in document's validation error).
    const logged = stack.logs.filter((line) => line.includes('"graphql error"')).slice(-2);
    expect(logged.every((line) => line.includes('"code":"QUERY_TOO_COMPLEX"') && line.includes("Query nesting is 151"))).toBe(true);
    const query = `query($n: Int) { conversations(first: $n) { nodes { conversationParts { totalCount } } } }`;
    expect((await tight.query(query, { n: 5 })).errors).toBeUndefined();
    tight.resetUpstream();
    expectRefused(tight, await tight.query(query, { n: 150 }), "estimated cost (upstream requests)", 151);
  });
});

describe("real argument values", () => {
  const parts = (first: string) => `conversations(first: ${first}) { nodes { conversationParts { totalCount } } }`;

  it("takes a variable's default: first: $n with $n = 150 costs 151", async () => {
    expectRefused(tight, await tight.query(`query($n: Int = 150) { ${parts("$n")} }`), "estimated cost (upstream requests)", 151);
    expectRefused(tight, await tight.query(`query($n: Int = 5) { ${parts("$n")} }`, { n: 150 }), "estimated cost (upstream requests)", 151);
    const ok = await tight.query(`query($n: Int = 150) { ${parts("$n")} }`, { n: 10 });
    expect(ok.errors).toBeUndefined();
    expect(tight.upstream()).toHaveLength(11);
  });

  it("takes the field's own default page size when `first` is left out", async () => {
    // Query.contacts defaults to 50 contacts, each with its own GET /contacts/{id}/companies and /segments.
    const query = `{ contacts { nodes { companies { totalCount } segments { totalCount } } } }`;
    expectRefused(tight, await tight.query(query), "estimated cost (upstream requests)", 101);
  });

  it("clamps `first`: a negative sibling lowers nothing, a huge one counts the page size", async () => {
    const res = await tight.query(`{ a: ${parts("-993248")} b: ${parts("150")} }`);
    expectRefused(tight, res, "estimated cost (upstream requests)", 1 + 151);
    // 100,000 is capped at the page size of 150: counted as 151 (refused at 100, as it costs 151).
    expectRefused(tight, await tight.query(`{ ${parts("100000")} }`), "estimated cost (upstream requests)", 151);
    const ok = await stack.query(`{ ${parts("100000")} }`);
    expect(ok.errors).toBeUndefined();
    expect(stack.upstream()).toHaveLength(151);
  });

  it("takes an argument's default from the schema", () => {
    const schema = buildSchema(`
      type Query { companies(first: Int = 150): CompanyConnection }
      type CompanyConnection { pageInfo: PageInfo nodes: [Item] }
      type PageInfo { hasNextPage: Boolean }
      type Item { note: Note }
      type Note { id: ID }
    `);
    const document = parse(`{ companies { nodes { note { id } } } }`);
    // 1 list + a GET /notes/{id} for each of the 150 items (notes have no batch endpoint).
    expect(measure(schema, document, getOperationAST(document)!, {}).cost).toBe(151);
  });

  it("counts Contact.conversations(after:) once per contact; without `after` one search per 50 contacts", async () => {
    const cursors = await stack.query(`{ contacts(first: 50) { nodes { conversations(first: 1) { pageInfo { endCursor } } } } }`);
    const after = cursors.data.contacts.nodes.map((c: any) => c.conversations.pageInfo.endCursor).find(Boolean);
    expect(after).toEqual(expect.any(String));
    const query = `query($after: String) { contacts(first: 150) { nodes { id conversations(first: 1, after: $after) { totalCount } } } }`;
    expectRefused(tight, await tight.query(query, { after }), "estimated cost (upstream requests)", 151);
    // The same without a cursor: 1 list + ⌈150 / 50⌉ shared searches.
    const shared = await tight.query(query, {});
    expect(shared.errors).toBeUndefined();
    expect(tight.upstream().length).toBeLessThanOrEqual(4);
  });
});

describe("federation _entities", () => {
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { id } ... on Conversation { id } ... on Admin { id name } } }`;
  const madeUp = (type: string, n: number) => Array.from({ length: n }, (_, i) => ({ __typename: type, id: `${i}`.padStart(24, "f") }));

  it("counts every representation: 1,100 made-up contacts (or conversations) may cost 8 searches and 1,100 GETs", async () => {
    expectRefused(stack, await stack.query(entities, { r: madeUp("Contact", 1100) }), "estimated cost (upstream requests)", 8 + 1100);
    // Conversations without parts batch like contacts: 8 searches, then a GET for each id they miss.
    expectRefused(stack, await stack.query(entities, { r: madeUp("Conversation", 1100) }), "estimated cost (upstream requests)", 8 + 1100);
    expectRefused(stack, await stack.query(entities, { r: madeUp("Contact", 5000) }), "estimated cost (upstream requests)", 34 + 5000);
  });

  it("counts inline representations too", async () => {
    const list = madeUp("Conversation", 1100).map((r) => `{ __typename: "Conversation", id: "${r.id}" }`).join(", ");
    const res = await stack.query(`{ _entities(representations: [${list}]) { ... on Conversation { id } } }`);
    expectRefused(stack, res, "estimated cost (upstream requests)", 8 + 1100);
  });

  it("counts each type at its batch cost: 5,000 admin references are one GET /admins", async () => {
    const admins = stack.sandbox.workspace.admins.map((a) => ({ __typename: "Admin", id: a.id }));
    const r = Array.from({ length: 5000 }, (_, i) => admins[i % admins.length]!);
    const res = await stack.query(entities, { r });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(5000);
    expect(stack.upstream()).toHaveLength(1);
  });

  it("multiplies the selection under _entities by the representations of that type only", async () => {
    const contacts = tight.sandbox.workspace.contacts.slice(0, 60).map((c) => ({ __typename: "Contact", id: c.id }));
    const admins = tight.sandbox.workspace.admins.map((a) => ({ __typename: "Admin", id: a.id }));
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { companies { totalCount } } ... on Admin { teams { name } } } }`;
    // Contacts: 1 search + 60 possible misses + 60 company lists; admins: GET /admins, GET /teams.
    expectRefused(tight, await tight.query(query, { r: [...contacts, ...admins] }), "estimated cost (upstream requests)", 1 + 60 + 60 + 1 + 1);
    const ok = await tight.query(query, { r: [...contacts.slice(0, 20), ...admins] });
    expect(ok.errors).toBeUndefined();
    expect(tight.upstream().length).toBeLessThanOrEqual(1 + 20 + 2);
  });

  it("lets a router's batch of real references through at the cost it really has", async () => {
    const r = stack.sandbox.workspace.contacts.slice(0, 200).map((c) => ({ __typename: "Contact", id: c.id }));
    const res = await stack.query(entities, { r });
    expect(res.errors).toBeUndefined();
    expect(stack.upstream()).toHaveLength(2);
  });
});

describe("introspection", () => {
  it("counts aliases of introspection fields: 600 aliased __schema are refused", async () => {
    const query = "{ " + Array.from({ length: 600 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(" ") + " }";
    expectRefused(stack, await stack.query(query), "aliases", 600);
    const inside = "{ __schema { " + Array.from({ length: 60 }, (_, i) => `t${i}: types { name }`).join(" ") + " } }";
    expectRefused(stack, await stack.query(inside), "aliases", 60);
  });

  it("allows a couple of __schema / __type selections per operation", async () => {
    const three = `{ a: __schema { queryType { name } } b: __type(name: "Contact") { name } __schema { types { name } } }`;
    const res = await stack.query(three);
    expectRefused(stack, res, "introspection", 3);
    expect(res.errors![0]!.message).toBe("Query has 3 introspection selections (__schema, __type), over the limit of 2. Ask for the schema once.");
  });

  it("lets GraphiQL's full introspection query through", async () => {
    const res = await stack.query(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.types.length).toBeGreaterThan(100);
  });
});

describe("deeply nested input", () => {
  const deepJson = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
  const deepFilter = (n: number) => '{"and":['.repeat(n) + '{"field":"ID","operator":"EQ","value":{"string":"1"}}' + "]}".repeat(n);
  const update = (value: string) => `mutation($a: JSONObject) { updateContact(id: "x", input: { customAttributes: ${value} }) { id } }`;

  it("refuses a search filter nested 1,000 levels in variables (was a 500)", async () => {
    const res = await raw(stack, `query($q: ConversationSearchQuery!) { searchConversations(query: $q) { totalCount } }`, `{"q":${deepFilter(1000)}}`);
    expectRefused(stack, res, "nesting", 2002);
    expect(res.errors![0]!.message).toBe("Variable $q is nested 2002 levels deep, over the limit of 100.");
    expect(res.errors![0]!.extensions).toMatchObject({ variable: "q" });
  });

  it("refuses a 5,000-deep JSONObject in variables or inline", async () => {
    expectRefused(stack, await raw(stack, update("$a"), `{"a":${deepJson(5000)}}`), "nesting", 5000);
    const inline = await raw(stack, update(deepJson(5000).replaceAll('"a"', "a")));
    expectRefused(stack, inline, "nesting");
    expect(inline.errors![0]!.message).toMatch(/^Query nesting is at least \d+/);
  });

  it("refuses an inline value the parser still reads (1,200 deep) before validation and before Intercom sees it", async () => {
    const res = await raw(stack, update(deepJson(1200).replaceAll('"a"', "a")));
    expectRefused(stack, res, "nesting", 1202);
  });

  it("lets ordinary nested input through", async () => {
    const res = await stack.query(`query($q: ConversationSearchQuery!) { searchConversations(query: $q, first: 1) { totalCount } }`, {
      q: { or: [{ and: [{ field: "ID", operator: "IN", value: { strings: ["1", "2"] } }, { field: "STATE", operator: "EQ", value: { string: "open" } }] }] },
    });
    expect(res.errors?.[0]).toBeUndefined();
    expect(res.status).toBe(200);
  });
});

describe("the estimate, for reporting", () => {
  it("is available from the request's context once the operation is resolved", async () => {
    let seen: QueryEstimate | undefined;
    const apollo = new ApolloServer({
      schema: await gatewaySchema(),
      plugins: [
        queryLimitsPlugin(DEFAULT_QUERY_LIMITS),
        { async requestDidStart() { return { async willSendResponse({ contextValue }) { seen = queryEstimate(contextValue); } }; } },
      ],
    });
    await apollo.start();
    // No data sources in this context: the resolvers fail, the estimate is there all the same.
    await apollo.executeOperation({ query: `query($n: Int = 30) { conversations(first: $n) { nodes { a: conversationParts { totalCount } } } }` });
    await apollo.stop();
    expect(seen).toEqual({ depth: 4, nesting: 4, aliases: 1, rootFields: 1, introspection: 0, cost: 31 });
  });
});

describe("where the numbers come from", () => {
  it("has a batch cost for every federation entity", () => {
    expect(Object.keys(ENTITY_COSTS).sort()).toEqual(Object.keys(ENTITIES).sort());
  });

  it("reads every paged field's default and maximum from its `first` argument", async () => {
    const schema = await gatewaySchema();
    const unstated: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const first = field.args.find((a) => a.name === "first");
        if (first && !/\(default \d+(, at most \d+)?\)/.test(first.description ?? "")) unstated.push(`${type.name}.${field.name}`);
      }
    }
    expect(unstated).toEqual([]);
  });
});
