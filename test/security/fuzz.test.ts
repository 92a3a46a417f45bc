import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewaySchema } from "../../src/schema/index.js";
import { startStack, type Stack } from "../support/stack.js";

/**
 * Schema-driven fuzzing with a fixed seed: a few hundred random, valid-shaped queries and
 * mutations whose arguments are hostile (dot segments, slashes, huge and negative numbers,
 * long and odd strings, deep JSON). Every answer must be GraphQL-over-HTTP JSON whose errors
 * all carry a code, the gateway itself never answers 5xx or leaks a stack or a file path, and
 * /healthz keeps answering throughout. The seed makes a failure reproducible.
 */
const SEED = 20261202;
const REQUESTS = 300;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const HOSTILE_STRINGS = [
  "..", ".", "", "../../admins", "a/b", "%2e%2e", "%2F", "x?y=1&z=2#f", "\\..\\", " ", "null", "undefined",
  "<script>alert(1)</script>", "' OR 1=1 --", "${7*7}", "\u202e\u0000\u001f", "😀".repeat(50), "x".repeat(5_000),
  "6543210fedcba98765432100", "1", "-1", "10084", "2147483648", "NaN", "[object Object]", "__proto__", "constructor",
];
const HOSTILE_INTS = [0, 1, -1, 2, 20, 150, 151, 1000, -2147483648, 2147483647];
const HOSTILE_FLOATS = [0, -1.5, 1e308, -1e-308, 3.14];

function jsonValue(r: Rng, depth: number): unknown {
  if (depth > 6 || r.chance(0.3)) return r.pick<unknown>([r.pick(HOSTILE_STRINGS), r.pick(HOSTILE_INTS), true, null]);
  if (r.chance(0.5)) return Array.from({ length: r.int(4) }, () => jsonValue(r, depth + 1));
  return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(HOSTILE_STRINGS).slice(0, 40), jsonValue(r, depth + 1)]));
}

/** A value of the input type (shape right, content hostile). */
function inputValue(r: Rng, type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return inputValue(r, type.ofType, depth);
  if (isListType(type)) return Array.from({ length: r.int(4) }, () => inputValue(r, type.ofType, depth + 1));
  const named = getNamedType(type) as GraphQLNamedType;
  if (isEnumType(named)) return r.pick(named.getValues()).name;
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields()).filter((f) => isNonNullType(f.type) || (depth < 3 && r.chance(0.4)));
    return Object.fromEntries(fields.map((f) => [f.name, inputValue(r, f.type, depth + 1)]));
  }
  switch (named.name) {
    case "Int":
      return r.pick(HOSTILE_INTS);
    case "Float":
      return r.pick(HOSTILE_FLOATS);
    case "Boolean":
      return r.chance(0.5);
    case "DateTime":
      return r.pick(["2026-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "not a date"]);
    case "JSON":
    case "JSONObject":
      return { k: jsonValue(r, 0) };
    default:
      return r.pick(HOSTILE_STRINGS);
  }
}

/** A random selection of a type's fields, nested up to `depth`, with hostile literal `first`/`after`. */
function selection(r: Rng, type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type)) return `{ __typename ${type.getTypes().slice(0, 2).map((t) => `... on ${t.name} ${selection(r, t, depth)}`).join(" ")} }`;
  if (!isObjectType(type) && !isInterfaceType(type)) return "";
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const chosen = fields.filter(() => r.chance(0.35)).slice(0, 8);
  const parts = ["__typename"];
  for (const field of chosen) {
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name}${fieldArgs(r, field)} ${selection(r, named, depth - 1)}`);
  }
  return `{ ${parts.join(" ")} }`;
}

function fieldArgs(r: Rng, field: GraphQLField<unknown, unknown>): string {
  const args: string[] = [];
  if (field.args.some((a) => a.name === "first") && r.chance(0.6)) args.push(`first: ${r.pick(HOSTILE_INTS)}`);
  if (field.args.some((a) => a.name === "after") && r.chance(0.3)) args.push(`after: ${JSON.stringify(r.pick(HOSTILE_STRINGS).slice(0, 200))}`);
  return args.length ? `(${args.join(", ")})` : "";
}

function randomOperation(r: Rng, schema: GraphQLSchema): { query: string; variables: Record<string, unknown> } {
  const kind = r.chance(0.6) ? "query" : "mutation";
  const root = kind === "query" ? schema.getQueryType()! : schema.getMutationType()!;
  const field = r.pick(Object.values(root.getFields()).filter((f) => f.name !== "_service"));
  const args = field.args.filter((a) => isNonNullType(a.type) || r.chance(0.5));
  const variables = Object.fromEntries(args.map((a) => [a.name, inputValue(r, a.type)]));
  if (field.name === "_entities") {
    variables.representations = Array.from({ length: r.int(30) }, () => ({ __typename: r.pick(["Contact", "Conversation", "Admin", "Nope"]), id: r.pick(HOSTILE_STRINGS) }));
  }
  const defs = args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const call = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const returns = getNamedType(field.type);
  const body = isLeafType(returns) ? "" : field.name === "_entities" ? "{ __typename ... on Contact { id email } }" : selection(r, returns, 2);
  return { query: `${kind}${defs ? `(${defs})` : ""} { ${field.name}${call ? `(${call})` : ""} ${body} }`, variables };
}

let stack: Stack;
let schema: GraphQLSchema;
beforeAll(async () => {
  stack = await startStack({ gateway: { upstreamRetries: 0 } });
  schema = await gatewaySchema();
});
afterAll(() => stack.close());

describe("schema-driven fuzzing (fixed seed)", () => {
  it(`${REQUESTS} random operations with hostile arguments: JSON answers, coded errors, no 5xx, /healthz throughout`, async () => {
    const r = rng(SEED);
    const origin = stack.gateway.url.replace(/\/graphql$/, "");
    let fuzzing = true;
    const health: number[] = [];
    const prober = (async () => {
      while (fuzzing) {
        const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
        health.push(res?.status ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const problems: string[] = [];
    let withData = 0;
    try {
      for (let i = 0; i < REQUESTS; i++) {
        const { query, variables } = randomOperation(r, schema);
        const res = await fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
        const raw = await res.text();
        const label = `#${i} ${query.slice(0, 160)}`;
        if (res.status >= 500) problems.push(`${label}: HTTP ${res.status} ${raw.slice(0, 200)}`);
        if (!/^application\/(graphql-response\+)?json/.test(res.headers.get("content-type") ?? "")) problems.push(`${label}: content-type ${res.headers.get("content-type")}`);
        let body: { data?: unknown; errors?: Array<{ message?: unknown; extensions?: { code?: unknown; stacktrace?: unknown } }> };
        try {
          body = JSON.parse(raw);
        } catch {
          problems.push(`${label}: not JSON: ${raw.slice(0, 200)}`);
          continue;
        }
        if (!("data" in body) && !body.errors) problems.push(`${label}: neither data nor errors`);
        if (body.data) withData++;
        for (const error of body.errors ?? []) {
          if (typeof error.message !== "string") problems.push(`${label}: an error without a message`);
          if (typeof error.extensions?.code !== "string") problems.push(`${label}: an error without a code: ${String(error.message)}`);
          if (error.extensions?.code === "INTERNAL_SERVER_ERROR") problems.push(`${label}: INTERNAL_SERVER_ERROR`);
          if (error.extensions?.stacktrace) problems.push(`${label}: a stack trace`);
        }
        if (/\/work\/|node_modules|\bat \S+ \(/.test(raw)) problems.push(`${label}: a file path or stack in the answer`);
      }
    } finally {
      fuzzing = false;
      await prober;
    }
    expect(problems).toEqual([]);
    expect(withData).toBeGreaterThan(REQUESTS / 10); // the operations were valid enough to run
    expect(health.length).toBeGreaterThan(5);
    expect(health.filter((status) => status !== 200)).toEqual([]);
  }, 120_000);
});
