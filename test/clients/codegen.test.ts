import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { generate } from "@graphql-codegen/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_SCHEMA_FILE } from "../../scripts/schema.js";

/**
 * GraphQL Code Generator's client preset over the published client schema generates clean types
 * for the README's queries: every operation in the README's graphql blocks (the supergraph's SDL
 * excepted) compiles, and the generated TypeScript type-checks under strict mode.
 */
const CLIENT_SCHEMA = CLIENT_SCHEMA_FILE;

/** The operations of the README's ```graphql blocks (blocks that define types belong to another subgraph). */
function readmeOperations(): string[] {
  const readme = readFileSync(path.resolve("README.md"), "utf8");
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((block) => !/^\s*(type|extend|schema)\b/m.test(block));
}

let out: string;
beforeAll(() => {
  // Inside the project, so the generated code resolves graphql and the typed-document-node types.
  mkdirSync(path.resolve("node_modules/.cache"), { recursive: true });
  out = mkdtempSync(path.resolve("node_modules/.cache/codegen-"));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("@graphql-codegen/cli (client preset) over schema.client.graphql", () => {
  it("generates clean, strictly type-checked types for the README's queries", async () => {
    const operations = readmeOperations();
    expect(operations.length).toBeGreaterThan(0);
    operations.forEach((operation, i) => writeFileSync(path.join(out, `readme-${i}.graphql`), operation));
    await generate(
      {
        schema: CLIENT_SCHEMA,
        documents: path.join(out, "*.graphql"),
        generates: { [path.join(out, "gql") + "/"]: { preset: "client", config: { scalars: { DateTime: "string", JSON: "unknown", JSONObject: "Record<string, unknown>" } } } },
        silent: true,
      },
      true,
    );
    const files = readdirSync(path.join(out, "gql"));
    expect(files).toEqual(expect.arrayContaining(["graphql.ts", "gql.ts", "index.ts"]));
    const types = readFileSync(path.join(out, "gql/graphql.ts"), "utf8");
    expect(types).toContain("export type InboxQuery");
    expect(types).toContain("InboxDocument");
    // Clean: the generated code compiles under strict TypeScript with no error.
    const tsc = path.resolve("node_modules/typescript/bin/tsc");
    const result = await promisify(execFile)(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", "--target", "ES2022", "--moduleResolution", "bundler", "--module", "ESNext", path.join(out, "gql/index.ts")], {
      cwd: path.resolve("."),
    }).then(
      () => ({ ok: true, output: "" }),
      (error: { stdout?: string }) => ({ ok: false, output: error.stdout ?? "" }),
    );
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  }, 120_000);
});
