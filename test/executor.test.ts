import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getNamedType, isCompositeType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { gatewaySchema } from "../src/schema/index.js";
import { MAX_COMPILED_FIELDS } from "../src/server/jit-executor.js";
import { startStack, type Stack } from "./support/stack.js";

/**
 * Queries a client repeats run compiled (graphql-jit) from their second run; the first run, and
 * anything not compiled, runs on graphql-js. Whichever runs it, a query gets the same answer,
 * byte for byte, from the same upstream calls — hostile strings, errors and null-bubbling included.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const executions = async () => {
  const text = await (await fetch(stack.gateway.url.replace(/\/graphql$/, "/metrics"))).text();
  const count = (executor: string) => Number(text.match(new RegExp(`^graphql_executions_total\\{executor="${executor}"\\} (\\d+)`, "m"))?.[1] ?? 0);
  return { compiled: count("compiled"), interpreted: count("interpreted") };
};

/** Runs a query three times (interpreted, then compiled twice): the answers and their upstream calls. */
async function thrice(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const before = await executions();
  const runs: { raw: string; calls: string[] }[] = [];
  for (let i = 0; i < 3; i++) {
    stack.resetUpstream();
    const response = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables, operationName }),
    });
    // A failed request's errors carry its own requestId: the rest must match.
    const raw = (await response.text()).replace(/"requestId":"[^"]+"/g, '"requestId":"…"');
    runs.push({ raw: `${response.status} ${raw}`, calls: stack.upstream().map((r) => `${r.method} ${r.path}`).sort() });
  }
  const after = await executions();
  return { runs, compiled: after.compiled - before.compiled, interpreted: after.interpreted - before.interpreted };
}

function expectSameAnswers(result: Awaited<ReturnType<typeof thrice>>) {
  expect(result.runs[1]).toEqual(result.runs[0]);
  expect(result.runs[2]).toEqual(result.runs[0]);
}

describe("a repeated query", () => {
  it("is interpreted once, then compiled, with the same answer from the same calls", async () => {
    const result = await thrice(
      `query Inbox($first: Int!) { conversations(first: $first) { nodes { id state createdAt
        a: adminAssignee { name } teamAssignee { __typename name } contacts { name email }
        source { author { __typename ... on Admin { email } ... on Contact { role } name } } } pageInfo { hasNextPage endCursor } } }`,
      { first: 20 },
    );
    expect(result).toMatchObject({ interpreted: 1, compiled: 2 });
    expectSameAnswers(result);
    expect(JSON.parse(result.runs[0]!.raw.slice(4)).data.conversations.nodes).toHaveLength(20);
    expect(result.runs[0]!.calls.length).toBeGreaterThan(1);
  });

  it("picks the named operation of a document with several", async () => {
    const result = await thrice(`query A { admins { id } } query B { teams { id name } }`, undefined, "B");
    expect(result).toMatchObject({ interpreted: 1, compiled: 2 });
    expectSameAnswers(result);
    expect(result.runs[0]!.raw).toContain('"teams"');
    expect(result.runs[0]!.raw).not.toContain('"admins"');
  });
});

describe("hostile strings", () => {
  const hostile = ['x"); process.exit(1); //', "`${process.exit(1)}`", "*/ throw 1; /*", "\u2028\u2029'\\\\", "__proto__", "constructor"];

  it("in a literal argument and in a variable: the same answer compiled as interpreted", async () => {
    for (const value of hostile) {
      const literal = await thrice(`{ contact(id: ${JSON.stringify(value)}) { id name } }`);
      expectSameAnswers(literal);
      expect(literal.compiled).toBe(2);
      expect(literal.runs[0]!.raw).toMatch(/"code":"(NOT_FOUND|BAD_USER_INPUT)"/);
      const variable = await thrice(`query One($id: ID!) { contact(id: $id) { id name } }`, { id: value });
      expectSameAnswers(variable);
      expect(variable.compiled).toBeGreaterThanOrEqual(2); // one document for every value: compiled after the first
      expect(variable.runs[0]!.raw).toMatch(/"code":"(NOT_FOUND|BAD_USER_INPUT)"/);
    }
    // The gateway is still up and answering.
    expect((await stack.query(`{ admins { id } }`)).errors).toBeUndefined();
  });
});

describe("failures", () => {
  it("an upstream failure under a list: the same errors (one per nulled field, as graphql-js reports) and data", async () => {
    const query = `{ conversations(first: 5) { nodes { id contacts { name } } } }`;
    stack.sandbox.injectFault({ method: "POST", path: "/contacts/search", status: 500, times: 9 });
    const result = await thrice(query);
    expect(result.compiled).toBe(2);
    expectSameAnswers(result);
    const answer = JSON.parse(result.runs[0]!.raw.slice(4));
    expect(answer.errors.length).toBeGreaterThan(0);
    expect(answer.errors[0].extensions.code).toBe("UPSTREAM_ERROR");
  });

  it("a query taking an input object, and a mutation, run interpreted however often they come", async () => {
    const search = await thrice(`{ searchContacts(query: { field: ROLE, operator: EQ, value: { string: "user" } }, first: 5) { nodes { id } } }`);
    expect(search).toMatchObject({ interpreted: 3, compiled: 0 });
    expectSameAnswers(search);
    const write = await thrice(`mutation { createOrUpdateTag(input: { name: "executor-test" }) { name } }`);
    expect(write).toMatchObject({ interpreted: 3, compiled: 0 });
    expect(write.runs[0]!.raw).toContain('"name":"executor-test"');
  });
});

describe("a large document", () => {
  /** Every field of a type that needs no argument, objects followed `levels` deep: a document as large as the schema allows. */
  function everyField(schema: GraphQLSchema, typeName: string, levels: number): { selection: string; fields: number } {
    const type = schema.getType(typeName) as GraphQLObjectType;
    const parts: string[] = [];
    let fields = 0;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => isNonNullType(a.type))) continue;
      const named = getNamedType(field.type);
      if (isObjectType(named)) {
        if (levels === 0) continue;
        const inner = everyField(schema, named.name, levels - 1);
        parts.push(`${field.name} { ${inner.selection} }`);
        fields += 1 + inner.fields;
      } else if (!isCompositeType(named)) {
        parts.push(field.name);
        fields += 1;
      }
    }
    return parts.length ? { selection: parts.join(" "), fields } : { selection: "__typename", fields: 1 };
  }

  it("is compiled while its expanded fields are within MAX_COMPILED_FIELDS, and interpreted beyond", async () => {
    const wide = everyField(await gatewaySchema(), "Conversation", 3);
    const document = (copies: number) =>
      `{ ${Array.from({ length: copies }, (_, i) => `c${i}: conversations(first: 1) { nodes { ...Wide } }`).join(" ")} }
      fragment Wide on Conversation { ${wide.selection} }`;
    const fieldsPerCopy = wide.fields + 2;
    expect(fieldsPerCopy).toBeLessThan(MAX_COMPILED_FIELDS);
    const small = await thrice(document(1));
    expect(small).toMatchObject({ interpreted: 1, compiled: 2 });
    expectSameAnswers(small);
    // The same fragment spread often enough to pass the bound: never compiled, and answered all the same.
    const copies = Math.floor(MAX_COMPILED_FIELDS / fieldsPerCopy) + 1;
    const large = await thrice(document(copies));
    expect(large).toMatchObject({ interpreted: 3, compiled: 0 });
    expectSameAnswers(large);
    const answer = JSON.parse(large.runs[0]!.raw.slice(4));
    expect(answer.errors).toBeUndefined();
    expect(Object.keys(answer.data)).toHaveLength(copies);
  });
});
