import { readFileSync } from "node:fs";
import { buildSchema, isIntrospectionType, isObjectType, isInterfaceType, isInputObjectType, parse, print, validateSchema, visit } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphQLSchema } from "graphql";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { gatewaySchema } from "../src/schema/index.js";
import {
  breakingChanges,
  CLIENT_SCHEMA_FILE,
  clientBreakingChanges,
  clientSchema,
  printClientSchema,
  printApolloCache,
  APOLLO_CACHE_FILE,
  printPublishedSchema,
  SCHEMA_FILE,
} from "../scripts/schema.js";

/**
 * schema.graphql is the published subgraph SDL and schema.client.graphql the schema as clients
 * see it (no federation): both reviewed in every diff, never silently broken.
 */
let schema: GraphQLSchema;
let committed: string;
let committedClient: string;
beforeAll(async () => {
  schema = await gatewaySchema();
  committed = readFileSync(SCHEMA_FILE, "utf8");
  committedClient = readFileSync(CLIENT_SCHEMA_FILE, "utf8");
});

/** The SDL with a field added to Conversation, and with `title` retyped to Int. */
function withRemovedAndRetypedField(sdl: string) {
  const withExtraField = sdl.replace(/type Conversation([^{]*)\{/, "type Conversation$1{\n  legacyField: String");
  const retyped = print(
    visit(parse(sdl), {
      FieldDefinition(node) {
        return node.name.value === "title" ? { ...node, type: parse("type T { f: Int }").definitions.flatMap((d: any) => d.fields)[0].type } : undefined;
      },
    }),
  );
  return { withExtraField, retyped };
}

describe("schema.graphql", () => {
  it("has no breaking change against the code (removing or retyping a field needs npm run schema -- --allow-breaking)", () => {
    const changes = breakingChanges(committed, schema).map((c) => `${c.type}: ${c.description}`);
    expect(changes).toEqual([]);
  });

  it("is exactly what the code serves (run npm run schema after changing the graph)", () => {
    expect(committed).toBe(printPublishedSchema(schema));
  });

  it("the guard does catch a removed field and a retyped one", () => {
    const current = printPublishedSchema(schema);
    const { withExtraField, retyped } = withRemovedAndRetypedField(current);
    expect(breakingChanges(withExtraField, schema).map((c) => c.type)).toContain("FIELD_REMOVED");
    expect(breakingChanges(retyped, schema).map((c) => c.type)).toContain("FIELD_CHANGED_KIND");
    // And a file that matches the code has none.
    expect(breakingChanges(current, buildSubgraphSchema(parse(current)))).toEqual([]);
  });
});

describe("schema.client.graphql", () => {
  it("has no breaking change for clients against the code (removing or retyping a field needs npm run schema -- --allow-breaking)", () => {
    const changes = clientBreakingChanges(committedClient, schema).map((c) => `${c.type}: ${c.description}`);
    expect(changes).toEqual([]);
  });

  it("is exactly what the code serves to clients (run npm run schema after changing the graph)", () => {
    expect(committedClient).toBe(printClientSchema(schema));
  });

  it("apollo-cache.json is what npm run schema writes for it (possibleTypes and type policies)", () => {
    expect(readFileSync(APOLLO_CACHE_FILE, "utf8")).toBe(printApolloCache(schema));
  });

  it("the guard does catch a removed field and a retyped one", () => {
    const { withExtraField, retyped } = withRemovedAndRetypedField(printClientSchema(schema));
    expect(clientBreakingChanges(withExtraField, schema).map((c) => c.type)).toContain("FIELD_REMOVED");
    expect(clientBreakingChanges(retyped, schema).map((c) => c.type)).toContain("FIELD_CHANGED_KIND");
  });

  it("parses with graphql-js buildSchema into a valid schema", () => {
    const built = buildSchema(committedClient);
    expect(validateSchema(built).map((e) => e.message)).toEqual([]);
    expect(built.getQueryType()?.name).toBe("Query");
    expect(built.getMutationType()?.name).toBe("Mutation");
  });

  it("carries nothing of federation: no @link or @key, no _service, _entities, _Any, _Entity, _Service, link__* or federation__*", () => {
    for (const text of ["@link", "@key", "extend schema", "_service", "_entities", "_Any", "_Entity", "_Service", "link__", "federation__"]) {
      expect(committedClient, text).not.toContain(text);
    }
    const built = buildSchema(committedClient);
    expect(built.getDirectives().map((d) => d.name).sort()).toEqual(schemaDirectivesOfGraphqlJs());
  });

  it("is the served schema without federation: the same types, fields and arguments otherwise", () => {
    const shape = (s: GraphQLSchema) =>
      Object.values(s.getTypeMap())
        .filter((t) => !isIntrospectionType(t))
        .flatMap((t) => {
          if (isObjectType(t) || isInterfaceType(t)) {
            return Object.values(t.getFields()).map((f) => `${t.name}.${f.name}(${f.args.map((a) => `${a.name}: ${a.type}`).join(", ")}): ${f.type}`);
          }
          if (isInputObjectType(t)) return Object.values(t.getFields()).map((f) => `${t.name}.${f.name}: ${f.type}`);
          return [t.name];
        })
        .sort();
    const federation = /^(_Any|_Entity|_Service|link__|federation__|Query\._entities|Query\._service)/;
    expect(shape(buildSchema(committedClient))).toEqual(shape(schema).filter((line) => !federation.test(line)));
    expect(shape(clientSchema(schema))).toEqual(shape(buildSchema(committedClient)));
  });
});

/** The directives every graphql-js schema has (include, skip, deprecated, specifiedBy, …): no others. */
function schemaDirectivesOfGraphqlJs(): string[] {
  return buildSchema("type Query { a: Int }").getDirectives().map((d) => d.name).sort();
}
