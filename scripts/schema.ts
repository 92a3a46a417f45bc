// Prints the served schema twice (`npm run schema`): schema.graphql, the subgraph SDL a federation
// router composes (with `@link` and `@key`), and schema.client.graphql, the schema as clients see
// it, without federation's directives, types and root fields, for codegen, Relay and schema
// checks; and apollo-cache.json, Apollo Client's cache options for it. Refuses a breaking change against either committed file unless run with
// --allow-breaking, so removing or retyping a field is always a deliberate, visible change.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import {
  buildASTSchema,
  buildSchema,
  findBreakingChanges,
  Kind,
  parse,
  printSchema,
  type BreakingChange,
  type DefinitionNode,
  type GraphQLSchema,
} from "graphql";
import { apolloCacheConfig } from "./apollo-cache.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_FILE = path.join(ROOT, "schema.graphql");
export const CLIENT_SCHEMA_FILE = path.join(ROOT, "schema.client.graphql");
export const APOLLO_CACHE_FILE = path.join(ROOT, "apollo-cache.json");

export function printPublishedSchema(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema).trimEnd() + "\n";
}

/** Breaking changes from the published SDL `before` to the schema `after`. */
export function breakingChanges(before: string, after: GraphQLSchema): BreakingChange[] {
  return findBreakingChanges(buildSubgraphSchema(parse(before)), after);
}

/** What Apollo Federation adds to a subgraph: types, directives and root fields for routers only. */
const FEDERATION_TYPES = new Set(["_Any", "_Entity", "_Service"]);
const FEDERATION_DIRECTIVES = new Set(["link", "key"]);
const FEDERATION_QUERY_FIELDS = new Set(["_entities", "_service"]);
const isFederationName = (name: string, own: ReadonlySet<string>) =>
  own.has(name) || name.startsWith("link__") || name.startsWith("federation__");

/**
 * The served schema as clients see it: without `_service`, `_entities`, `_Any`, `_Entity`,
 * `_Service`, the `@link`/`@key`/`@federation__*` directives and their `link__*`/`federation__*`
 * types, and without `extend schema @link(...)` (printSchema prints no applied directives).
 */
export function clientSchema(served: GraphQLSchema): GraphQLSchema {
  const queryName = served.getQueryType()?.name ?? "Query";
  const definitions: DefinitionNode[] = [];
  for (const definition of parse(printSchema(served)).definitions) {
    if (definition.kind === Kind.DIRECTIVE_DEFINITION) {
      if (!isFederationName(definition.name.value, FEDERATION_DIRECTIVES)) definitions.push(definition);
    } else if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === queryName) {
      definitions.push({ ...definition, fields: definition.fields?.filter((field) => !FEDERATION_QUERY_FIELDS.has(field.name.value)) });
    } else if (!("name" in definition && definition.name && isFederationName(definition.name.value, FEDERATION_TYPES))) {
      definitions.push(definition);
    }
  }
  return buildASTSchema({ kind: Kind.DOCUMENT, definitions });
}

/** schema.client.graphql: the client schema of the served schema, printed by graphql-js. */
export function printClientSchema(served: GraphQLSchema): string {
  return printSchema(clientSchema(served)).trimEnd() + "\n";
}

/** Breaking changes for clients from the published client SDL `before` to the served schema `after`. */
export function clientBreakingChanges(before: string, after: GraphQLSchema): BreakingChange[] {
  return findBreakingChanges(buildSchema(before), clientSchema(after));
}

/** apollo-cache.json: Apollo Client's InMemoryCache options for the client schema (see apollo-cache.ts). */
export function printApolloCache(served: GraphQLSchema): string {
  return JSON.stringify(apolloCacheConfig(clientSchema(served)), null, 2) + "\n";
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  await import("reflect-metadata");
  const { gatewaySchema } = await import("../src/schema/index.js");
  const schema = await gatewaySchema();
  const outputs = [
    { file: SCHEMA_FILE, print: printPublishedSchema, changes: breakingChanges },
    { file: CLIENT_SCHEMA_FILE, print: printClientSchema, changes: clientBreakingChanges },
    { file: APOLLO_CACHE_FILE, print: printApolloCache, changes: () => [] },
  ];
  if (!process.argv.includes("--allow-breaking")) {
    let breaking = false;
    for (const { file, changes } of outputs) {
      if (!existsSync(file)) continue;
      const found = changes(readFileSync(file, "utf8"), schema);
      if (found.length === 0) continue;
      breaking = true;
      console.error(`Breaking changes against ${path.basename(file)} (rerun with --allow-breaking if they are deliberate):`);
      for (const change of found) console.error(`  ${change.type}: ${change.description}`);
    }
    if (breaking) process.exit(1);
  }
  for (const { file, print } of outputs) {
    writeFileSync(file, print(schema));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
