// Prints the served subgraph SDL to schema.graphql (`npm run schema`). Refuses a breaking
// change against the committed file unless run with --allow-breaking, so removing or
// retyping a field is always a deliberate, visible change.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { findBreakingChanges, parse, type BreakingChange, type GraphQLSchema } from "graphql";

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../schema.graphql");

export function printPublishedSchema(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema).trimEnd() + "\n";
}

/** Breaking changes from the published SDL `before` to the schema `after`. */
export function breakingChanges(before: string, after: GraphQLSchema): BreakingChange[] {
  return findBreakingChanges(buildSubgraphSchema(parse(before)), after);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  await import("reflect-metadata");
  const { gatewaySchema } = await import("../src/schema/index.js");
  const schema = await gatewaySchema();
  if (existsSync(SCHEMA_FILE) && !process.argv.includes("--allow-breaking")) {
    const changes = breakingChanges(readFileSync(SCHEMA_FILE, "utf8"), schema);
    if (changes.length > 0) {
      console.error("Breaking changes against schema.graphql (rerun with --allow-breaking if they are deliberate):");
      for (const change of changes) console.error(`  ${change.type}: ${change.description}`);
      process.exit(1);
    }
  }
  writeFileSync(SCHEMA_FILE, printPublishedSchema(schema));
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
