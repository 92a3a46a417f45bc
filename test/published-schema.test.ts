import { readFileSync } from "node:fs";
import { parse, print, visit } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphQLSchema } from "graphql";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { gatewaySchema } from "../src/schema/index.js";
import { breakingChanges, printPublishedSchema, SCHEMA_FILE } from "../scripts/schema.js";

/** schema.graphql is the published subgraph SDL: reviewed in every diff, never silently broken. */
let schema: GraphQLSchema;
let committed: string;
beforeAll(async () => {
  schema = await gatewaySchema();
  committed = readFileSync(SCHEMA_FILE, "utf8");
});

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
    const withExtraField = current.replace(/type Conversation([^{]*)\{/, "type Conversation$1{\n  legacyField: String");
    expect(breakingChanges(withExtraField, schema).map((c) => c.type)).toContain("FIELD_REMOVED");
    const retyped = print(
      visit(parse(current), {
        FieldDefinition(node) {
          return node.name.value === "title" ? { ...node, type: parse("type T { f: Int }").definitions.flatMap((d: any) => d.fields)[0].type } : undefined;
        },
      }),
    );
    expect(breakingChanges(retyped, schema).map((c) => c.type)).toContain("FIELD_CHANGED_KIND");
    // And a file that matches the code has none.
    expect(breakingChanges(current, buildSubgraphSchema(parse(current)))).toEqual([]);
  });
});
