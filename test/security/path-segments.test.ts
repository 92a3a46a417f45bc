import { readFileSync } from "node:fs";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewaySchema } from "../../src/schema/index.js";
import { SPEC_PATH, specExists } from "../support/openapi.js";
import { startStack, type Stack } from "../support/stack.js";

/**
 * Ids are data, never paths. Every id argument of every root field (and every id nested in their
 * inputs) gets hostile values, and every request the sandbox then sees must stay on one of the
 * document's path templates: same segments, each parameter exactly one non-dot segment. Links
 * follow ids that come from upstream data, so the second test plants hostile ids in the sandbox's
 * records and follows every link of every record type. URL resolution collapses `.`/`..`, so
 * `DELETE /contacts/{id}/tags/..` used to become `DELETE /contacts/{id}/` — off every template.
 */
if (!specExists) console.warn(`[path-segments] skipped: ${SPEC_PATH} is absent (the Intercom 2.11 document lives in ../shared)`);

/** Values an id must never smuggle into a path as syntax. */
const HOSTILE_IDS = ["..", ".", "", "../..", "a/b", "a\\b", "%2e%2e", "%2E", "..%2F", "x/../..", "\uD800", "x?y=1#z", " "];

type Template = { method: string; segments: string[] };

function documentTemplates(): Template[] {
  const doc = parse(readFileSync(SPEC_PATH, "utf8")) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([route, ops]) =>
    Object.keys(ops)
      .filter((m) => ["get", "post", "put", "delete"].includes(m))
      .map((m) => ({ method: m.toUpperCase(), segments: route.split("/").slice(1) })),
  );
}

/** True when a raw request path is one of the document's templates, each parameter one real segment. */
function onTemplate(templates: Template[], method: string, rawPath: string): boolean {
  const segments = rawPath.split("/").slice(1);
  return templates.some(
    (t) =>
      t.method === method &&
      t.segments.length === segments.length &&
      t.segments.every((part, i) => {
        const actual = segments[i]!;
        if (!part.startsWith("{")) return part === actual;
        let decoded: string;
        try {
          decoded = decodeURIComponent(actual);
        } catch {
          return false;
        }
        return actual !== "" && decoded !== "." && decoded !== ".." && !/[/\\]/.test(decoded);
      }),
  );
}

const isIdName = (name: string) => name === "id" || name === "ids" || /Id$|Ids$/.test(name);

/** A plausible value of an input type, with every id inside set to `id`. */
function valueFor(type: GraphQLInputType, name: string, id: string, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, id, depth);
  if (isListType(type)) return [valueFor(type.ofType, name, id, depth)];
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    // Required fields, and id fields even when optional (they are the point); `and`/`or` groups left out.
    return Object.fromEntries(
      fields
        .filter((f) => (isNonNullType(f.type) || isIdName(f.name)) && depth < 3)
        .map((f) => [f.name, valueFor(f.type, f.name, id, depth + 1)]),
    );
  }
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isIdName(name) && (named.name === "ID" || named.name === "String")) return id;
  switch (named.name) {
    case "Int":
    case "Float":
      return 1;
    case "Boolean":
      return true;
    case "DateTime":
      return "2026-01-01T00:00:00Z";
    case "JSON":
    case "JSONObject":
      return {};
    default:
      return "x";
  }
}

/** Does this argument carry an id anywhere (itself, or a field of its input)? */
function carriesId(arg: { name: string; type: GraphQLInputType }, depth = 0): boolean {
  if (isIdName(arg.name)) return true;
  const named = getNamedType(arg.type);
  if (!isInputObjectType(named) || depth > 2) return false;
  return Object.values(named.getFields()).some((f) => carriesId(f, depth + 1));
}

/** The smallest selection of a field's type: `__typename` inside objects. */
function minimalSelection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isLeafType(named) ? "" : "{ __typename }";
}

function operationFor(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  return `${kind}${vars ? `(${vars})` : ""} { ${field.name}${args ? `(${args})` : ""} ${minimalSelection(field)} }`;
}

let stack: Stack;
let schema: GraphQLSchema;
let templates: Template[];

beforeAll(async () => {
  stack = await startStack({ gateway: { upstreamRetries: 0 } });
  schema = await gatewaySchema();
  if (specExists) templates = documentTemplates();
});
afterAll(() => stack.close());

/** Checks one answer and the upstream requests behind it; returns what went wrong, if anything. */
function problems(label: string, res: Awaited<ReturnType<Stack["query"]>>): string[] {
  const found: string[] = [];
  if (res.status >= 500) found.push(`${label}: HTTP ${res.status}`);
  for (const error of res.errors ?? []) if (!error.extensions?.code) found.push(`${label}: an error without a code: ${error.message}`);
  for (const request of stack.upstream()) {
    if (!onTemplate(templates, request.method, request.path)) found.push(`${label}: ${request.method} ${request.path} is off every template`);
  }
  return found;
}

describe.skipIf(!specExists)("ids are data, never paths", () => {
  it("every id argument of every root field: hostile ids never leave the document's path templates", async () => {
    const found: string[] = [];
    let calls = 0;
    for (const [kind, root] of [["query", schema.getQueryType()], ["mutation", schema.getMutationType()]] as const) {
      for (const field of Object.values((root as GraphQLObjectType).getFields())) {
        if (field.name.startsWith("_")) continue; // _service, _entities: federation, checked below
        const idArgs = field.args.filter((a) => carriesId(a));
        for (const target of idArgs) {
          for (const hostile of HOSTILE_IDS) {
            const variables = Object.fromEntries(
              field.args.map((a: GraphQLArgument) => [a.name, valueFor(a.type, a.name, a === target ? hostile : "1")]),
            );
            stack.resetUpstream();
            const res = await stack.query(operationFor(kind, field), variables);
            calls++;
            found.push(...problems(`${field.name}(${target.name}: ${JSON.stringify(hostile)})`, res));
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500); // the walk really covered the schema
    expect(found).toEqual([]);
  });

  it("a dot-segment id is BAD_USER_INPUT before any upstream call (the reported probes)", async () => {
    const contact = stack.sandbox.workspace.contacts[0]!;
    const probes: Array<[string, Record<string, unknown>]> = [
      [`mutation ($c: ID!, $t: ID!) { detachTagFromContact(contactId: $c, tagId: $t) { id } }`, { c: contact.id, t: ".." }],
      [`query ($id: ID!) { contact(id: $id) { id } }`, { id: "." }],
      [`query ($id: ID!) { contact(id: $id) { id } }`, { id: "%2e%2e" }],
      [`query ($id: ID!) { contact(id: $id) { id } }`, { id: "\uD800" }],
      [`query ($id: ID!) { contact(id: $id) { id } }`, { id: "" }],
    ];
    for (const [query, variables] of probes) {
      stack.resetUpstream();
      const res = await stack.query(query, variables);
      expect(res.errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
      expect(stack.upstream().filter((r) => r.method !== "POST" || !r.path.endsWith("/search")), query).toEqual([]);
    }
    // The contact is still there.
    expect(stack.sandbox.workspace.contacts.some((c) => c.id === contact.id)).toBe(true);
  });

  it("federation representations with hostile ids stay on the templates too", async () => {
    const representations = Object.keys(schema.getTypeMap())
      .filter((name) => ["Admin", "Contact", "Conversation", "Company", "Ticket", "Article", "Note", "NewsItem", "Collection", "Tag"].includes(name))
      .flatMap((typename) => HOSTILE_IDS.map((id) => ({ __typename: typename, id })));
    stack.resetUpstream();
    const res = await stack.query(`query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: representations });
    expect(problems("_entities", res)).toEqual([]);
  });

  it("links follow ids from upstream data: hostile ids planted in every record never leave the templates", async () => {
    const planted = await startStack();
    try {
      // Every reference inside every record (never a record's own id) becomes a hostile id.
      const ws = planted.sandbox.workspace as unknown as Record<string, unknown>;
      let n = 0;
      const plant = (value: unknown, depth: number): void => {
        if (!value || typeof value !== "object" || depth > 6) return;
        for (const [key, child] of Object.entries(value)) {
          const reference = (key === "id" && depth > 1) || key.endsWith("_id");
          if (reference && (typeof child === "string" || typeof child === "number")) {
            (value as Record<string, unknown>)[key] = HOSTILE_IDS[n++ % 5];
          } else plant(child, depth + 1);
        }
      };
      for (const records of Object.values(ws)) if (Array.isArray(records)) for (const record of records.slice(0, 3)) plant(record, 1);

      const found: string[] = [];
      const query = schema.getQueryType()!;
      for (const field of Object.values(query.getFields())) {
        const returns = getNamedType(field.type);
        const item = isObjectType(returns) && "nodes" in returns.getFields() ? getNamedType(returns.getFields().nodes!.type) : returns;
        if (!isObjectType(item) || field.args.some((a) => isNonNullType(a.type))) continue;
        const selection = linkSelection(item);
        if (!selection) continue;
        const shape = item === returns ? selection : `nodes { ${selection} }`;
        planted.resetUpstream();
        const res = await planted.query(`{ ${field.name} { ${shape} } }`);
        const label = `${field.name} links`;
        if (res.status >= 500) found.push(`${label}: HTTP ${res.status}`);
        for (const request of planted.upstream()) {
          if (!onTemplate(templates, request.method, request.path)) found.push(`${label}: ${request.method} ${request.path} is off every template`);
        }
      }
      expect(n).toBeGreaterThan(20);
      expect(found).toEqual([]);
    } finally {
      await planted.close();
    }
  });
});

/** Every link of a type, one level deep: objects as `{ __typename }`, connections as `{ nodes { __typename } }`. */
function linkSelection(type: GraphQLObjectType): string {
  const links = Object.values(type.getFields()).flatMap((f) => {
    if (f.args.some((a) => isNonNullType(a.type))) return [];
    const named = getNamedType(getNullableType(f.type));
    if (!(isObjectType(named) || isInterfaceType(named) || isUnionType(named))) return [];
    const connection = isObjectType(named) && "pageInfo" in named.getFields();
    return [`${f.name} ${connection ? "{ nodes { __typename } }" : "{ __typename }"}`];
  });
  return links.join(" ");
}
